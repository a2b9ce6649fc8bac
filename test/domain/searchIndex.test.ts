import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sharedConnection } from "../../src/db/client.js";
import { queryRows } from "../../src/db/sql.js";
import { findSearchedClaimIds } from "../../src/domain/claims/claimSearchRepository.js";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { sheetTestApp } from "../support/app.js";
import { TEST_ENGINE } from "../support/engine.js";
import { smallSheet } from "../support/sheets.js";
import { createTestDb, emptyDatabase, type TestDb } from "../support/testDb.js";

let t: TestDb;
beforeEach(async () => {
  t = createTestDb();
  await emptyDatabase(t.db);
});
afterEach(() => t.close());

/** Keys of the claims a search finds, in id order (`sortedNameLinks` 0: named sources' claims walked). */
async function found(q: string, sortedNameLinks?: number): Promise<string[]> {
  const ids = await findSearchedClaimIds(t.db, q, {}, 0, 100, { sortedNameLinks });
  const claims = await t.db.claim.findMany({
    where: { id: { in: ids } },
    select: { key: true },
    orderBy: { id: "asc" },
  });
  return claims.map((c) => c.key);
}

const RECOUNT = `SELECT s."id" AS "sourceId",
    (SELECT COUNT(DISTINCT "claimId") FROM "AttributionLink" WHERE "sourceId" = s."id" AND "role" = 'speaker') AS "asSpeaker",
    (SELECT COUNT(DISTINCT "claimId") FROM "AttributionLink" WHERE "sourceId" = s."id") AS "inChains"
   FROM "Source" s ORDER BY s."id"`;

/**
 * FTS5 compares its index with the claims it indexes: throws if they are out of step. The
 * claim counts per source match a recount. (PostgreSQL: pg_trgm indexes are the server's own;
 * the counts are kept by the twin migration's triggers.)
 */
async function checkIndexes(): Promise<void> {
  if (TEST_ENGINE === "postgresql") {
    const counts = await queryRows(
      t.db,
      Prisma.sql`SELECT "sourceId", "asSpeaker", "inChains" FROM "SourceClaimCount" ORDER BY "sourceId"`,
    );
    expect(counts).toEqual(await queryRows(t.db, Prisma.raw(RECOUNT)));
    return;
  }
  const connection = (await sharedConnection(t.db))!;
  connection.exec(`INSERT INTO "ClaimText"("ClaimText") VALUES ('integrity-check')`);
  const counts = connection
    .prepare(`SELECT "sourceId", "asSpeaker", "inChains" FROM "SourceClaimCount" ORDER BY "sourceId"`)
    .all();
  const recounted = connection.prepare(RECOUNT).all();
  expect(counts).toEqual(recounted);
  const names = connection.prepare(`SELECT "sourceId", "name" FROM "SourceNameText" ORDER BY rowid`).all();
  const stored = connection
    .prepare(
      `SELECT "sourceId", "name", "id" AS "k" FROM "SourceName" UNION ALL SELECT "id", "name", -"id" FROM "Source" ORDER BY 3`,
    )
    .all()
    .map((row) => row as { sourceId: number; name: string })
    .map(({ sourceId, name }) => ({ sourceId, name }));
  expect(names).toEqual(stored);
}

describe("the search indexes follow every write", () => {
  it("an imported sheet is found by quote, gloss and source name at once", async () => {
    expect(await found("ข้อตกลงทางทหาร")).toEqual([]);
    await importClaimSheet(t.db, smallSheet());
    expect(await found("ข้อตกลงทางทหาร")).toEqual(["peskov-denial"]);
    expect(await found("no military agreement")).toEqual(["peskov-denial"]);
    expect(await found("dmitry")).toEqual(["peskov-denial"]);
    await checkIndexes();
  });

  it("a source's name finds its claims whether its links are sorted or the claims walked", async () => {
    await importClaimSheet(t.db, smallSheet());
    for (const q of ["dmitry", "เพสคอฟ"]) expect(await found(q, 0)).toEqual(["peskov-denial"]);
    expect(await found("no such name", 0)).toEqual([]);
  });

  it("an update replaces the old text and names in the index", async () => {
    await importClaimSheet(t.db, smallSheet());
    const sheet = smallSheet();
    sheet.claims[0]!.gloss = "Nothing about zeppelins was signed";
    sheet.sources.find((s) => s.slug === "peskov")!.names = ["ดมิทรี เปสคอฟ"];
    sheet.sources.find((s) => s.slug === "peskov")!.name = "D. S. Peskov";
    expect((await importClaimSheet(t.db, sheet, { update: true })).status).toBe("updated");
    expect(await found("no military agreement")).toEqual([]);
    expect(await found("zeppelin")).toEqual(["peskov-denial"]);
    expect(await found("นายเพสคอฟ")).toEqual([]);
    expect(await found("dmitry")).toEqual([]);
    expect(await found("เปสคอฟ")).toEqual(["peskov-denial"]);
    expect(await found("d. s. peskov")).toEqual(["peskov-denial"]);
    await checkIndexes();
  });

  it("claims added from CSV rows are found, and deleting an article removes its claims", async () => {
    const app = await sheetTestApp(t.db);
    await importClaimSheet(t.db, smallSheet());
    const csv = (await app.get("/api/export/claims.csv?article=small-article").expect(200)).text;
    const [header, first] = csv.replace(/^\uFEFF/, "").split("\r\n");
    const columns = header!.split(",");
    const cells = first!.split(",");
    cells[columns.indexOf("key")] = "csv-added";
    cells[columns.indexOf("gloss")] = "Added from a spreadsheet row about zeppelins";
    await app
      .post("/api/articles/small-article/claims.csv")
      .set("Content-Type", "text/csv")
      .send(`${header}\r\n${cells.join(",")}\r\n`)
      .expect(201);
    expect(await found("zeppelin")).toEqual(["csv-added"]);
    await checkIndexes();
    await t.db.article.delete({ where: { slug: "small-article" } });
    expect(await found("zeppelin")).toEqual([]);
    expect(await found("ข้อตกลงทางทหาร")).toEqual([]);
    await checkIndexes();
  });
});
