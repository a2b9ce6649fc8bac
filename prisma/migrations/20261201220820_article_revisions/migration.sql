-- CreateTable
CREATE TABLE "ArticleRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "replacedAt" DATETIME NOT NULL,
    CONSTRAINT "ArticleRevision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ArticleRevision_articleId_id_idx" ON "ArticleRevision"("articleId", "id");

-- AlterTable: a column added in place (not the table rebuilt), so the claims table keeps its rows, indexes and triggers.
ALTER TABLE "Claim" ADD COLUMN "anchor" TEXT NOT NULL DEFAULT 'anchored';
