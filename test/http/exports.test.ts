import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv, restoreFormula } from "../../src/domain/exports/csv.js";
import { importClaimSheets } from "../../src/domain/sheets/importClaimSheet.js";
import { sliceCodePoints } from "../../src/domain/text/codePoints.js";
import { binary, sheetTestApp } from "../support/app.js";
import { englishSheet, THAI_BODY, thaiSheet } from "../support/hostileSheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let test: TestDb;
let app: Awaited<ReturnType<typeof sheetTestApp>>;

beforeAll(async () => {
  test = createTestDb();
  await importClaimSheets(test.db, [thaiSheet(), englishSheet()]);
  await test.db.relation.updateMany({ where: { origin: "derived" }, data: { status: "confirmed" } });
  app = await sheetTestApp(test.db);
});

afterAll(() => test.close());

/** Records of a CSV export as objects by header, cells restored as the import reads them. */
function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, restoreFormula(row[i]!)])));
}

describe("GET /api/export/claims.csv", () => {
  it("writes RFC 4180 CSV with a BOM, CRLF records and formula cells prefixed with '", async () => {
    const res = await app.get("/api/export/claims.csv?article=thai-test-article").expect(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBeUndefined();
    const text: string = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFFid,key,article,quote,start,end,span_in,gloss,kind,hedged,cue,stated_on,article_published_at,speaker,chain,chain_slugs,chain_roles,hop_distance,topics,stances,contradicting_claim_ids",
    );
    const raw = parseCsv(text).slice(1);
    expect(raw.map((row) => row[3])).toEqual([
      '"คิม จองอึน" จะเดินทางไปรัสเซีย, ตามรายงาน',
      "'=ไม่มีการเจรจาเรื่องอาวุธ",
      "'+ข้อมูลเพิ่มเติม -ลบ @ผู้ใช้",
    ]);
    expect(raw.map((row) => row[6])).toEqual(["body", "body", "body"]);
    expect(raw.map((row) => row[7])).toEqual([
      'Yonhap: Kim "will" travel to Russia,\nper reports',
      "'-Peskov denies arms talks",
      "'@InfoQuest adds, +context",
    ]);
  });

  it("parses back to the stored values, apart from the ' prefix", async () => {
    const res = await app.get("/api/export/claims.csv?article=thai-test-article").expect(200);
    const rows = csvObjects(res.text);
    const sheet = thaiSheet();
    expect(rows.map((r) => [r.key, r.quote, r.start, r.end, r.gloss])).toEqual(
      sheet.claims.map((c) => [c.key, c.quote, String(c.start), String(c.end), c.gloss]),
    );
    const peskov = rows[1]!;
    expect(peskov).toMatchObject({
      speaker: "Dmitry Peskov",
      chain: "Dmitry Peskov → TASS → InfoQuest | Dmitry Peskov → InfoQuest",
      chain_slugs: "dmitry-peskov>tass>infoquest | dmitry-peskov>infoquest",
      chain_roles: "speaker>reporter>publisher | speaker>publisher",
      hop_distance: "2",
      stated_on: "2023-09-19",
      article_published_at: "2023-09-20T12:14:00+07:00",
      stances: "denies:arms-talks",
      hedged: "false",
    });
    const ids = await test.db.claim.findMany({ select: { id: true, key: true }, orderBy: { id: "asc" } });
    const id = (key: string) => String(ids.find((c) => c.key === key)!.id);
    expect(peskov.contradicting_claim_ids).toBe(`${id("c1")} ${id("e2")}`);
    expect(rows[0]!.topics).toBe("arms kim-visit");
  });

  it("applies the claim filters and names the download after them", async () => {
    const res = await app.get("/api/export/claims.csv?source=dmitry-peskov&role=speaker&download=1").expect(200);
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="claimtrail-claims-dmitry-peskov-speaker.csv"',
    );
    expect(csvObjects(res.text).map((r) => r.key)).toEqual(["c2"]);
  });

  it("answers 400 naming a bad filter, and 404 for a format the table has not", async () => {
    const bad = await app.get("/api/export/claims.csv?kind=rumour").expect(400);
    expect(bad.body.error.code).toBe("validation_error");
    expect(bad.body.error.details[0].path).toBe("query.kind");
    const missing = await app.get("/api/export/sources.jsonld").expect(404);
    expect(missing.body.error.code).toBe("not_found");
  });
});

describe("GET /api/export/sources and contradictions", () => {
  it("lists the sources in the exported claims' chains with their counts", async () => {
    const res = await app.get("/api/export/sources.csv?article=yonhap-test-article").expect(200);
    const rows = csvObjects(res.text);
    expect(rows.map((r) => [r.slug, r.claims_as_speaker, r.claims_in_chains])).toEqual([
      ["yonhap", "2", "3"],
      ["vladimir-putin", "1", "1"],
    ]);
    expect(rows[0]!.names).toBe("สำนักข่าวยอนฮัป | Yonhap");
  });

  it("writes contradictions as JSONL, one per line, filtered by status", async () => {
    const res = await app.get("/api/export/contradictions.jsonl?status=confirmed").expect(200);
    expect(res.headers["content-type"]).toBe("application/jsonl; charset=utf-8");
    const rows = res.text
      .trimEnd()
      .split("\n")
      .map((line: string) => JSON.parse(line));
    expect(
      rows.map((r: { from: { key: string }; to: { key: string }; origin: string }) => [r.from.key, r.to.key, r.origin]),
    ).toEqual([
      ["c2", "c1", "derived"],
      ["c2", "e2", "derived"],
    ]);
  });
});

describe("GET /api/export/claims.xlsx", () => {
  it("writes sheets Claims, Sources and Contradictions with a bold frozen header and Thai intact", async () => {
    const res = await app.get("/api/export/claims.xlsx?download=true").buffer(true).parse(binary).expect(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="claimtrail-claims.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Claims", "Sources", "Contradictions"]);
    const claims = workbook.getWorksheet("Claims")!;
    expect(claims.getRow(1).getCell(4).value).toBe("quote");
    expect(claims.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(claims.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(claims.autoFilter).toBe("A1:U1");
    expect(claims.getColumn(4).width).toBe(60);
    expect(claims.getRow(2).getCell(4).value).toBe('"คิม จองอึน" จะเดินทางไปรัสเซีย, ตามรายงาน');
    expect(claims.getRow(3).getCell(4).value).toBe("=ไม่มีการเจรจาเรื่องอาวุธ");
    expect(claims.getRow(2).getCell(4).alignment?.wrapText).toBe(true);
    expect(claims.getRow(2).getCell(5).value).toBe(0 + thaiSheet().claims[0]!.start);
    expect(claims.rowCount).toBe(6);
    expect(workbook.getWorksheet("Contradictions")!.rowCount).toBe(3);
    expect(workbook.getWorksheet("Sources")!.getRow(1).getCell(2).value).toBe("slug");
  });
});

describe("GET /api/export/claims.jsonld", () => {
  it("describes each claim as a Claim and each confirmed contradiction as a ClaimReview", async () => {
    const res = await app.get("/api/export/claims.jsonld").expect(200);
    expect(res.headers["content-type"]).toBe("application/ld+json; charset=utf-8");
    const doc = JSON.parse(res.text);
    expect(doc["@context"]).toBe("https://schema.org");
    const claims = doc["@graph"].filter((n: { "@type": string }) => n["@type"] === "Claim");
    const reviews = doc["@graph"].filter((n: { "@type": string }) => n["@type"] === "ClaimReview");
    expect(claims).toHaveLength(5);
    const peskov = claims.find((c: { identifier: string }) => c.identifier === "c2");
    expect(peskov).toMatchObject({
      author: { "@type": "Person", name: "Dmitry Peskov" },
      datePublished: "2023-09-19",
      appearance: {
        "@type": "NewsArticle",
        url: "https://example.org/thai-test",
        datePublished: "2023-09-20T12:14:00+07:00",
      },
      firstAppearance: { "@type": "CreativeWork", publisher: { "@type": "Organization", name: "TASS" } },
    });
    expect(reviews).toHaveLength(2);
    for (const review of reviews) {
      expect(typeof review.claimReviewed).toBe("string");
      expect(review.reviewRating.alternateName).toMatch(/^Contradicted by /);
      expect(review.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/contradictions\/\d+$/);
    }
    expect(reviews[0].claimReviewed).toBe("Dmitry Peskov: -Peskov denies arms talks");
  });
});

describe("GET /api/export/annotations.jsonld", () => {
  it("anchors every claim with selectors that re-anchor in the article body", async () => {
    const res = await app.get("/api/export/annotations.jsonld").expect(200);
    const doc = JSON.parse(res.text);
    expect(doc.type).toBe("AnnotationCollection");
    const items = doc.first.items;
    expect(items).toHaveLength(5);
    const bodies = await test.db.article.findMany({ select: { body: true, bodySha256: true, url: true, slug: true } });
    for (const item of items) {
      const [quote, position] = item.target.selector;
      const article = bodies.find((a) => a.bodySha256 === item.target.bodySha256)!;
      expect(sliceCodePoints(article.body, position.start, position.end)).toBe(quote.exact);
      expect(sliceCodePoints(article.body, 0, position.start).endsWith(quote.prefix)).toBe(true);
      expect(sliceCodePoints(article.body, position.end).startsWith(quote.suffix)).toBe(true);
      expect(article.body.includes(quote.prefix + quote.exact + quote.suffix)).toBe(true);
    }
    const emojiClaim = items.find((i: { target: { selector: { exact?: string }[] } }) =>
      i.target.selector[0]!.exact!.startsWith("+"),
    );
    expect(emojiClaim.target.selector[1].start).toBe([...THAI_BODY].indexOf("+"));
    // 32 code points (the emoji counts once), ending right before the quote.
    expect(emojiClaim.target.selector[0].prefix).toBe("ว่า =ไม่มีการเจรจาเรื่องอาวุธ\n😀 ");
    expect([...emojiClaim.target.selector[0].prefix]).toHaveLength(32);
  });
});

describe("quoteContext", () => {
  it("never starts a prefix or ends a suffix inside a Thai grapheme", async () => {
    const { quoteContext } = await import("../../src/domain/exports/webAnnotations.js");
    // "ปูติน" is ป ู ต ิ น: 32 code points before the quote is the vowel ู (it belongs to ป),
    // 32 after it is the vowel ิ (it belongs to ต).
    const body = `ปูติน${"ก".repeat(28)}QUOTE${"ก".repeat(29)}ปูติน`;
    const { prefix, suffix } = quoteContext(body, 33, 38);
    expect(prefix).toBe(`ติน${"ก".repeat(28)}`);
    expect(suffix).toBe(`${"ก".repeat(29)}ปู`);
  });
});
