-- CreateTable
CREATE TABLE "Article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisherId" INTEGER NOT NULL,
    "section" TEXT,
    "language" TEXT NOT NULL,
    "url" TEXT,
    "publishedAt" DATETIME NOT NULL,
    "publishedUtcOffset" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Article_publisherId_fkey" FOREIGN KEY ("publisherId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "countryCode" TEXT,
    "stateControlled" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT,
    "affiliationId" INTEGER,
    CONSTRAINT "Source_affiliationId_fkey" FOREIGN KEY ("affiliationId") REFERENCES "Source" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceName" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "SourceName_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "gloss" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "hedged" BOOLEAN NOT NULL DEFAULT false,
    "cue" TEXT,
    "statedOn" TEXT,
    CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttributionLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "claimId" INTEGER NOT NULL,
    "chain" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "AttributionLink_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AttributionLink_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ClaimTopic" (
    "claimId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,

    PRIMARY KEY ("claimId", "topicId"),
    CONSTRAINT "ClaimTopic_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Proposition" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ClaimStance" (
    "claimId" INTEGER NOT NULL,
    "propositionId" INTEGER NOT NULL,
    "stance" TEXT NOT NULL,

    PRIMARY KEY ("claimId", "propositionId"),
    CONSTRAINT "ClaimStance_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimStance_propositionId_fkey" FOREIGN KEY ("propositionId") REFERENCES "Proposition" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Relation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fromClaimId" INTEGER NOT NULL,
    "toClaimId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "origin" TEXT NOT NULL DEFAULT 'curated',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Relation_fromClaimId_fkey" FOREIGN KEY ("fromClaimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Relation_toClaimId_fkey" FOREIGN KEY ("toClaimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RelationEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "relationId" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RelationEvent_relationId_fkey" FOREIGN KEY ("relationId") REFERENCES "Relation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Article_bodySha256_key" ON "Article"("bodySha256");

-- CreateIndex
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");

-- CreateIndex
CREATE INDEX "SourceName_name_idx" ON "SourceName"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SourceName_sourceId_name_key" ON "SourceName"("sourceId", "name");

-- CreateIndex
CREATE INDEX "Claim_kind_idx" ON "Claim"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_articleId_key_key" ON "Claim"("articleId", "key");

-- CreateIndex
CREATE INDEX "AttributionLink_sourceId_role_claimId_idx" ON "AttributionLink"("sourceId", "role", "claimId");

-- CreateIndex
CREATE UNIQUE INDEX "AttributionLink_claimId_chain_position_key" ON "AttributionLink"("claimId", "chain", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_slug_key" ON "Topic"("slug");

-- CreateIndex
CREATE INDEX "ClaimTopic_topicId_claimId_idx" ON "ClaimTopic"("topicId", "claimId");

-- CreateIndex
CREATE UNIQUE INDEX "Proposition_key_key" ON "Proposition"("key");

-- CreateIndex
CREATE INDEX "ClaimStance_propositionId_idx" ON "ClaimStance"("propositionId");

-- CreateIndex
CREATE INDEX "Relation_type_status_idx" ON "Relation"("type", "status");

-- CreateIndex
CREATE INDEX "Relation_toClaimId_idx" ON "Relation"("toClaimId");

-- CreateIndex
CREATE UNIQUE INDEX "Relation_fromClaimId_toClaimId_type_key" ON "Relation"("fromClaimId", "toClaimId", "type");

-- CreateIndex
CREATE INDEX "RelationEvent_relationId_id_idx" ON "RelationEvent"("relationId", "id");

