import { performance } from "node:perf_hooks";
import { createDb } from "../src/db/client.js";
import { applyMigrations } from "../src/db/migrate.js";
import { importClaimSheet } from "../src/domain/sheets/importClaimSheet.js";
import { generateCorpus, type CorpusOptions } from "./corpus.js";
import { progress } from "./progress.js";

export interface ImportFigures {
  /** `import`: claimtrail's importClaimSheet; `bulk`: same validation, raw batched inserts. */
  loader?: "import" | "bulk";
  articles: number;
  claims: number;
  /** Seconds spent inside claimtrail's import (validation and writes), generation excluded. */
  importSeconds: number;
  claimsPerSecond: number;
  derivedContradictions: number;
}

/**
 * Generates the corpus and imports it sheet by sheet through `importClaimSheet`, the path the
 * seed, the CLI and the API use. Migrations are applied first.
 */
export async function importCorpus(databaseUrl: string, options: CorpusOptions): Promise<ImportFigures> {
  applyMigrations(databaseUrl);
  const db = createDb(databaseUrl);
  let articles = 0;
  let claims = 0;
  let derived = 0;
  let importMs = 0;
  try {
    for (const sheet of generateCorpus(options)) {
      const began = performance.now();
      const result = await importClaimSheet(db, sheet);
      importMs += performance.now() - began;
      if (result.status !== "created") throw new Error(`sheet ${result.articleSlug} was not created (${result.status})`);
      articles++;
      claims += result.claims;
      derived += result.derivedContradictions;
      if (articles % 200 === 0 || articles === options.articles) {
        progress(`import: ${claims.toLocaleString("en")}/${options.claims.toLocaleString("en")} claims, ${Math.round(claims / (importMs / 1000)).toLocaleString("en")} claims/s`);
      }
    }
  } finally {
    await db.$disconnect();
  }
  const importSeconds = importMs / 1000;
  return { loader: "import", articles, claims, importSeconds, claimsPerSecond: claims / importSeconds, derivedContradictions: derived };
}
