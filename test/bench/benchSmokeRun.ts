import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBench } from "../../bench/bench.js";
import { corpusOptions } from "../../bench/corpus.js";
import { type BenchRun, type EngineRun, renderRun } from "../../bench/results.js";
import type { Engine } from "../../src/db/url.js";

// A small-size run of the whole benchmark on one engine, so the harness cannot rot: every row
// present and both servers returning the same JSON. Speed is not asserted here (benchmarks are
// not tests). benchSmoke.test.ts runs it on SQLite, benchSmoke.postgres.test.ts on PostgreSQL.
export const SMOKE_CLAIMS = 2_000;

export interface SmokeDatabase {
  /** A new, empty database for the run: a `file:` or `postgres://` URL. */
  create(folder: string): Promise<string>;
  /** Called once the runs are done. */
  remove?(url: string): Promise<void>;
}

export function describeSmokeRun(engine: Engine, shell: string, database: SmokeDatabase) {
  describe(`runBench (smoke size, ${engine})`, () => {
    let folder: string;
    let url: string;
    let run: BenchRun;
    let figures: EngineRun;

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), "claimtrail-bench-smoke-"));
      url = await database.create(folder);
      run = await runBench({
        targets: [{ url, reuse: false }],
        corpus: corpusOptions(SMOKE_CLAIMS),
        seconds: 1,
        connections: 2,
        label: "smoke",
        workFolder: folder,
      });
      figures = run.engines[0]!;
    }, 300_000);

    afterAll(async () => {
      await database.remove?.(url);
      rmSync(folder, { recursive: true, force: true });
    });

    it("imports every generated claim through importClaimSheets", () => {
      expect(run.engines.map((e) => e.engine)).toEqual([engine]);
      expect(figures.import?.claims).toBe(SMOKE_CLAIMS);
      expect(figures.import?.articles).toBe(40);
      expect(figures.import?.sheetsPerImport).toBe(500);
      expect(figures.import!.claimsPerSecond).toBeGreaterThan(0);
      // The same claims again into two scratch databases, with and without the text-search indexes.
      expect(figures.import?.searchIndexCost?.claims).toBe(SMOKE_CLAIMS);
      expect(figures.import!.searchIndexCost!.withIndexes).toBeGreaterThan(0);
      expect(figures.import!.searchIndexCost!.withoutIndexes).toBeGreaterThan(0);
    });

    it("measures the lookups, with the same JSON from claimtrail and the baseline and no failed responses", () => {
      expect(figures.lookups.map((f) => f.lookup.name)).toEqual([
        "source claims, first page",
        "source claims, first page of 20",
        "source claims, deep cursor",
        "claims by topic and kind",
        "contradictions by source",
        "compare two claims",
        "search, rare phrase",
        "search, common word",
        "search, Thai name",
        "sources directory, first page",
        "sources directory by claims",
        "articles, first page",
        "claims by topic and kind, faceted",
      ]);
      for (const f of figures.lookups) {
        expect({ name: f.lookup.name, sameJson: f.sameJson, difference: f.difference }).toEqual({
          name: f.lookup.name,
          sameJson: true,
          difference: undefined,
        });
        expect(f.claimtrail.failures).toBe(0);
        expect(f.baseline.failures).toBe(0);
        expect(f.claimtrail.requestsPerSecond).toBeGreaterThan(0);
        expect(f.baseline.requestsPerSecond).toBeGreaterThan(0);
      }
    });

    it(`exports every claim as CSV (one row a claim) and JSONL (one claim sheet an article), beside ${shell}'s CSV`, () => {
      expect(
        figures.exports.map((e) => [
          e.claimtrail.name,
          e.claimtrail.rows,
          e.baseline?.name ?? null,
          e.baseline?.rows ?? null,
        ]),
      ).toEqual([
        ["export claims.csv", SMOKE_CLAIMS, shell, SMOKE_CLAIMS],
        ["export claims.jsonl", 40, null, null],
      ]);
      for (const { claimtrail } of figures.exports) expect(claimtrail.peakRssMiB).toBeGreaterThan(0);
    });

    it("reports the size of a reused database, not the size the command line asks for", async () => {
      const again = await runBench({
        targets: [{ url, reuse: true }],
        corpus: corpusOptions(1_000_000),
        seconds: 1,
        connections: 2,
        label: "smoke",
        workFolder: folder,
        phases: new Set(),
      });
      const reused = again.engines[0]!;
      expect([reused.claims, reused.articles, reused.sources]).toEqual([SMOKE_CLAIMS, 40, 100]);
      expect(reused.import?.claims).toBe(SMOKE_CLAIMS);
    });

    it("renders one table row per figure, each naming the engine", () => {
      const rows = renderRun(run)
        .split("\n")
        .filter((line) => line.startsWith("| "));
      // The header, the import and its search-index cost, two rows a lookup and an export.
      expect(rows).toHaveLength(1 + 2 + figures.lookups.length * 2 + figures.exports.length * 2);
      const name = engine === "sqlite" ? "SQLite" : "PostgreSQL";
      expect(rows.slice(1).every((row) => row.startsWith(`| ${name} | `))).toBe(true);
    });
  });
}
