/**
 * The sqlite3 shell's side of the export comparison: the claim CSV's columns (see
 * src/domain/exports/claimRows.ts), in id order, computed by one hand-written query.
 */
const CHAIN_PARTS = (column: string, separator: string) => `(SELECT group_concat("part", ' | ') FROM (
    SELECT group_concat("value", '${separator}') AS "part" FROM (
      SELECT l."chain", ${column} AS "value" FROM "AttributionLink" l JOIN "Source" s ON s."id" = l."sourceId"
       WHERE l."claimId" = c."id" ORDER BY l."chain", l."position")
    GROUP BY "chain" ORDER BY "chain"))`;

export const SQLITE_SHELL_CLAIMS_CSV = `SELECT c."id", c."key", a."slug" AS "article", c."quote", c."start", c."end", c."gloss", c."kind",
  CASE c."hedged" WHEN 1 THEN 'true' ELSE 'false' END AS "hedged", c."cue", c."statedOn" AS "stated_on",
  strftime('%Y-%m-%dT%H:%M:%S', a."publishedAt", a."publishedUtcOffset" || ' minutes')
    || printf('%s%02d:%02d', CASE WHEN a."publishedUtcOffset" < 0 THEN '-' ELSE '+' END,
              abs(a."publishedUtcOffset") / 60, abs(a."publishedUtcOffset") % 60) AS "article_published_at",
  (SELECT s."name" FROM "AttributionLink" l JOIN "Source" s ON s."id" = l."sourceId"
    WHERE l."claimId" = c."id" AND l."chain" = 0 AND l."position" = 0) AS "speaker",
  ${CHAIN_PARTS('s."name"', " <- ")} AS "chain",
  ${CHAIN_PARTS('s."slug"', "<")} AS "chain_slugs",
  ${CHAIN_PARTS('l."role"', "<")} AS "chain_roles",
  (SELECT COUNT(*) - 1 FROM "AttributionLink" l WHERE l."claimId" = c."id" AND l."chain" = 0) AS "hop_distance",
  (SELECT group_concat("slug", ' ') FROM (SELECT t."slug" FROM "ClaimTopic" ct JOIN "Topic" t ON t."id" = ct."topicId"
    WHERE ct."claimId" = c."id" ORDER BY t."slug")) AS "topics",
  (SELECT group_concat("x", ' ') FROM (SELECT cs."stance" || ':' || p."key" AS "x" FROM "ClaimStance" cs
    JOIN "Proposition" p ON p."id" = cs."propositionId" WHERE cs."claimId" = c."id" ORDER BY p."key")) AS "stances",
  (SELECT group_concat("other", ' ') FROM (
    SELECT r."toClaimId" AS "other" FROM "Relation" r WHERE r."fromClaimId" = c."id" AND r."type" = 'contradicts' AND r."status" <> 'dismissed'
    UNION SELECT r."fromClaimId" FROM "Relation" r WHERE r."toClaimId" = c."id" AND r."type" = 'contradicts' AND r."status" <> 'dismissed'
    ORDER BY 1)) AS "contradicting_claim_ids"
FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
ORDER BY c."id";`;

/**
 * psql's side on PostgreSQL, for `\copy (...) to stdout csv header`: the same columns and order,
 * set-based (each claim's chains, topics, stances and contradictions aggregated once, joined on
 * the claim id). The form with a correlated subquery per column, as for the sqlite3 shell, gave
 * the same bytes 12x slower at 5,000 claims (4.9 s vs 0.4 s, 1.5 s of it JIT compilation).
 * One line: psql reads a backslash command's arguments up to the end of the line.
 */
export const PSQL_CLAIMS_CSV = `WITH "chains" AS (
  SELECT l."claimId", l."chain",
         string_agg(s."name", ' <- ' ORDER BY l."position") AS "names",
         string_agg(s."slug", '<' ORDER BY l."position") AS "slugs",
         string_agg(l."role", '<' ORDER BY l."position") AS "roles",
         COUNT(*) - 1 AS "hops",
         MIN(s."name") FILTER (WHERE l."position" = 0) AS "first"
    FROM "AttributionLink" l JOIN "Source" s ON s."id" = l."sourceId" GROUP BY l."claimId", l."chain"),
"links" AS (
  SELECT "claimId", string_agg("names", ' | ' ORDER BY "chain") AS "chain", string_agg("slugs", ' | ' ORDER BY "chain") AS "chain_slugs",
         string_agg("roles", ' | ' ORDER BY "chain") AS "chain_roles",
         MIN("hops") FILTER (WHERE "chain" = 0) AS "hop_distance", MIN("first") FILTER (WHERE "chain" = 0) AS "speaker"
    FROM "chains" GROUP BY "claimId"),
"topics" AS (
  SELECT ct."claimId", string_agg(t."slug", ' ' ORDER BY t."slug") AS "topics"
    FROM "ClaimTopic" ct JOIN "Topic" t ON t."id" = ct."topicId" GROUP BY ct."claimId"),
"stances" AS (
  SELECT cs."claimId", string_agg(cs."stance" || ':' || p."key", ' ' ORDER BY p."key") AS "stances"
    FROM "ClaimStance" cs JOIN "Proposition" p ON p."id" = cs."propositionId" GROUP BY cs."claimId"),
"others" AS (
  SELECT "claimId", string_agg("other"::text, ' ' ORDER BY "other") AS "ids" FROM (
    SELECT "fromClaimId" AS "claimId", "toClaimId" AS "other" FROM "Relation" WHERE "type" = 'contradicts' AND "status" <> 'dismissed'
    UNION SELECT "toClaimId", "fromClaimId" FROM "Relation" WHERE "type" = 'contradicts' AND "status" <> 'dismissed') pairs
  GROUP BY "claimId")
SELECT c."id", c."key", a."slug" AS "article", c."quote", c."start", c."end", c."gloss", c."kind",
  CASE WHEN c."hedged" THEN 'true' ELSE 'false' END AS "hedged", c."cue", c."statedOn" AS "stated_on",
  to_char(a."publishedAt" + a."publishedUtcOffset" * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS')
    || CASE WHEN a."publishedUtcOffset" < 0 THEN '-' ELSE '+' END
    || lpad((abs(a."publishedUtcOffset") / 60)::text, 2, '0') || ':' || lpad((abs(a."publishedUtcOffset") % 60)::text, 2, '0')
    AS "article_published_at",
  k."speaker", k."chain", k."chain_slugs", k."chain_roles", k."hop_distance", t."topics", st."stances", o."ids" AS "contradicting_claim_ids"
FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
  LEFT JOIN "links" k ON k."claimId" = c."id" LEFT JOIN "topics" t ON t."claimId" = c."id"
  LEFT JOIN "stances" st ON st."claimId" = c."id" LEFT JOIN "others" o ON o."claimId" = c."id"
ORDER BY c."id"`.replace(/\s+/g, " ");
