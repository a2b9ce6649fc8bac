import { type Db, engineOfDb } from "../../db/client.js";
import { inList } from "../../db/sql.js";
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
   * clause with the claim aliased `c`, its condition, and the id column to order and page by
   * (on SQLite the index's rowid: ordered by the claim's id, SQLite would walk every claim).
   */
  claimText(query: string): { from: Prisma.Sql; where: Prisma.Sql; id: Prisma.Sql };
  /** A subquery of the ids (column "sourceId") of sources with a stored name containing the query. */
  sourcesNamed(query: string): Prisma.Sql;
  /**
   * What `x IN (...)` tests a claim's links against, given the named sources' ids already read
   * by `sourcesNamed`: the ids themselves, or the subquery again.
   */
  namedSourceList(query: string, sourceIds: readonly number[]): Prisma.Sql;
  /** `column` contains the query, for the bounded scans of queries too short for an index. */
  contains(column: Prisma.Sql, query: string): Prisma.Sql;
}

export const sqliteSearch: SearchEngine = {
  claimText: (query) => ({
    from: Prisma.sql`"ClaimText" t JOIN "Claim" c ON c."id" = t.rowid`,
    where: Prisma.sql`t."ClaimText" MATCH ${ftsPhrase(query)}`,
    id: Prisma.sql`t.rowid`,
  }),
  sourcesNamed: (query) =>
    Prisma.sql`SELECT "sourceId" FROM "SourceNameText" WHERE "SourceNameText" MATCH ${ftsPhrase(query)}`,
  // The subquery, which SQLite evaluates once per statement; a list of ids could outgrow its
  // 32,766 parameters.
  namedSourceList: (query) => sqliteSearch.sourcesNamed(query),
  // LIKE folds ASCII letters only; the scan is a fallback for one- and two-character queries.
  contains: (column, query) => Prisma.sql`${column} LIKE ${likePattern(query)} ESCAPE '\\'`,
};

export const postgresSearch: SearchEngine = {
  claimText: (query) => ({
    from: Prisma.sql`"Claim" c`,
    where: Prisma.sql`(c."quote" ILIKE ${likePattern(query)} OR c."gloss" ILIKE ${likePattern(query)})`,
    id: Prisma.sql`c."id"`,
  }),
  sourcesNamed: (query) =>
    Prisma.sql`SELECT n."sourceId" FROM "SourceName" n WHERE n."name" ILIKE ${likePattern(query)}
     UNION SELECT s."id" FROM "Source" s WHERE s."name" ILIKE ${likePattern(query)}`,
  // The ids as one array: planned for its values, it is a hashed lookup for each link. Given the
  // subquery, PostgreSQL rescans the named sources for every claim it walks (1M claims, 564
  // sources named เพสคอฟ: 127 ms for a page, 0.7 ms with the array).
  namedSourceList: (_query, sourceIds) => inList(sourceIds),
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
