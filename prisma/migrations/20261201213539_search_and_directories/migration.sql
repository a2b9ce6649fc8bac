-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_publisherId_publishedAt_id_idx" ON "Article"("publisherId", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Source_name_id_idx" ON "Source"("name", "id");


-- Everything below is SQLite-only and written by hand (Prisma's schema cannot express it); the
-- PostgreSQL twin is pg_trgm GIN indexes (src/domain/search/postgresSearch.ts). Triggers keep
-- it in step with every write (import, CSV rows, sheet updates, copies) inside the writer's own
-- transaction, whichever code path writes.

-- Claim text search: every substring of three or more characters of a quote or a gloss, Thai
-- (no spaces between words) and Latin (case folded) alike. External content: the text is
-- stored once, in "Claim".
CREATE VIRTUAL TABLE "ClaimText" USING fts5("quote", "gloss", content="Claim", content_rowid="id", tokenize="trigram");
INSERT INTO "ClaimText"("ClaimText") VALUES ('rebuild');

CREATE TRIGGER "Claim_text_insert" AFTER INSERT ON "Claim" BEGIN
  INSERT INTO "ClaimText"(rowid, "quote", "gloss") VALUES (NEW."id", NEW."quote", NEW."gloss");
END;
CREATE TRIGGER "Claim_text_delete" AFTER DELETE ON "Claim" BEGIN
  INSERT INTO "ClaimText"("ClaimText", rowid, "quote", "gloss") VALUES ('delete', OLD."id", OLD."quote", OLD."gloss");
END;
CREATE TRIGGER "Claim_text_update" AFTER UPDATE OF "id", "quote", "gloss" ON "Claim" BEGIN
  INSERT INTO "ClaimText"("ClaimText", rowid, "quote", "gloss") VALUES ('delete', OLD."id", OLD."quote", OLD."gloss");
  INSERT INTO "ClaimText"(rowid, "quote", "gloss") VALUES (NEW."id", NEW."quote", NEW."gloss");
END;

-- Source name search: every stored name form of a source and its display name. Rowid is the
-- SourceName's id, or minus the Source's id for the display name, so each row has one owner.
CREATE VIRTUAL TABLE "SourceNameText" USING fts5("name", "sourceId" UNINDEXED, tokenize="trigram");
INSERT INTO "SourceNameText"(rowid, "name", "sourceId") SELECT "id", "name", "sourceId" FROM "SourceName";
INSERT INTO "SourceNameText"(rowid, "name", "sourceId") SELECT -"id", "name", "id" FROM "Source";

CREATE TRIGGER "SourceName_text_insert" AFTER INSERT ON "SourceName" BEGIN
  INSERT INTO "SourceNameText"(rowid, "name", "sourceId") VALUES (NEW."id", NEW."name", NEW."sourceId");
END;
CREATE TRIGGER "SourceName_text_delete" AFTER DELETE ON "SourceName" BEGIN
  DELETE FROM "SourceNameText" WHERE rowid = OLD."id";
END;
CREATE TRIGGER "SourceName_text_update" AFTER UPDATE ON "SourceName" BEGIN
  DELETE FROM "SourceNameText" WHERE rowid = OLD."id";
  INSERT INTO "SourceNameText"(rowid, "name", "sourceId") VALUES (NEW."id", NEW."name", NEW."sourceId");
END;
CREATE TRIGGER "Source_text_insert" AFTER INSERT ON "Source" BEGIN
  INSERT INTO "SourceNameText"(rowid, "name", "sourceId") VALUES (-NEW."id", NEW."name", NEW."id");
  INSERT INTO "SourceClaimCount"("sourceId") VALUES (NEW."id");
END;
CREATE TRIGGER "Source_text_delete" AFTER DELETE ON "Source" BEGIN
  DELETE FROM "SourceNameText" WHERE rowid = -OLD."id";
  DELETE FROM "SourceClaimCount" WHERE "sourceId" = OLD."id";
END;
CREATE TRIGGER "Source_text_update" AFTER UPDATE OF "name" ON "Source" BEGIN
  DELETE FROM "SourceNameText" WHERE rowid = -OLD."id";
  INSERT INTO "SourceNameText"(rowid, "name", "sourceId") VALUES (-NEW."id", NEW."name", NEW."id");
END;

-- Claim counts per source, kept by the links' triggers, so the directory's first page (and a
-- sort by claims) reads an index instead of counting every link. Distinct claims: a claim
-- with two chains through one source counts once. Not a Prisma model, so a copy of the
-- models never copies counts that the triggers would then count a second time.
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

CREATE TRIGGER "AttributionLink_count_insert" AFTER INSERT ON "AttributionLink" BEGIN
  UPDATE "SourceClaimCount"
     SET "inChains" = "inChains" + NOT EXISTS (SELECT 1 FROM "AttributionLink" l
           WHERE l."sourceId" = NEW."sourceId" AND l."claimId" = NEW."claimId" AND l."id" <> NEW."id"),
         "asSpeaker" = "asSpeaker" + (NEW."role" = 'speaker' AND NOT EXISTS (SELECT 1 FROM "AttributionLink" l
           WHERE l."sourceId" = NEW."sourceId" AND l."claimId" = NEW."claimId" AND l."role" = 'speaker' AND l."id" <> NEW."id"))
   WHERE "sourceId" = NEW."sourceId";
END;
CREATE TRIGGER "AttributionLink_count_delete" AFTER DELETE ON "AttributionLink" BEGIN
  UPDATE "SourceClaimCount"
     SET "inChains" = "inChains" - NOT EXISTS (SELECT 1 FROM "AttributionLink" l
           WHERE l."sourceId" = OLD."sourceId" AND l."claimId" = OLD."claimId"),
         "asSpeaker" = "asSpeaker" - (OLD."role" = 'speaker' AND NOT EXISTS (SELECT 1 FROM "AttributionLink" l
           WHERE l."sourceId" = OLD."sourceId" AND l."claimId" = OLD."claimId" AND l."role" = 'speaker'))
   WHERE "sourceId" = OLD."sourceId";
END;
-- A link that changes source, claim or role: both sources are counted again (rare: sheets
-- replace links by deleting and inserting them).
CREATE TRIGGER "AttributionLink_count_update" AFTER UPDATE OF "sourceId", "claimId", "role" ON "AttributionLink" BEGIN
  UPDATE "SourceClaimCount"
     SET "asSpeaker" = (SELECT COUNT(DISTINCT l."claimId") FROM "AttributionLink" l
           WHERE l."sourceId" = "SourceClaimCount"."sourceId" AND l."role" = 'speaker'),
         "inChains" = (SELECT COUNT(DISTINCT l."claimId") FROM "AttributionLink" l
           WHERE l."sourceId" = "SourceClaimCount"."sourceId")
   WHERE "sourceId" IN (OLD."sourceId", NEW."sourceId");
END;
