import { likePattern } from "../src/domain/search/searchText.js";
import type { BenchDatabase, Row } from "./benchDatabase.js";

/**
 * The baseline's hand-written SQL, one text for both engines where it can be. What differs:
 * lists (json_each on SQLite, `= ANY(array)` on PostgreSQL) and text search (FTS5 MATCH on
 * SQLite, pg_trgm-indexed ILIKE on PostgreSQL, as src/domain/search/searchEngine.ts does).
 */
export function baselineQueries(db: BenchDatabase) {
  const ids = (column: string) => db.inList(column, "int");
  const slugs = (column: string) => db.inList(column, "text");
  const list = (values: readonly unknown[]) => db.list(values);
  const column = (rows: Row[]) => rows.map((row) => Object.values(row)[0]);
  const pluck = (sql: string, params: readonly unknown[], options?: { cachePlan?: boolean }) => {
    const rows = db.all(sql, params, options);
    return rows instanceof Promise ? rows.then(column) : column(rows);
  };
  const first = async (sql: string, params: readonly unknown[]) => (await pluck(sql, params))[0];
  const postgres = db.engine === "postgresql";

  const CLAIM_COLUMNS = `c."id", c."key", c."quote", c."spanIn", c."start", c."end", c."gloss", c."kind", c."hedged", c."cue", c."statedOn", c."anchor", c."articleId"`;
  const SOURCE_COLUMNS = `s."id", s."slug", s."name", s."kind", s."countryCode", s."stateControlled", s."description",
      s."affiliationId", k."asSpeaker", k."inChains"`;

  // The ids of the sources with a stored name containing the query, and the claims' text match.
  const sourcesNamed = postgres
    ? `SELECT n."sourceId" FROM "SourceName" n WHERE n."name" ILIKE ? UNION SELECT s."id" FROM "Source" s WHERE s."name" ILIKE ?`
    : `SELECT "sourceId" FROM "SourceNameText" WHERE "SourceNameText" MATCH ?`;
  const namedParams = (q: string) => (postgres ? [likePattern(q), likePattern(q)] : [ftsPhrase(q)]);
  const namedListParams = (q: string, sourceIds: number[]) => (postgres ? [list(sourceIds)] : namedParams(q));
  const claimText = postgres
    ? `SELECT c."id" FROM "Claim" c WHERE (c."quote" ILIKE ? OR c."gloss" ILIKE ?) AND c."id" > ? ORDER BY c."id" LIMIT ?`
    : `SELECT rowid FROM "ClaimText" WHERE "ClaimText" MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?`;
  const textParams = (q: string) => (postgres ? [likePattern(q), likePattern(q)] : [ftsPhrase(q)]);

  // Each text built once: the statement caches are keyed by it.
  const sourceIdSql = `SELECT "id" FROM "Source" WHERE "slug" = ?`;
  const topicIdSql = `SELECT "id" FROM "Topic" WHERE "slug" = ?`;
  const claimsBySourceSql = `SELECT ${CLAIM_COLUMNS} FROM "Claim" c
        WHERE c."id" IN (SELECT DISTINCT l."claimId" FROM "AttributionLink" l WHERE l."sourceId" = ? AND l."claimId" > ? ORDER BY l."claimId" LIMIT ?)
        ORDER BY c."id"`;
  const claimsByTopicKindSql = `SELECT ${CLAIM_COLUMNS} FROM "ClaimTopic" ct JOIN "Claim" c ON c."id" = ct."claimId"
        WHERE ct."topicId" = ? AND ct."claimId" > ? AND c."kind" = ?
        ORDER BY ct."claimId" LIMIT ?`;
  const claimsByIdSql = `SELECT ${CLAIM_COLUMNS} FROM "Claim" c WHERE ${ids(`c."id"`)}`;
  const linksSql = `SELECT l."claimId", l."chain", l."position", l."role", l."sourceId" FROM "AttributionLink" l WHERE ${ids(`l."claimId"`)}`;
  const sourcesSql = `SELECT "id", "slug", "name", "kind", "countryCode", "stateControlled" FROM "Source" WHERE ${ids(`"id"`)}`;
  const articlesSql = `SELECT "id", "slug", "title" FROM "Article" WHERE ${ids(`"id"`)}`;
  const topicsSql = `SELECT ct."claimId", t."slug" FROM "ClaimTopic" ct JOIN "Topic" t ON t."id" = ct."topicId"
        WHERE ${ids(`ct."claimId"`)} ORDER BY ct."claimId", t."slug"`;
  const stancesSql = `SELECT cs."claimId", cs."stance", p."key", p."text" FROM "ClaimStance" cs
        JOIN "Proposition" p ON p."id" = cs."propositionId"
        WHERE ${ids(`cs."claimId"`)} ORDER BY cs."claimId", cs."propositionId"`;
  const sourceLinksSql = `SELECT s."id", k."inChains" AS "links" FROM "Source" s
        LEFT JOIN "SourceClaimCount" k ON k."sourceId" = s."id" WHERE s."slug" = ?`;
  const RELATION_COLUMNS = `r."id", r."type", r."fromClaimId", r."toClaimId", r."status", r."origin", r."version", r."rationale"`;
  const contradictionsWalkedSql = `SELECT ${RELATION_COLUMNS} FROM "Relation" r
        WHERE r."type" = 'contradicts' AND r."id" > ?
          AND EXISTS (SELECT 1 FROM "AttributionLink" l WHERE l."sourceId" = ? AND l."claimId" IN (r."fromClaimId", r."toClaimId"))
        ORDER BY r."id" LIMIT ?`;
  const contradictionsByLinksSql = `SELECT ${RELATION_COLUMNS} FROM "Relation" r
        WHERE r."type" = 'contradicts' AND r."id" > ?
          AND r."id" IN (SELECT f."id" FROM "AttributionLink" l JOIN "Relation" f ON f."fromClaimId" = l."claimId" WHERE l."sourceId" = ?
            UNION SELECT t."id" FROM "AttributionLink" l JOIN "Relation" t ON t."toClaimId" = l."claimId" WHERE l."sourceId" = ?)
        ORDER BY r."id" LIMIT ?`;
  const relationsBetweenSql = `SELECT "id", "type", "fromClaimId", "toClaimId", "status", "origin", "version", "rationale"
        FROM "Relation" WHERE ("fromClaimId" = ? AND "toClaimId" = ?) OR ("fromClaimId" = ? AND "toClaimId" = ?) ORDER BY "id"`;
  const namedSourcesSql = `SELECT "sourceId", "inChains" FROM "SourceClaimCount" WHERE "sourceId" IN (${sourcesNamed}) AND "inChains" > 0`;
  // The named sources' links: on PostgreSQL against the ids read first, one array (a hashed
  // lookup per link; the subquery is rescanned for every claim walked), on SQLite the subquery.
  const namedList = postgres ? ids(`"sourceId"`) : `"sourceId" IN (${sourcesNamed})`;
  const namedSortedIdsSql = `SELECT DISTINCT "claimId" FROM "AttributionLink" WHERE ${namedList}
          AND "claimId" > ? ORDER BY "claimId" LIMIT ?`;
  const namedWalkIdsSql = `SELECT c."id" FROM "Claim" c WHERE c."id" > ? AND EXISTS (SELECT 1 FROM "AttributionLink" l
          WHERE l."claimId" = c."id" AND +l.${namedList}) ORDER BY c."id" LIMIT ?`;
  const namesSql = `SELECT s."slug", s."name", 0 AS "position" FROM "Source" s WHERE ${slugs(`s."slug"`)}
        UNION ALL SELECT s."slug", n."name", n."position" + 1 FROM "SourceName" n JOIN "Source" s ON s."id" = n."sourceId"
         WHERE ${slugs(`s."slug"`)} ORDER BY 1, 3`;
  const sourcePageSql = `SELECT ${SOURCE_COLUMNS} FROM "Source" s JOIN "SourceClaimCount" k ON k."sourceId" = s."id"
        WHERE s."id" > ? ORDER BY s."id" LIMIT ?`;
  const sourcesByClaimsSql = `SELECT ${SOURCE_COLUMNS} FROM "SourceClaimCount" k JOIN "Source" s ON s."id" = k."sourceId"
        ORDER BY k."inChains" DESC, k."sourceId" LIMIT ?`;
  const sourceNamesSql = `SELECT "sourceId", "name" FROM "SourceName" WHERE ${ids(`"sourceId"`)} ORDER BY "sourceId", "position"`;
  const articlePageSql = `SELECT a."id", a."slug", a."title", a."section", a."language", a."url", a."publishedAt",
          a."publishedUtcOffset", a."bodySha256", a."publisherId",
          (SELECT COUNT(*) FROM "Claim" c WHERE c."articleId" = a."id") AS "claimCount"
        FROM "Article" a ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT ?`;
  const topicKindIdsSql = `SELECT ct."claimId" FROM "ClaimTopic" ct JOIN "Claim" c ON c."id" = ct."claimId"
          WHERE ct."topicId" = ? AND c."kind" = ? ORDER BY ct."claimId" LIMIT ?`;
  const facetKindSql = `SELECT "kind" AS "value", COUNT(*) AS "count" FROM "Claim" WHERE ${ids(`"id"`)} GROUP BY "kind"`;
  const facetTopicSql = `SELECT t."slug" AS "value", COUNT(*) AS "count" FROM "ClaimTopic" ct JOIN "Topic" t ON t."id" = ct."topicId"
        WHERE ${ids(`ct."claimId"`)} GROUP BY t."slug"`;
  const facetSpeakerSql = `SELECT s."slug" AS "value", s."name" AS "name", x."count" FROM (
          SELECT l."sourceId", COUNT(*) AS "count" FROM "AttributionLink" l
           WHERE ${ids(`l."claimId"`)} AND l."chain" = 0 AND l."position" = 0 GROUP BY l."sourceId") x
        JOIN "Source" s ON s."id" = x."sourceId"`;
  const facetStatusSql = `SELECT "status" AS "value", COUNT(DISTINCT "claimId") AS "count" FROM (
          SELECT "status", "fromClaimId" AS "claimId" FROM "Relation" WHERE ${ids(`"fromClaimId"`)}
          UNION ALL SELECT "status", "toClaimId" FROM "Relation" WHERE ${ids(`"toClaimId"`)}) touched
        GROUP BY "status"`;

  return {
    sourceId: (slug: string | null) => first(sourceIdSql, [slug]),
    topicId: (slug: string | null) => first(topicIdSql, [slug]),
    // Driven by the source's links and the topic's claims in index order: a written-out EXISTS
    // over claims is what SQLite 3.5x turns into a slow range join (measured: 500 ms vs 0.1 ms).
    claimsBySource: (sourceId: unknown, after: number, limit: number) =>
      db.all(claimsBySourceSql, [sourceId, after, limit]),
    claimsByTopicKind: (topicId: unknown, after: number, kind: string | null, limit: number) =>
      db.all(claimsByTopicKindSql, [topicId, after, kind, limit]),
    claimsById: (claimIds: readonly unknown[]) => db.all(claimsByIdSql, [list(claimIds)]),
    // Links, topics and claims name their sources, topics and articles by id; each of those is
    // read once a page (a join would decode the same names once per row).
    links: (claimIds: readonly unknown[]) => db.all(linksSql, [list(claimIds)]),
    sources: (sourceIds: readonly unknown[]) => db.all(sourcesSql, [list(sourceIds)]),
    articles: (articleIds: readonly unknown[]) => db.all(articlesSql, [list(articleIds)]),
    topics: (claimIds: readonly unknown[]) => db.all(topicsSql, [list(claimIds)]),
    stances: (claimIds: readonly unknown[]) => db.all(stancesSql, [list(claimIds)]),
    sourceLinks: async (slug: string | null) =>
      (await db.all(sourceLinksSql, [slug]))[0] as { id: number; links: number | null } | undefined,
    // A common source's contradictions by walking the relations, each probed for the source; a
    // rarer one's from its links (as src/domain/relations/relationRepository.ts chooses).
    contradictionsBySource: (after: number, source: { id: number; links: number | null }, limit: number) =>
      Number(source.links ?? 0) > WALKED_SOURCE_LINKS
        ? db.all(contradictionsWalkedSql, [after, source.id, limit])
        : db.all(contradictionsByLinksSql, [after, source.id, source.id, limit]),
    relationsBetween: (a: number, b: number) => db.all(relationsBetweenSql, [a, b, b, a]),

    // Search, directories and facets (issue 15): the same answers from the same indexes and
    // counts, without the framework, validation or repositories.
    textIds: async (q: string, after: number, limit: number) =>
      (await pluck(claimText, [...textParams(q), after, limit], { cachePlan: false })) as number[],
    namedSources: async (q: string) =>
      (await db.all(namedSourcesSql, namedParams(q), { cachePlan: false })) as { sourceId: number; inChains: number }[],
    namedSortedIds: async (q: string, sourceIds: number[], after: number, limit: number) =>
      (await pluck(namedSortedIdsSql, [...namedListParams(q, sourceIds), after, limit], {
        cachePlan: false,
      })) as number[],
    namedWalkIds: async (q: string, sourceIds: number[], after: number, limit: number) =>
      (await pluck(namedWalkIdsSql, [after, ...namedListParams(q, sourceIds), limit], {
        cachePlan: false,
      })) as number[],
    names: (sourceSlugs: readonly string[]) => db.all(namesSql, [list(sourceSlugs), list(sourceSlugs)]),
    sourcePage: (after: number, limit: number) => db.all(sourcePageSql, [after, limit]),
    sourcesByClaims: (limit: number) => db.all(sourcesByClaimsSql, [limit]),
    sourceNames: (sourceIds: readonly unknown[]) => db.all(sourceNamesSql, [list(sourceIds)]),
    articlePage: (limit: number) => db.all(articlePageSql, [limit]),
    topicKindIds: async (topicId: unknown, kind: string | null, limit: number) =>
      (await pluck(topicKindIdsSql, [topicId, kind, limit])) as number[],
    facetKind: (claimIds: readonly unknown[]) => db.all(facetKindSql, [list(claimIds)]),
    facetTopic: (claimIds: readonly unknown[]) => db.all(facetTopicSql, [list(claimIds)]),
    facetSpeaker: (claimIds: readonly unknown[]) => db.all(facetSpeakerSql, [list(claimIds)]),
    facetStatus: (claimIds: readonly unknown[]) => db.all(facetStatusSql, [list(claimIds), list(claimIds)]),
  };
}

/**
 * claimtrail's threshold (WALKED_SOURCE_LINKS in src/domain/relations/relationRepository.ts),
 * written out so that the baseline does not load the repositories and Prisma.
 */
const WALKED_SOURCE_LINKS = 3_000;

/** An FTS5 phrase: the query as one quoted string. */
const ftsPhrase = (q: string) => `"${q.replaceAll('"', '""')}"`;

export type { Row };
