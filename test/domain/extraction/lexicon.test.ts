import { describe, expect, it } from "vitest";
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

  it("romanises Thai roughly for slugs, silent letters dropped and leading vowels moved", () => {
    expect(romanizeThai("ทาสส์")).toBe("thas");
    expect(slugify("เพสคอฟ")).toBe("pheskhof");
    expect(slugify("Yonhap News Agency")).toBe("yonhap-news-agency");
    expect(slugify("😀")).toBe("source");
  });
});
