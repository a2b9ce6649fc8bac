import { type Db, engineOfDb } from "../../db/client.js";
import { Prisma } from "../../generated/prisma/client.js";
import { ftsPhrase, likePattern } from "./searchText.js";

/**
 * What differs between database engines in a text search; the search repository builds every
 * query from these pieces. SQLite answers from FTS5 trigram tables kept by triggers (see the
 * migration `search_and_directories`); PostgreSQL from pg_trgm GIN indexes on the same columns.
 */
export interface SearchEngine {
  /**
   * The claims whose quote or gloss contains the query (three characters or more), as a FROM
   * clause that yields them in id order with the claim aliased `c`, and its condition.
   */
  claimText(query: string): { from: Prisma.Sql; where: Prisma.Sql };
  /** A subquery of the ids (column "sourceId") of sources with a stored name containing the query. */
  sourcesNamed(query: string): Prisma.Sql;
  /** `column` contains the query, for the bounded scans of queries too short for an index. */
  contains(column: Prisma.Sql, query: string): Prisma.Sql;
}

export const sqliteSearch: SearchEngine = {
  claimText: (query) => ({
    from: Prisma.sql`"ClaimText" t JOIN "Claim" c ON c."id" = t.rowid`,
    where: Prisma.sql`t."ClaimText" MATCH ${ftsPhrase(query)}`,
  }),
  sourcesNamed: (query) =>
    Prisma.sql`SELECT "sourceId" FROM "SourceNameText" WHERE "SourceNameText" MATCH ${ftsPhrase(query)}`,
  // LIKE folds ASCII letters only; the scan is a fallback for one- and two-character queries.
  contains: (column, query) => Prisma.sql`${column} LIKE ${likePattern(query)} ESCAPE '\\'`,
};

export const postgresSearch: SearchEngine = {
  claimText: (query) => ({
    from: Prisma.sql`"Claim" c`,
    where: Prisma.sql`(c."quote" ILIKE ${likePattern(query)} OR c."gloss" ILIKE ${likePattern(query)})`,
  }),
  sourcesNamed: (query) =>
    Prisma.sql`SELECT n."sourceId" FROM "SourceName" n WHERE n."name" ILIKE ${likePattern(query)}
     UNION SELECT s."id" FROM "Source" s WHERE s."name" ILIKE ${likePattern(query)}`,
  contains: (column, query) => Prisma.sql`${column} ILIKE ${likePattern(query)}`,
};

/** The engine a client's database runs on. */
export function engineOf(db: Db): SearchEngine {
  return engineOfDb(db) === "postgresql" ? postgresSearch : sqliteSearch;
}

/** The engine of a database URL: PostgreSQL for postgres:// and postgresql://, else SQLite. */
export function searchEngineFor(databaseUrl: string | undefined): SearchEngine {
  return databaseUrl !== undefined && /^postgres(ql)?:\/\//.test(databaseUrl) ? postgresSearch : sqliteSearch;
}
