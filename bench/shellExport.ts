/**
 * The sqlite3 shell's side of the export comparison: the claim rows with the columns the
 * claim CSV carries, in id order, in one hand-written query.
 */
export const SQLITE_SHELL_CLAIMS_CSV = `SELECT c."id", a."slug" AS "article", c."key", c."quote", c."start", c."end", c."gloss", c."kind",
  c."hedged", c."cue", c."statedOn",
  (SELECT s."slug" FROM "AttributionLink" l JOIN "Source" s ON s."id" = l."sourceId"
    WHERE l."claimId" = c."id" AND l."chain" = 0 AND l."position" = 0) AS "speaker",
  (SELECT group_concat("slug", '<') FROM (SELECT s."slug" FROM "AttributionLink" l JOIN "Source" s ON s."id" = l."sourceId"
    WHERE l."claimId" = c."id" AND l."chain" = 0 ORDER BY l."position")) AS "chain",
  (SELECT group_concat("slug", ' ') FROM (SELECT t."slug" FROM "ClaimTopic" ct JOIN "Topic" t ON t."id" = ct."topicId"
    WHERE ct."claimId" = c."id" ORDER BY t."slug")) AS "topics"
FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
ORDER BY c."id";`;
