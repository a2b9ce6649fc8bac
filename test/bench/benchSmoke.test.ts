import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBench } from "../../bench/bench.js";
import { corpusOptions, generateCorpus } from "../../bench/corpus.js";
import { type BenchRun, renderRun } from "../../bench/results.js";
import { checkClaimSheet } from "../../src/domain/sheets/checkClaimSheet.js";
import { ClaimSheet } from "../../src/domain/sheets/claimSheet.js";

// A small-size run of the whole benchmark, so the harness cannot rot: every row present and
// both servers returning the same JSON. Speed is not asserted here (benchmarks are not tests).
const CLAIMS = 2_000;

describe("generateCorpus", () => {
  it("yields valid claim sheets with the requested number of claims, the same for the same seed", () => {
    const options = corpusOptions(CLAIMS);
    const sheets = [...generateCorpus(options)];
    expect(sheets).toHaveLength(40);
    expect(sheets.reduce((sum, sheet) => sum + sheet.claims.length, 0)).toBe(CLAIMS);
    for (const sheet of sheets) expect(checkClaimSheet(ClaimSheet.parse(sheet))).toEqual([]);
    expect(JSON.stringify([...generateCorpus(options)][7])).toBe(JSON.stringify(sheets[7]));
    const languages = new Set(sheets.map((sheet) => sheet.article.language));
    expect([...languages].sort()).toEqual(["en", "th"]);
  });
});

describe("runBench (smoke size)", () => {
  let folder: string;
  let run: BenchRun;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "claimtrail-bench-smoke-"));
    run = await runBench({
      file: join(folder, "bench.db"),
      reuse: false,
      corpus: corpusOptions(CLAIMS),
      seconds: 1,
      connections: 2,
      label: "smoke",
      workFolder: folder,
    });
  }, 240_000);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("imports every generated claim through importClaimSheets", () => {
    expect(run.import?.claims).toBe(CLAIMS);
    expect(run.import?.articles).toBe(40);
    expect(run.import?.sheetsPerImport).toBe(500);
    expect(run.import!.claimsPerSecond).toBeGreaterThan(0);
  });

  it("measures the lookups, with the same JSON from claimtrail and the baseline and no failed responses", () => {
    expect(run.lookups.map((f) => f.lookup.name)).toEqual([
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
    for (const figures of run.lookups) {
      expect({ name: figures.lookup.name, sameJson: figures.sameJson, difference: figures.difference }).toEqual({
        name: figures.lookup.name,
        sameJson: true,
        difference: undefined,
      });
      expect(figures.claimtrail.failures).toBe(0);
      expect(figures.baseline.failures).toBe(0);
      expect(figures.claimtrail.requestsPerSecond).toBeGreaterThan(0);
      expect(figures.baseline.requestsPerSecond).toBeGreaterThan(0);
    }
  });

  it("exports every claim as CSV (one row a claim) and JSONL (one claim sheet an article), beside the sqlite3 shell's CSV", () => {
    expect(run.exports.map((e) => [e.claimtrail.name, e.claimtrail.rows, e.baseline?.rows ?? null])).toEqual([
      ["export claims.csv", CLAIMS, CLAIMS],
      ["export claims.jsonl", 40, null],
    ]);
    for (const { claimtrail } of run.exports) expect(claimtrail.peakRssMiB).toBeGreaterThan(0);
  });

  it("reports the size of a reused database, not the size the command line asks for", async () => {
    const again = await runBench({
      file: join(folder, "bench.db"),
      reuse: true,
      corpus: corpusOptions(1_000_000),
      seconds: 1,
      connections: 2,
      label: "smoke",
      workFolder: folder,
      phases: new Set(),
    });
    expect([again.claims, again.articles, again.sources]).toEqual([CLAIMS, 40, 100]);
    expect(again.import?.claims).toBe(CLAIMS);
  });

  it("renders one table row per figure", () => {
    const table = renderRun(run);
    expect(table.split("\n").filter((line) => line.startsWith("| "))).toHaveLength(
      1 + 1 + run.lookups.length * 2 + run.exports.length * 2,
    );
  });
});
