import { describe, expect, it } from "vitest";
import { extractClaimSheet } from "../../../src/domain/extraction/extractClaimSheet.js";
import { ENGLISH_CONTRAST_MARKERS, THAI_CONTRAST_MARKERS } from "../../../src/domain/extraction/lexicon/contrast.js";
import { ENGLISH_CUES, THAI_CUES } from "../../../src/domain/extraction/lexicon/cues.js";
import { ENGLISH_TITLES, THAI_TITLES } from "../../../src/domain/extraction/lexicon/titles.js";
import { romanizeThai, slugify } from "../../../src/domain/extraction/slugs.js";
import { SourceDirectory, splitPersonName } from "../../../src/domain/extraction/sources.js";
import { ClaimKind, SourceKind, Stance } from "../../../src/domain/vocabulary.js";

describe("the cue lexicons", () => {
  it("hold the cues the issue names, Thai and English", () => {
    const thai = THAI_CUES.map((c) => c.form);
    for (const verb of [
      "กล่าว",
      "ระบุ",
      "รายงาน",
      "เปิดเผย",
      "ปฏิเสธ",
      "ยืนยัน",
      "มอง",
      "ชี้",
      "แถลง",
      "คาดการณ์",
      "แสดงความกังวล",
      "ขู่",
      "ยกย่อง",
      "ตามรายงานของ",
      "อ้างอิง",
      "อ้างแหล่งข่าว",
    ]) {
      expect(thai).toContain(verb);
    }
    const english = ENGLISH_CUES.map((c) => c.form);
    for (const verb of ["said", "told", "reported", "stated", "according to", "citing", "denied", "warned", "claimed"])
      expect(english).toContain(verb);
  });

  it("gives every cue a valid kind, stance and weight, and no cue twice with the same frame", () => {
    for (const cue of [...THAI_CUES, ...ENGLISH_CUES]) {
      expect(ClaimKind.safeParse(cue.kind).success).toBe(true);
      expect(Stance.safeParse(cue.stance).success).toBe(true);
      expect(cue.weight).toBeGreaterThan(0);
      expect(cue.weight).toBeLessThanOrEqual(1);
    }
    const keys = [...THAI_CUES, ...ENGLISH_CUES].map((c) => `${c.form}/${c.frame}/${c.complement ?? ""}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("marks denial cues as denials and expectation cues as hedges", () => {
    expect(THAI_CUES.find((c) => c.form === "ปฏิเสธ")).toMatchObject({ kind: "denial", stance: "denies" });
    expect(ENGLISH_CUES.find((c) => c.form === "denied")).toMatchObject({ kind: "denial", stance: "denies" });
    expect(THAI_CUES.find((c) => c.form === "คาดการณ์")).toMatchObject({ kind: "expectation", stance: "hedges" });
  });

  it("holds the contrast markers the issue names", () => {
    expect(THAI_CONTRAST_MARKERS.map((m) => m.form)).toEqual(expect.arrayContaining(["สวนทางกับ", "ขัดแย้งกับ"]));
    expect(ENGLISH_CONTRAST_MARKERS.map((m) => m.form)).toEqual(
      expect.arrayContaining(["contrary to", "despite reports"]),
    );
  });
});

describe("titles -> source kinds", () => {
  it("maps every title to a valid kind (or null for a bare honorific)", () => {
    for (const title of [...THAI_TITLES, ...ENGLISH_TITLES])
      if (title.kind !== null) expect(SourceKind.safeParse(title.kind).success).toBe(true);
  });

  it.each([
    ["สำนักข่าวเอบีซี", "news_agency"],
    ["สถานีวิทยุเอฟเอ็ม", "broadcaster"],
    ["สถานีโทรทัศน์ช่องห้า", "broadcaster"],
    ["โฆษกรัฐบาล", "official"],
    ["ปธน.สมชาย", "head_of_state"],
    ["นายกรัฐมนตรีสมหญิง", "head_of_state"],
    ["รัฐมนตรีกลาโหม", "official"],
    ["นักวิเคราะห์อาวุโส", "analyst"],
    ["ศูนย์วิจัยกสิกร", "think_tank"],
    ["สถาบันวิจัยเพื่อการพัฒนา", "think_tank"],
    ["แหล่งข่าวในกองทัพ", "anonymous"],
    ["นายเอ บี นักวิเคราะห์ของธนาคาร", "analyst"],
    ["Senior analyst Mia Ross", "analyst"],
    ["Foreign Minister Ali Khan", "official"],
    ["sources familiar with the matter", "anonymous"],
  ])("%s -> %s", (phrase, kind) => {
    const source = new SourceDirectory(phrase, []).resolve({ start: 0, end: phrase.length, text: phrase });
    expect(source?.kind).toBe(kind);
  });
});

describe("names and slugs", () => {
  it("splits a Thai personal name from what follows it", () => {
    expect(splitPersonName("ดมิทรี เพสคอฟ โฆษก")).toEqual({ name: "ดมิทรี เพสคอฟ", parts: ["ดมิทรี", "เพสคอฟ"], length: 13 });
    expect(splitPersonName("ปูตินแห่งรัสเซีย")).toEqual({ name: "ปูติน", parts: ["ปูติน"], length: 5 });
    expect(splitPersonName("สมชาย โฆษกรัฐบาล")).toEqual({ name: "สมชาย", parts: ["สมชาย"], length: 5 });
  });

  it("romanises Thai in RTGS: initial and final consonant values, leading vowels, clusters, silent letters, no tones", () => {
    // Official RTGS spellings of places and common words (RTGS writes a compound's words apart; a
    // word written solid in Thai comes out solid here).
    const official: [string, string][] = [
      ["กรุงเทพ", "krungthep"],
      ["ประเทศ", "prathet"],
      ["สวัสดี", "sawatdi"],
      ["ไทย", "thai"],
      ["เชียงราย", "chiangrai"],
      ["ภูเก็ต", "phuket"],
      ["ขอนแก่น", "khonkaen"],
      ["สุโขทัย", "sukhothai"],
      ["ชลบุรี", "chonburi"],
      ["นนทบุรี", "nonthaburi"],
      ["ปทุมธานี", "pathumthani"],
      ["สงขลา", "songkhla"],
      ["ลำปาง", "lampang"],
      ["หาดใหญ่", "hatyai"],
      ["สมุทรปราการ", "samutprakan"],
      ["ถนน", "thanon"],
      ["เมือง", "mueang"],
      ["เกาะ", "ko"],
      ["ใหม่", "mai"],
      ["หนึ่ง", "nueng"],
      ["ด้วย", "duai"],
      ["เลย", "loei"],
      ["ควร", "khuan"],
      ["กรรม", "kam"],
      ["จันทร์", "chan"],
      ["ศาสตร์", "sat"],
      ["กระทรวง", "krasuang"],
      ["ทำเนียบ", "thamniap"],
    ];
    expect(official.filter(([thai, rtgs]) => romanizeThai(thai) !== rtgs)).toEqual([]);
  });

  it("gives any run of Thai letters and marks a slug of Latin letters, digits and hyphens (seeded random strings)", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const letters = [..."กขคงจฉชซญดตถทธนบปผฝพฟภมยรลวศษสหฬอฮะัาำิีึืุูเแโใไ็่้๊๋์ฯๆฤ ๑"];
    const bad: string[] = [];
    for (let k = 0; k < 2000; k++) {
      let word = "";
      for (let i = 1 + Math.floor(random() * 12); i > 0; i--) word += letters[Math.floor(random() * letters.length)];
      if (!/^[a-z0-9-]+$/.test(slugify(word))) bad.push(word);
    }
    expect(bad).toEqual([]);
  });

  it("romanises personal names readably and makes slugs from them without the title", () => {
    expect(romanizeThai("ประยุทธ์ จันทร์โอชา")).toBe("prayut chanocha");
    expect(romanizeThai("เศรษฐา ทวีสิน")).toBe("settha thawisin");
    expect(romanizeThai("ทาสส์")).toBe("that");
    expect(slugify("พิมพ์ชนก แสงทอง")).toBe("phimchanok-saengthong");
    expect(slugify("Yonhap News Agency")).toBe("yonhap-news-agency");
    expect(slugify("😀")).toBe("source");
  });

  it("gives a known outlet written in Thai its English name as the slug (pattern 11)", () => {
    const { sheet } = extractClaimSheet(
      "สำนักข่าวรอยเตอร์รายงานว่า บริษัทจะปิดโรงงาน นายอนุชา บูรพชัยศรี โฆษกรัฐบาล กล่าวว่า รัฐบาลจะช่วยเหลือแรงงาน",
      { publisher: "test-wire", now: () => new Date("2024-01-02T03:04:05Z") },
    );
    const reuters = sheet.sources.find((s) => s.slug === "reuters");
    expect(reuters?.names).toEqual(expect.arrayContaining(["สำนักข่าวรอยเตอร์", "Reuters"]));
    expect(sheet.sources.map((s) => s.slug).sort()).toEqual(["anucha-bunphachaisi", "reuters", "test-wire"]);
  });

  it("finds a stored outlet by its English name from its Thai spelling", () => {
    const { sheet } = extractClaimSheet("รอยเตอร์รายงานว่า บริษัทจะปิดโรงงาน", {
      publisher: "test-wire",
      knownSources: [{ slug: "reuters", name: "Reuters", kind: "news_agency", names: ["Reuters"] }],
      now: () => new Date("2024-01-02T03:04:05Z"),
    });
    expect(sheet.claims[0]!.chains[0]!.map((l) => l.source)).toEqual(["reuters", "test-wire"]);
  });
});
