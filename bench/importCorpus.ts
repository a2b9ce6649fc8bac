import { performance } from "node:perf_hooks";
import { createDb } from "../src/db/client.js";
import { applyMigrations } from "../src/db/migrate.js";
import type { ClaimSheetInput } from "../src/domain/sheets/claimSheet.js";
import { importClaimSheets } from "../src/domain/sheets/importClaimSheet.js";
import { type CorpusOptions, generateCorpus } from "./corpus.js";
import { progress } from "./progress.js";
import type { SearchIndexCost } from "./searchIndexCost.js";

/**
 * Sheets per call of `importClaimSheets`, as in one JSON array file: 500 sheets (25,000 claims,
 * about 15 MB of JSON) make one transaction of about a second. Each commit writes every index
 * page the batch touched, and at scale a batch touches pages all over the chain and topic
 * indexes: at 200,000 claims a commit cost 6-8 us a claim with 100 sheets, 1.3-1.8 with 500.
 * Larger batches gain little more and hold the database's write lock longer.
 */
export const SHEETS_PER_IMPORT = 500;

export interface ImportFigures {
  /** Sheets per `importClaimSheets` call (absent in figures recorded by earlier benchmarks). */
  sheetsPerImport?: number;
  articles: number;
  claims: number;
  /** Seconds spent inside claimtrail's import (validation and writes), generation excluded. */
  importSeconds: number;
  claimsPerSecond: number;
  derivedContradictions: number;
  /** The same import's rate on fresh databases with and without the text-search indexes. */
  searchIndexCost?: SearchIndexCost;
}

/**
 * Generates the corpus and imports it through `importClaimSheets`, the path the seed, the CLI
 * and the API use, SHEETS_PER_IMPORT sheets at a time as if read from JSON array files.
 * Migrations are applied first, then `afterMigrations`.
 */
export async function importCorpus(
  databaseUrl: string,
  options: CorpusOptions,
  afterMigrations?: (databaseUrl: string) => Promise<void>,
): Promise<ImportFigures> {
  await applyMigrations(databaseUrl);
  await afterMigrations?.(databaseUrl);
  const db = createDb(databaseUrl);
  let articles = 0;
  let claims = 0;
  let derived = 0;
  let importMs = 0;
  // The rate of the last stretch beside the running one: a slowdown as the corpus grows shows here first.
  let stretchClaims = 0;
  let stretchMs = 0;
  const importBatch = async (batch: ClaimSheetInput[]) => {
    const began = performance.now();
    const results = await importClaimSheets(db, batch);
    const tookMs = performance.now() - began;
    importMs += tookMs;
    stretchMs += tookMs;
    stretchClaims += results.reduce((sum, result) => sum + result.claims, 0);
    for (const result of results) {
      if (result.status !== "created")
        throw new Error(`sheet ${result.articleSlug} was not created (${result.status})`);
      articles++;
      claims += result.claims;
      derived += result.derivedContradictions;
    }
    const rate = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString("en");
    if (stretchClaims >= 20_000 || claims === options.claims) {
      progress(
        `import: ${claims.toLocaleString("en")}/${options.claims.toLocaleString("en")} claims, ${rate(claims, importMs)} claims/s (last ${stretchClaims.toLocaleString("en")}: ${rate(stretchClaims, stretchMs)} claims/s)`,
      );
      stretchClaims = 0;
      stretchMs = 0;
    }
  };
  try {
    let batch: ClaimSheetInput[] = [];
    for (const sheet of generateCorpus(options)) {
      batch.push(sheet);
      if (batch.length === SHEETS_PER_IMPORT) {
        await importBatch(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await importBatch(batch);
  } finally {
    await db.$disconnect();
  }
  const importSeconds = importMs / 1000;
  return {
    sheetsPerImport: SHEETS_PER_IMPORT,
    articles,
    claims,
    importSeconds,
    claimsPerSecond: claims / importSeconds,
    derivedContradictions: derived,
  };
}
