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
 * psql's side on PostgreSQL: the same columns and order, for `\copy (...) to stdout csv header`.
 * One line: psql reads a backslash command's arguments up to the end of the line.
 */
const PSQL_CHAIN_PARTS = (
  column: string,
  separator: string,
) => `(SELECT string_agg("part", ' | ' ORDER BY "chain") FROM (
    SELECT l."chain", string_agg(${column}, '${separator}' ORDER BY l."position") AS "part"
      FROM "AttributionLink" l JOIN "Source" s ON s."id" = l."sourceId" WHERE l."claimId" = c."id" GROUP BY l."chain") parts)`;

export const PSQL_CLAIMS_CSV =
  `SELECT c."id", c."key", a."slug" AS "article", c."quote", c."start", c."end", c."gloss", c."kind",
  CASE WHEN c."hedged" THEN 'true' ELSE 'false' END AS "hedged", c."cue", c."statedOn" AS "stated_on",
  to_char(a."publishedAt" + a."publishedUtcOffset" * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS')
    || CASE WHEN a."publishedUtcOffset" < 0 THEN '-' ELSE '+' END
    || lpad((abs(a."publishedUtcOffset") / 60)::text, 2, '0') || ':' || lpad((abs(a."publishedUtcOffset") % 60)::text, 2, '0')
    AS "article_published_at",
  (SELECT s."name" FROM "AttributionLink" l JOIN "Source" s ON s."id" = l."sourceId"
    WHERE l."claimId" = c."id" AND l."chain" = 0 AND l."position" = 0) AS "speaker",
  ${PSQL_CHAIN_PARTS('s."name"', " <- ")} AS "chain",
  ${PSQL_CHAIN_PARTS('s."slug"', "<")} AS "chain_slugs",
  ${PSQL_CHAIN_PARTS('l."role"', "<")} AS "chain_roles",
  (SELECT COUNT(*) - 1 FROM "AttributionLink" l WHERE l."claimId" = c."id" AND l."chain" = 0) AS "hop_distance",
  (SELECT string_agg(t."slug", ' ' ORDER BY t."slug") FROM "ClaimTopic" ct JOIN "Topic" t ON t."id" = ct."topicId"
    WHERE ct."claimId" = c."id") AS "topics",
  (SELECT string_agg(cs."stance" || ':' || p."key", ' ' ORDER BY p."key") FROM "ClaimStance" cs
    JOIN "Proposition" p ON p."id" = cs."propositionId" WHERE cs."claimId" = c."id") AS "stances",
  (SELECT string_agg("other"::text, ' ' ORDER BY "other") FROM (
    SELECT r."toClaimId" AS "other" FROM "Relation" r WHERE r."fromClaimId" = c."id" AND r."type" = 'contradicts' AND r."status" <> 'dismissed'
    UNION SELECT r."fromClaimId" FROM "Relation" r WHERE r."toClaimId" = c."id" AND r."type" = 'contradicts' AND r."status" <> 'dismissed'
  ) others) AS "contradicting_claim_ids"
FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
ORDER BY c."id"`.replace(/\s+/g, " ");
