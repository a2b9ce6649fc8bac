import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "../src/db/client.js";
import { type Engine, engineOf } from "../src/db/url.js";
import { type CorpusOptions, corpusOptions } from "./corpus.js";
import { importCorpus } from "./importCorpus.js";
import { databaseName, dropPostgres, preparePostgres, withDatabase } from "./postgresDatabase.js";
import { progress, progressDone } from "./progress.js";

/** Claims each side imports (fewer for a smaller corpus): two import calls of SHEETS_PER_IMPORT sheets. */
export const INDEX_COST_CLAIMS = 50_000;

/** The import rate with and without the text-search indexes, on fresh databases of the same engine. */
export interface SearchIndexCost {
  claims: number;
  withIndexes: number;
  withoutIndexes: number;
}

/**
 * What keeping text search in step costs an import: the same claims (INDEX_COST_CLAIMS at most) imported
 * into two new databases, one as migrated and one without what keeps the search indexes (the
 * FTS5 triggers on SQLite, the pg_trgm GIN indexes on PostgreSQL), each beside the other.
 */
export async function measureSearchIndexCost(
  url: string,
  workFolder: string,
  corpus: CorpusOptions,
): Promise<SearchIndexCost> {
  const engine = engineOf(url);
  const claims = Math.min(INDEX_COST_CLAIMS, corpus.claims);
  const options = corpusOptions(claims, { seed: corpus.seed });
  const rate = async (variant: "with" | "without") => {
    const scratch = await scratchDatabase(engine, url, workFolder, variant);
    try {
      progress(`${engine}: import ${claims.toLocaleString("en")} claims ${variant} the search indexes`);
      const figures = await importCorpus(scratch.url, options, variant === "without" ? dropSearchIndexes : undefined);
      progressDone();
      return figures.claimsPerSecond;
    } finally {
      await scratch.drop();
    }
  };
  const withoutIndexes = await rate("without");
  const withIndexes = await rate("with");
  return { claims, withIndexes, withoutIndexes };
}

async function scratchDatabase(engine: Engine, url: string, workFolder: string, variant: string) {
  if (engine === "sqlite") {
    const file = join(workFolder, `index-cost-${variant}.db`);
    return { url: `file:${file}`, drop: async () => {} };
  }
  const scratch = withDatabase(url, `${databaseName(url)}_index_cost_${variant}`);
  await dropPostgres(scratch);
  await preparePostgres(scratch, false);
  return { url: scratch, drop: () => dropPostgres(scratch) };
}

/** Removes what keeps text search in step with inserts (see the search migration). */
async function dropSearchIndexes(url: string): Promise<void> {
  if (engineOf(url) === "sqlite") {
    const db = new Database(sqliteFilePath(url));
    try {
      db.exec(
        `DROP TRIGGER "Claim_text_insert"; DROP TRIGGER "SourceName_text_insert"; DROP TRIGGER "Source_text_insert";`,
      );
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `DROP INDEX "Claim_quote_trgm_idx", "Claim_gloss_trgm_idx", "SourceName_name_trgm_idx", "Source_name_trgm_idx"`,
    );
  } finally {
    await client.end();
  }
}
