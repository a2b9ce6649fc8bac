import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed, readSeedSheet } from "../../seed/loadSeed.js";
import { claimSheetChunks } from "../../src/domain/exports/exportClaimSheets.js";
import { importClaimSheets } from "../../src/domain/sheets/importClaimSheet.js";
import { collectText } from "../support/collect.js";
import { countRows } from "../support/counts.js";
import { englishSheet, thaiSheet } from "../support/hostileSheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let original: TestDb;
const copies: TestDb[] = [];

beforeAll(async () => {
  original = createTestDb();
  await importClaimSheets(original.db, [thaiSheet(), englishSheet()]);
  // A reviewed derived contradiction must come back reviewed, not re-derived as proposed.
  await original.db.relation.updateMany({ where: { origin: "derived" }, data: { status: "confirmed", version: 2 } });
});

afterAll(async () => {
  await original.close();
  for (const copy of copies) await copy.close();
});

async function roundTrip(layout: "json" | "jsonl", pageSize?: number) {
  const first = await collectText(claimSheetChunks(original.db, {}, layout, pageSize));
  const copy = createTestDb();
  copies.push(copy);
  const sheets =
    layout === "json"
      ? JSON.parse(first)
      : first
          .trimEnd()
          .split("\n")
          .map((line) => JSON.parse(line));
  await importClaimSheets(copy.db, sheets);
  const second = await collectText(claimSheetChunks(copy.db, {}, layout, pageSize));
  return { first, second, copy };
}

describe("claim-sheet export -> import into an empty database -> export", () => {
  it("gives the same bytes as JSON, laid out as JSON.stringify(sheets, null, 2)", async () => {
    const { first, second } = await roundTrip("json");
    expect(second).toBe(first);
    expect(first).toBe(JSON.stringify(JSON.parse(first), null, 2));
    const sheets = JSON.parse(first);
    expect(sheets.map((s: { article: { slug: string } }) => s.article.slug)).toEqual([
      "thai-test-article",
      "yonhap-test-article",
    ]);
  });

  it("gives the same bytes as JSONL, one sheet per line, with pages of one row", async () => {
    const { first, second } = await roundTrip("jsonl", 1);
    expect(second).toBe(first);
    expect(first.endsWith("\n")).toBe(true);
    expect(first.trimEnd().split("\n")).toHaveLength(2);
  });

  it("writes cross-article and derived relations once, in the later article's sheet", async () => {
    const { first, copy } = await roundTrip("json");
    const [thai, english] = JSON.parse(first);
    expect(thai.relations).toEqual([
      {
        from: "c3",
        to: "c1",
        type: "qualifies",
        rationale: 'adds context, with "care"',
        status: "proposed",
        origin: "curated",
      },
      {
        from: "c2",
        to: "c1",
        type: "contradicts",
        rationale: 'Dmitry Peskov denies and Yonhap asserts: "Kim and Putin discuss arms, "officially""',
        status: "confirmed",
        origin: "derived",
      },
    ]);
    expect(
      english.relations.map((r: { from: string; to: string; origin: string }) => [r.from, r.to, r.origin]),
    ).toEqual([
      ["e1", "thai-test-article/c1", "curated"],
      ["thai-test-article/c2", "e2", "derived"],
    ]);
    expect(await copy.db.relation.count()).toBe(await original.db.relation.count());
  });

  it("exports sources by slug, with affiliations the chains do not name", async () => {
    const sheets = JSON.parse(
      await collectText(claimSheetChunks(original.db, { article: "yonhap-test-article" }, "json")),
    );
    expect(sheets).toHaveLength(1);
    const [only] = sheets;
    expect(only.sources.map((s: { slug: string }) => s.slug)).toEqual(["kremlin", "vladimir-putin", "yonhap"]);
    // Its relations name claims of the Thai article, which this export leaves out.
    expect(only.relations).toEqual([]);
  });

  it("writes an empty array when nothing matches", async () => {
    expect(await collectText(claimSheetChunks(original.db, { q: "no such text" }, "json"))).toBe("[]");
    expect(await collectText(claimSheetChunks(original.db, { q: "no such text" }, "jsonl"))).toBe("");
  });
});

describe("the seed article's round trip", () => {
  it("exports, imports into an empty database and exports the same bytes, in JSON and JSONL", async () => {
    const seeded = createTestDb();
    copies.push(seeded);
    await loadSeed(seeded.db);
    for (const layout of ["json", "jsonl"] as const) {
      const first = await collectText(claimSheetChunks(seeded.db, {}, layout));
      const copy = createTestDb();
      copies.push(copy);
      const sheets =
        layout === "json"
          ? JSON.parse(first)
          : first
              .trimEnd()
              .split("\n")
              .map((line) => JSON.parse(line));
      const [result] = await importClaimSheets(copy.db, sheets);
      expect(result!.status).toBe("created");
      expect(await collectText(claimSheetChunks(copy.db, {}, layout))).toBe(first);
      expect(await countRows(copy.db)).toEqual(await countRows(seeded.db));
    }
    const [sheet] = JSON.parse(await collectText(claimSheetChunks(seeded.db, {}, "json")));
    const seed = (await readSeedSheet()) as { claims: { key: string }[] };
    expect(sheet.claims.map((c: { key: string }) => c.key)).toEqual(seed.claims.map((c) => c.key));
  });
});

describe("a sheet with more claims than SQLite takes parameters in one query (999)", () => {
  it("imports and round-trips", async () => {
    const count = 1200;
    const body = "ข่าว ".repeat(count);
    const sheet = {
      format: "claimtrail/claim-sheet@1",
      article: {
        slug: "big",
        title: "Big",
        publisher: "wire",
        language: "th",
        publishedAt: "2024-01-01T00:00:00Z",
        body,
      },
      sources: [{ slug: "wire", name: "Wire", kind: "news_agency" }],
      propositions: [{ key: "p", text: "P" }],
      claims: Array.from({ length: count }, (_, i) => ({
        key: `k${i}`,
        quote: "ข่าว",
        start: i * 5,
        end: i * 5 + 4,
        gloss: `claim ${i}`,
        kind: "report",
        chains: [[{ source: "wire", role: "speaker" }]],
        // One speaker asserting and denying: stances on every claim, but nothing to derive.
        stances: [{ proposition: "p", stance: i % 2 ? "denies" : "asserts" }],
      })),
      relations: [{ from: "k1100", to: "k3", type: "supports", rationale: "far apart" }],
    };
    const big = createTestDb();
    copies.push(big);
    expect((await importClaimSheets(big.db, sheet))[0]).toMatchObject({
      status: "created",
      claims: count,
      derivedContradictions: 0,
    });
    const first = await collectText(claimSheetChunks(big.db, {}, "jsonl"));
    const copy = createTestDb();
    copies.push(copy);
    await importClaimSheets(copy.db, JSON.parse(first));
    expect(await collectText(claimSheetChunks(copy.db, {}, "jsonl"))).toBe(first);
    expect(JSON.parse(first).relations).toEqual([
      { from: "k1100", to: "k3", type: "supports", rationale: "far apart", status: "proposed", origin: "curated" },
    ]);
  });
});
