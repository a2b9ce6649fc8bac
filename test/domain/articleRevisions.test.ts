import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimSheetChunks } from "../../src/domain/exports/exportClaimSheets.js";
import { relationHistory, reviewRelation } from "../../src/domain/relations/relationService.js";
import { sha256Hex } from "../../src/domain/sheets/checkClaimSheet.js";
import { importClaimSheet, importClaimSheets } from "../../src/domain/sheets/importClaimSheet.js";
import { SMALL_BODY, smallSheet, spanOf } from "../support/sheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let test: TestDb;
beforeEach(async () => {
  test = createTestDb();
  await importClaimSheet(test.db, smallSheet());
});
afterEach(() => test.close());

async function exported(slug: string): Promise<unknown> {
  let text = "";
  for await (const chunk of claimSheetChunks(test.db, { article: slug }, "json")) text += chunk;
  return (JSON.parse(text) as unknown[])[0];
}

async function snapshot() {
  const claims = await test.db.claim.findMany({ orderBy: { id: "asc" } });
  const relations = await test.db.relation.findMany({ orderBy: { id: "asc" }, include: { events: true } });
  return { claims, relations };
}

/** Reviews the small sheet's curated relation three times; returns its id. */
async function reviewThreeTimes(): Promise<number> {
  const { id } = await test.db.relation.findFirstOrThrow({ where: { origin: "curated" } });
  await reviewRelation(test.db, id, { status: "needs_evidence", expectedVersion: 1 }, "Ann");
  await reviewRelation(test.db, id, { status: "confirmed", note: "checked", expectedVersion: 2 }, "Ben");
  await reviewRelation(test.db, id, { status: "dismissed", expectedVersion: 3 }, "Ann");
  return id;
}

describe("update=true with the same body", () => {
  it("re-importing the article's own export changes nothing and says so", async () => {
    const relationId = await reviewThreeTimes();
    const before = await snapshot();
    const [result] = await importClaimSheets(test.db, [await exported("small-article")], { update: true });
    expect(result!.status).toBe("unchanged");
    expect(await snapshot()).toEqual(before);
    expect((await relationHistory(test.db, relationId)).map((e) => e.toStatus)).toEqual([
      "proposed",
      "needs_evidence",
      "confirmed",
      "dismissed",
    ]);
  });

  it("merges an edited sheet by key: claim and relation ids, versions and history stay", async () => {
    const relationId = await reviewThreeTimes();
    const before = await snapshot();
    const sheet = smallSheet();
    sheet.claims[0]!.gloss = "No military agreement was signed (edited)";
    const result = await importClaimSheet(test.db, sheet, { update: true });
    expect(result.status).toBe("updated");
    const after = await snapshot();
    expect(after.claims.map((c) => c.id)).toEqual(before.claims.map((c) => c.id));
    expect(after.claims[0]!.gloss).toBe("No military agreement was signed (edited)");
    expect(after.relations).toEqual(before.relations);
    expect((await relationHistory(test.db, relationId)).length).toBe(4);
  });

  it("keeps relations other articles hold to its claims", async () => {
    const other = smallSheet("other-article");
    other.article.body = `${SMALL_BODY} อีกครั้ง`;
    other.sources = [];
    other.relations = [
      { from: "peskov-denial", to: "small-article/kyodo-report", type: "contradicts", rationale: "cross-article" },
    ];
    await importClaimSheet(test.db, other);
    const cross = await test.db.relation.findFirstOrThrow({ where: { rationale: "cross-article" } });
    const sheet = smallSheet();
    sheet.article.title = "retitled";
    await importClaimSheet(test.db, sheet, { update: true });
    expect(await test.db.relation.findUniqueOrThrow({ where: { id: cross.id } })).toEqual(cross);
  });
});

describe("update=true with a corrected body", () => {
  const CORRECTED = `แก้ไข: ${SMALL_BODY.replace("การพบกันครั้งนี้อาจเปลี่ยนดุลอำนาจ", "การพบกันครั้งนี้สำคัญ")}`;

  function correctedSheet() {
    const sheet = smallSheet();
    sheet.article.body = CORRECTED;
    // The corrected sheet restates one claim; the other two are left for the import to place.
    sheet.claims = [{ ...sheet.claims[0]!, ...spanOf(CORRECTED, "ไม่มีการลงนามข้อตกลงทางทหาร") }];
    sheet.relations = [];
    return sheet;
  }

  it("keeps the old body as a revision, re-anchors or orphans the claims, and keeps every id and event", async () => {
    const relationId = await reviewThreeTimes();
    const before = await snapshot();
    const result = await importClaimSheet(test.db, correctedSheet(), { update: true });
    expect(result).toMatchObject({ status: "revised", orphanedClaims: 1 });

    const article = await test.db.article.findUniqueOrThrow({ where: { slug: "small-article" } });
    expect(article.body).toBe(CORRECTED);
    const revisions = await test.db.articleRevision.findMany({ where: { articleId: article.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ body: SMALL_BODY, bodySha256: sha256Hex(SMALL_BODY) });
    expect(revisions[0]!.replacedAt).toBeInstanceOf(Date);

    const after = await snapshot();
    expect(after.claims.map((c) => c.id)).toEqual(before.claims.map((c) => c.id));
    const byKey = Object.fromEntries(after.claims.map((c) => [c.key, c]));
    const oldByKey = Object.fromEntries(before.claims.map((c) => [c.key, c]));
    expect(byKey["peskov-denial"]).toMatchObject({
      ...spanOf(CORRECTED, "ไม่มีการลงนามข้อตกลงทางทหาร"),
      anchor: "anchored",
    });
    expect(byKey["kyodo-report"]).toMatchObject({
      ...spanOf(CORRECTED, "ทั้งสองฝ่ายตกลงขยายความร่วมมือทางทหาร"),
      anchor: "anchored",
    });
    expect(byKey["publisher-framing"]).toMatchObject({
      quote: oldByKey["publisher-framing"]!.quote,
      start: oldByKey["publisher-framing"]!.start,
      end: oldByKey["publisher-framing"]!.end,
      anchor: "orphaned",
    });
    expect(after.relations).toEqual(before.relations);
    expect((await relationHistory(test.db, relationId)).length).toBe(4);
  });

  it("is refused without update, naming the slug", async () => {
    await expect(importClaimSheet(test.db, correctedSheet())).rejects.toMatchObject({
      status: 422,
      details: [expect.objectContaining({ path: "article.slug", code: "slug_taken" })],
    });
    expect(await test.db.articleRevision.count()).toBe(0);
  });
});
