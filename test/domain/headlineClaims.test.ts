import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimSheetChunks } from "../../src/domain/exports/exportClaimSheets.js";
import { checkClaimSheet } from "../../src/domain/sheets/checkClaimSheet.js";
import { ClaimSheet, type ClaimSheetInput } from "../../src/domain/sheets/claimSheet.js";
import { importClaimSheet, importClaimSheets } from "../../src/domain/sheets/importClaimSheet.js";
import { smallSheet, spanOf } from "../support/sheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

// A headline of our own: the column's name, then the outlet's framing of the story.
const TITLE = "ข่าวเด่น เพสคอฟปฏิเสธข้อตกลงทหาร";
const FRAMING = "เพสคอฟปฏิเสธข้อตกลงทหาร";

/** The small sheet with a headline claim: the wire's own framing, spanned in the title. */
function headlineSheet(title = TITLE): ClaimSheetInput {
  const sheet = smallSheet();
  sheet.article.title = title;
  sheet.claims.push({
    key: "wire-headline",
    in: "title",
    ...spanOf(title, FRAMING),
    gloss: "The wire's headline: Peskov denies a military deal",
    kind: "editorial",
    chains: [[{ source: "test-wire", role: "speaker" }]],
  });
  return sheet;
}

const check = (sheet: ClaimSheetInput) => checkClaimSheet(ClaimSheet.parse(sheet));

describe("checkClaimSheet on a headline claim", () => {
  it("accepts a quote at its code-point offsets in the title", () => {
    expect(spanOf(TITLE, FRAMING)).toEqual({ quote: FRAMING, start: 9, end: 32 });
    expect(check(headlineSheet())).toEqual([]);
  });

  it("reads the offsets as the title's, not the body's", () => {
    const sheet = headlineSheet();
    delete sheet.claims.at(-1)!.in;
    expect(check(sheet)).toEqual([
      {
        path: "claims[3].quote",
        code: "quote_not_at_offsets",
        message: "quote is not at 9-32: it does not occur in the body",
      },
    ]);
  });

  it("says where in the title a misplaced quote occurs, and refuses a span past its end", () => {
    const moved = headlineSheet();
    Object.assign(moved.claims.at(-1)!, { start: 8, end: 31 });
    expect(check(moved)).toEqual([
      {
        path: "claims[3].quote",
        code: "quote_not_at_offsets",
        message: "quote is not at 8-31 of the title: it occurs at 9",
      },
    ]);
    const past = headlineSheet();
    Object.assign(past.claims.at(-1)!, { start: 9, end: 40 });
    expect(check(past)).toEqual([
      { path: "claims[3].end", code: "span_out_of_title", message: "end (40) is past the title's end (32)" },
    ]);
  });

  it("refuses a span that cuts a Thai tone mark off its consonant in the title", () => {
    // "ข้อ": ending after ข leaves the tone mark ้ on its own.
    const sheet = headlineSheet();
    const start = [...TITLE].indexOf("ข", 20);
    Object.assign(sheet.claims.at(-1)!, { quote: [...TITLE].slice(9, start + 1).join(""), start: 9, end: start + 1 });
    expect(check(sheet)).toEqual([
      { path: "claims[3].end", code: "span_splits_grapheme", message: `end (${start + 1}) falls inside a grapheme` },
    ]);
  });

  it("refuses an unknown text name", () => {
    const parsed = ClaimSheet.safeParse({
      ...headlineSheet(),
      claims: [{ ...headlineSheet().claims.at(-1)!, in: "lede" }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(["claims.0.in"]);
  });
});

describe("a stored headline claim", () => {
  let test: TestDb;
  beforeEach(async () => {
    test = createTestDb();
    await importClaimSheet(test.db, headlineSheet());
  });
  afterEach(() => test.close());

  const exported = async () => {
    let text = "";
    for await (const chunk of claimSheetChunks(test.db, { article: "small-article" }, "json")) text += chunk;
    return (JSON.parse(text) as ClaimSheetInput[])[0]!;
  };

  it("is stored with its text and exported with `in`, a body claim without it", async () => {
    const stored = await test.db.claim.findMany({ orderBy: { id: "asc" }, select: { key: true, spanIn: true } });
    expect(stored.map((c) => [c.key, c.spanIn])).toEqual([
      ["peskov-denial", "body"],
      ["kyodo-report", "body"],
      ["publisher-framing", "body"],
      ["wire-headline", "title"],
    ]);
    const sheet = await exported();
    expect(sheet.claims.map((c) => c.in)).toEqual([undefined, undefined, undefined, "title"]);
    const [again] = await importClaimSheets(test.db, [sheet], { update: true });
    expect(again!.status).toBe("unchanged");
  });

  it("is re-anchored in a corrected title, and orphaned when the title drops it", async () => {
    const moved = headlineSheet("ด่วน: เพสคอฟปฏิเสธข้อตกลงทหาร");
    moved.claims = moved.claims.filter((c) => c.key !== "wire-headline");
    const [revised] = await importClaimSheets(test.db, [moved], { update: true });
    expect(revised!.orphanedClaims).toBe(0);
    const claim = await test.db.claim.findFirstOrThrow({ where: { key: "wire-headline" } });
    expect([claim.spanIn, claim.start, claim.end, claim.anchor]).toEqual(["title", 6, 29, "anchored"]);

    const dropped = smallSheet();
    dropped.article.title = "ข่าวเด่น ทำเนียบเครมลินแถลง";
    const [again] = await importClaimSheets(test.db, [dropped], { update: true });
    expect(again!.orphanedClaims).toBe(1);
    const orphan = await test.db.claim.findFirstOrThrow({ where: { key: "wire-headline" } });
    expect([orphan.start, orphan.end, orphan.anchor]).toEqual([6, 29, "orphaned"]);
    // The body claims stayed where they were: the body did not change.
    const body = await test.db.claim.findMany({ where: { spanIn: "body" }, select: { anchor: true } });
    expect(body.map((c) => c.anchor)).toEqual(["anchored", "anchored", "anchored"]);
  });
});
