import { afterAll, describe, expect, it } from "vitest";
import { extractClaimSheet } from "../../../src/domain/extraction/extractClaimSheet.js";
import { checkClaimSheet } from "../../../src/domain/sheets/checkClaimSheet.js";
import { importClaimSheet } from "../../../src/domain/sheets/importClaimSheet.js";
import { sliceCodePoints } from "../../../src/domain/text/codePoints.js";
import { createTestDb } from "../../support/testDb.js";

const TEXT = [
  "ข่าวทดสอบ Monday March 4, 2024 09:30 —สำนักข่าวทดสอบไทย",
  "",
  "😀 นายเอ บีซี โฆษกกระทรวงพลังงานกล่าวว่า ราคาไฟฟ้าจะไม่ปรับขึ้นในปีนี้ ขณะที่สำนักข่าวดีอีรายงานโดยอ้างอิงแหล่งข่าวในกระทรวงว่า ค่าไฟฟ้าจะปรับขึ้นในเดือนหน้า",
  "",
  "อย่างไรก็ตาม นายบีซีปฏิเสธว่า ค่าไฟฟ้าจะไม่ปรับขึ้นในเดือนหน้า",
].join("\n");

describe("extractClaimSheet", () => {
  const db = createTestDb();
  afterAll(() => db.close());

  it("proposes a sheet that passes checkClaimSheet, with code-point spans after an emoji", () => {
    const { sheet } = extractClaimSheet(TEXT, { publisher: "test-wire" });
    expect(checkClaimSheet(sheet)).toEqual([]);
    for (const claim of sheet.claims)
      expect(sliceCodePoints(sheet.article.body, claim.start, claim.end)).toBe(claim.quote);
    const first = sheet.claims[0]!;
    expect(first.quote).toBe("ราคาไฟฟ้าจะไม่ปรับขึ้นในปีนี้");
    // The emoji is one code point but two UTF-16 units.
    expect(first.start).toBe(TEXT.indexOf(first.quote) - 1);
  });

  it("recognises a later short mention as the same source and keeps both names", () => {
    const { sheet } = extractClaimSheet(TEXT, { publisher: "test-wire" });
    const speakers = sheet.claims.map((c) => c.chains[0]![0]!.source);
    expect(speakers[0]).toBe(speakers[2]);
    expect(sheet.sources.find((s) => s.slug === speakers[0])).toMatchObject({
      name: "นายเอ บีซี",
      names: ["นายเอ บีซี", "นายบีซี"],
      kind: "official",
    });
  });

  it("guesses the publisher from the dateline and the date from it", () => {
    const { sheet, proposals } = extractClaimSheet(TEXT);
    expect(sheet.article.publisher).toBe(sheet.sources.find((s) => s.name === "สำนักข่าวทดสอบไทย")!.slug);
    expect(sheet.article.publishedAt).toBe("2024-03-04T09:30:00Z");
    expect(proposals.warnings[0]).toMatch(/^publisher ".+" guessed from the dateline/);
  });

  it("falls back to a placeholder publisher with a warning", () => {
    const { sheet, proposals } = extractClaimSheet("นายเอ บีซี กล่าวว่า ฝนจะตกหนัก", {
      now: () => new Date("2024-01-02T03:04:05Z"),
    });
    expect(sheet.article.publisher).toBe("unknown-publisher");
    expect(sheet.article.publishedAt).toBe("2024-01-02T03:04:05.000Z");
    expect(proposals.warnings).toEqual([
      'no publisher given or found: a placeholder source "unknown-publisher" stands in; replace it before import',
      "no dateline found: the publication time is set to now; check it",
    ]);
  });

  it("recognises stored sources by any stored name, title included", () => {
    const { sheet, proposals } = extractClaimSheet(TEXT, {
      publisher: "test-wire",
      knownSources: [
        { slug: "test-wire", name: "Test Wire", kind: "publisher", names: [] },
        { slug: "de-news", name: "DE News", kind: "news_agency", names: ["สำนักข่าวดีอี"] },
      ],
    });
    expect(sheet.claims[1]!.chains[0]).toEqual([
      { source: expect.stringMatching(/^/), role: "speaker" },
      { source: "de-news", role: "reporter" },
      { source: "test-wire", role: "publisher" },
    ]);
    expect(sheet.sources.map((s) => s.slug)).not.toContain("de-news");
    expect(proposals.sources).toContainEqual({ slug: "de-news", status: "known", reason: "stored source" });
  });

  it("imports an accepted proposal sheet", async () => {
    const { sheet } = extractClaimSheet(TEXT, { publisher: "test-wire", title: "ทดสอบ" });
    const result = await importClaimSheet(db.db, sheet);
    expect(result).toMatchObject({ status: "created", claims: 3, relations: sheet.relations.length });
    expect(sheet.relations.map((r) => [r.from, r.to])).toEqual([["c3", "c2"]]);
  });
});

describe("stored sources with titles", () => {
  const known = [
    { slug: "test-wire", name: "Test Wire", kind: "publisher" as const, names: [] },
    { slug: "somchai", name: "Somchai Dee", kind: "head_of_state" as const, names: ["ประธานาธิบดีสมชาย ธนากร"] },
    { slug: "anan", name: "Anan Jai", kind: "official" as const, names: ["อนันต์"] },
  ];

  it("recognises a titled short mention of a stored full name, and a stored bare name after a title", () => {
    const { sheet, proposals } = extractClaimSheet("ปธน.ธนากร กล่าวว่า จะเยือนญี่ปุ่น\n\nนายอนันต์ ระบุว่า งบประมาณเพียงพอ", {
      publisher: "test-wire",
      knownSources: known,
    });
    expect(sheet.claims.map((c) => c.chains[0]![0]!.source)).toEqual(["somchai", "anan"]);
    expect(sheet.sources).toEqual([]);
    expect(proposals.claims.map((p) => p.speaker.known)).toEqual([true, true]);
  });

  it("does not take an organisation named inside a role for the speaker", () => {
    const { sheet } = extractClaimSheet("โฆษกสำนักข่าวเอบีซีกล่าวว่า ข่าวนั้นไม่จริง", {
      publisher: "test-wire",
      knownSources: [...known, { slug: "abc", name: "ABC", kind: "news_agency", names: ["สำนักข่าวเอบีซี"] }],
    });
    expect(sheet.claims[0]!.chains[0]![0]!.source).not.toBe("abc");
  });
});
