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

-- Statement-level triggers with transition tables: a multi-row insert of links recounts each
-- touched source once, not once per row.
CREATE FUNCTION "AttributionLink_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SourceClaimCount" k
     SET "asSpeaker" = (SELECT COUNT(DISTINCT l."claimId") FROM "AttributionLink" l
           WHERE l."sourceId" = k."sourceId" AND l."role" = 'speaker'),
         "inChains" = (SELECT COUNT(DISTINCT l."claimId") FROM "AttributionLink" l WHERE l."sourceId" = k."sourceId")
   WHERE k."sourceId" IN (SELECT "sourceId" FROM touched);
  RETURN NULL;
END $$;
CREATE FUNCTION "AttributionLink_recount_both"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SourceClaimCount" k
     SET "asSpeaker" = (SELECT COUNT(DISTINCT l."claimId") FROM "AttributionLink" l
           WHERE l."sourceId" = k."sourceId" AND l."role" = 'speaker'),
         "inChains" = (SELECT COUNT(DISTINCT l."claimId") FROM "AttributionLink" l WHERE l."sourceId" = k."sourceId")
   WHERE k."sourceId" IN (SELECT "sourceId" FROM old_links UNION SELECT "sourceId" FROM new_links);
  RETURN NULL;
END $$;
CREATE TRIGGER "AttributionLink_count_insert" AFTER INSERT ON "AttributionLink"
  REFERENCING NEW TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION "AttributionLink_recount"();
CREATE TRIGGER "AttributionLink_count_delete" AFTER DELETE ON "AttributionLink"
  REFERENCING OLD TABLE AS touched FOR EACH STATEMENT EXECUTE FUNCTION "AttributionLink_recount"();
CREATE TRIGGER "AttributionLink_count_update" AFTER UPDATE ON "AttributionLink"
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "AttributionLink_recount_both"();
