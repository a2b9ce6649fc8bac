-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_publisherId_publishedAt_id_idx" ON "Article"("publisherId", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Source_name_id_idx" ON "Source"("name", "id");


-- Written by hand, the PostgreSQL equivalent of the SQLite migration's hand-written part:
-- trigram GIN indexes (pg_trgm) in place of the FTS5 tables, and the same per-source claim
-- counts kept by triggers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Claim_quote_trgm_idx" ON "Claim" USING gin ("quote" gin_trgm_ops);
CREATE INDEX "Claim_gloss_trgm_idx" ON "Claim" USING gin ("gloss" gin_trgm_ops);
CREATE INDEX "SourceName_name_trgm_idx" ON "SourceName" USING gin ("name" gin_trgm_ops);
CREATE INDEX "Source_name_trgm_idx" ON "Source" USING gin ("name" gin_trgm_ops);

CREATE TABLE "SourceClaimCount" (
  "sourceId" INTEGER NOT NULL PRIMARY KEY,
  "asSpeaker" INTEGER NOT NULL DEFAULT 0,
  "inChains" INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX "SourceClaimCount_inChains_sourceId_idx" ON "SourceClaimCount"("inChains" DESC, "sourceId");
INSERT INTO "SourceClaimCount"("sourceId", "asSpeaker", "inChains")
SELECT s."id",
       (SELECT COUNT(DISTINCT l."claimId") FROM "AttributionLink" l WHERE l."sourceId" = s."id" AND l."role" = 'speaker'),
       (SELECT COUNT(DISTINCT l."claimId") FROM "AttributionLink" l WHERE l."sourceId" = s."id")
  FROM "Source" s;

CREATE FUNCTION "Source_count_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "SourceClaimCount"("sourceId") VALUES (NEW."id");
    RETURN NEW;
  END IF;
  DELETE FROM "SourceClaimCount" WHERE "sourceId" = OLD."id";
  RETURN OLD;
END $$;
CREATE TRIGGER "Source_count_insert" AFTER INSERT ON "Source" FOR EACH ROW EXECUTE FUNCTION "Source_count_row"();
CREATE TRIGGER "Source_count_delete" AFTER DELETE ON "Source" FOR EACH ROW EXECUTE FUNCTION "Source_count_row"();

-- Statement-level triggers with transition tables, counting only what the statement changed
-- (as the SQLite triggers do): a claim counts for a source once, however many of its links name it.
CREATE FUNCTION "AttributionLink_count_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SourceClaimCount" k
     SET "inChains" = k."inChains" + d."chains", "asSpeaker" = k."asSpeaker" + d."speakers"
    FROM (SELECT n."sourceId",
                 COUNT(DISTINCT n."claimId") FILTER (WHERE NOT EXISTS (SELECT 1 FROM "AttributionLink" l
                   WHERE l."sourceId" = n."sourceId" AND l."claimId" = n."claimId"
                     AND l."id" NOT IN (SELECT "id" FROM added))) AS "chains",
                 COUNT(DISTINCT n."claimId") FILTER (WHERE n."role" = 'speaker' AND NOT EXISTS (SELECT 1 FROM "AttributionLink" l
                   WHERE l."sourceId" = n."sourceId" AND l."claimId" = n."claimId" AND l."role" = 'speaker'
                     AND l."id" NOT IN (SELECT "id" FROM added WHERE "role" = 'speaker'))) AS "speakers"
            FROM added n GROUP BY n."sourceId") d
   WHERE k."sourceId" = d."sourceId";
  RETURN NULL;
END $$;
CREATE FUNCTION "AttributionLink_count_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SourceClaimCount" k
     SET "inChains" = k."inChains" - d."chains", "asSpeaker" = k."asSpeaker" - d."speakers"
    FROM (SELECT o."sourceId",
                 COUNT(DISTINCT o."claimId") FILTER (WHERE NOT EXISTS (SELECT 1 FROM "AttributionLink" l
                   WHERE l."sourceId" = o."sourceId" AND l."claimId" = o."claimId")) AS "chains",
                 COUNT(DISTINCT o."claimId") FILTER (WHERE o."role" = 'speaker' AND NOT EXISTS (SELECT 1 FROM "AttributionLink" l
                   WHERE l."sourceId" = o."sourceId" AND l."claimId" = o."claimId" AND l."role" = 'speaker')) AS "speakers"
            FROM removed o GROUP BY o."sourceId") d
   WHERE k."sourceId" = d."sourceId";
  RETURN NULL;
END $$;
-- A link that changes source, claim or role (rare: sheets delete and insert links): both sources recounted.
CREATE FUNCTION "AttributionLink_count_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SourceClaimCount" k
     SET "asSpeaker" = (SELECT COUNT(DISTINCT l."claimId") FROM "AttributionLink" l
           WHERE l."sourceId" = k."sourceId" AND l."role" = 'speaker'),
         "inChains" = (SELECT COUNT(DISTINCT l."claimId") FROM "AttributionLink" l WHERE l."sourceId" = k."sourceId")
   WHERE k."sourceId" IN (SELECT "sourceId" FROM old_links UNION SELECT "sourceId" FROM new_links);
  RETURN NULL;
END $$;
CREATE TRIGGER "AttributionLink_count_insert" AFTER INSERT ON "AttributionLink"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "AttributionLink_count_added"();
CREATE TRIGGER "AttributionLink_count_delete" AFTER DELETE ON "AttributionLink"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "AttributionLink_count_removed"();
CREATE TRIGGER "AttributionLink_count_update" AFTER UPDATE ON "AttributionLink"
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "AttributionLink_count_changed"();
