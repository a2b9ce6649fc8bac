import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusOptions, generateCorpus } from "../../bench/corpus.js";
import { type EngineRun, renderRun } from "../../bench/results.js";
import { checkClaimSheet } from "../../src/domain/sheets/checkClaimSheet.js";
import { ClaimSheet } from "../../src/domain/sheets/claimSheet.js";
import { describeSmokeRun, SMOKE_CLAIMS } from "./benchSmokeRun.js";

describe("generateCorpus", () => {
  it("yields valid claim sheets with the requested number of claims, the same for the same seed", () => {
    const options = corpusOptions(SMOKE_CLAIMS);
    const sheets = [...generateCorpus(options)];
    expect(sheets).toHaveLength(40);
    expect(sheets.reduce((sum, sheet) => sum + sheet.claims.length, 0)).toBe(SMOKE_CLAIMS);
    for (const sheet of sheets) expect(checkClaimSheet(ClaimSheet.parse(sheet))).toEqual([]);
    expect(JSON.stringify([...generateCorpus(options)][7])).toBe(JSON.stringify(sheets[7]));
    const languages = new Set(sheets.map((sheet) => sheet.article.language));
    expect([...languages].sort()).toEqual(["en", "th"]);
  });
});

// The PostgreSQL twin is benchSmoke.postgres.test.ts (it needs TEST_DATABASE_URL).
describeSmokeRun("sqlite", "sqlite3 -csv", { create: async (folder) => `file:${join(folder, "bench.db")}` });

describe("renderRun", () => {
  const lookup = (engine: string, rps: number) => ({
    lookup: { name: "articles, first page", path: "/api/articles" },
    claimtrail: { requestsPerSecond: rps, p50: 2, p99: 9, failures: 0 },
    baseline: { requestsPerSecond: rps * 2, p50: 1, p99: 4, failures: 0 },
    sameJson: engine !== "",
  });
  const engineRun = (engine: EngineRun["engine"], rps: number): EngineRun => ({
    engine,
    claims: 1_000,
    articles: 20,
    sources: 100,
    loadBefore: 1,
    import: {
      sheetsPerImport: 500,
      articles: 20,
      claims: 1_000,
      importSeconds: 0.04,
      claimsPerSecond: 25_000,
      derivedContradictions: 0,
      searchIndexCost: { claims: 1_000, withIndexes: 10_000, withoutIndexes: 20_000 },
    },
    lookups: [lookup(engine, rps)],
    exports: [],
    notes: [],
  });

  it("puts each measure's SQLite rows beside its PostgreSQL rows, with each engine's import target", () => {
    const table = renderRun({
      label: "both",
      date: "2026-12-02T00:00:00Z",
      machine: "test machine",
      loadBefore: 1,
      seconds: 1,
      connections: 2,
      engines: [engineRun("sqlite", 100), engineRun("postgresql", 50)],
    });
    expect(table.split("\n").filter((line) => line.startsWith("| "))).toEqual([
      "| Engine | Measure | claimtrail | baseline | ratio | target |",
      "| SQLite | import via importClaimSheets, 500 sheets a call (claims/s), 1,000 claims in 0.0 s | 25,000 | - | - | >= 20,000: met |",
      "| PostgreSQL | import via importClaimSheets, 500 sheets a call (claims/s), 1,000 claims in 0.0 s | 25,000 | - | - | >= 30,000: **missed** |",
      "| SQLite | ... the same import, 1,000 claims into a new database, with / without the text-search indexes (claims/s) | 10,000 | 20,000 | 0.50x | the indexes cost 50 us a claim; 50 us is the target's whole budget |",
      "| PostgreSQL | ... the same import, 1,000 claims into a new database, with / without the text-search indexes (claims/s) | 10,000 | 20,000 | 0.50x | the indexes cost 50 us a claim; 33 us is the target's whole budget |",
      "| SQLite | `GET /api/articles` (articles, first page) req/s | 100 | 200 | 0.50x | >= 0.5x: met (same JSON) |",
      "| SQLite | ... p50 / p99 (ms) | 2 / 9 | 1 / 4 | 2.25x (p99) | p99 < 25 ms: met |",
      "| PostgreSQL | `GET /api/articles` (articles, first page) req/s | 50 | 100 | 0.50x | >= 0.5x: met (same JSON) |",
      "| PostgreSQL | ... p50 / p99 (ms) | 2 / 9 | 1 / 4 | 2.25x (p99) | p99 < 25 ms: met |",
    ]);
    expect(table.split("\n")[0]).toBe("## both: 1,000 claims, 20 articles, 100 sources");
  });
});
