-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Article" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisherId" INTEGER NOT NULL,
    "section" TEXT,
    "language" TEXT NOT NULL,
    "url" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "publishedUtcOffset" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "countryCode" TEXT,
    "stateControlled" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT,
    "affiliationId" INTEGER,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceName" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "SourceName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" SERIAL NOT NULL,
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

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttributionLink" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "chain" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "AttributionLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimTopic" (
    "claimId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,

    CONSTRAINT "ClaimTopic_pkey" PRIMARY KEY ("claimId","topicId")
);

-- CreateTable
CREATE TABLE "Proposition" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Proposition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimStance" (
    "claimId" INTEGER NOT NULL,
    "propositionId" INTEGER NOT NULL,
    "stance" TEXT NOT NULL,

    CONSTRAINT "ClaimStance_pkey" PRIMARY KEY ("claimId","propositionId")
);

-- CreateTable
CREATE TABLE "Relation" (
    "id" SERIAL NOT NULL,
    "fromClaimId" INTEGER NOT NULL,
    "toClaimId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "origin" TEXT NOT NULL DEFAULT 'curated',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Relation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RelationEvent" (
    "id" SERIAL NOT NULL,
    "relationId" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenSha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "AttributionLink_sourceId_claimId_role_idx" ON "AttributionLink"("sourceId", "claimId", "role");

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
CREATE INDEX "Relation_type_id_idx" ON "Relation"("type", "id");

-- CreateIndex
CREATE INDEX "Relation_toClaimId_idx" ON "Relation"("toClaimId");

-- CreateIndex
CREATE UNIQUE INDEX "Relation_fromClaimId_toClaimId_type_key" ON "Relation"("fromClaimId", "toClaimId", "type");

-- CreateIndex
CREATE INDEX "RelationEvent_relationId_id_idx" ON "RelationEvent"("relationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_name_key" ON "ApiToken"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenSha256_key" ON "ApiToken"("tokenSha256");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_publisherId_fkey" FOREIGN KEY ("publisherId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_affiliationId_fkey" FOREIGN KEY ("affiliationId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceName" ADD CONSTRAINT "SourceName_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttributionLink" ADD CONSTRAINT "AttributionLink_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttributionLink" ADD CONSTRAINT "AttributionLink_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimTopic" ADD CONSTRAINT "ClaimTopic_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimTopic" ADD CONSTRAINT "ClaimTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimStance" ADD CONSTRAINT "ClaimStance_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimStance" ADD CONSTRAINT "ClaimStance_propositionId_fkey" FOREIGN KEY ("propositionId") REFERENCES "Proposition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Relation" ADD CONSTRAINT "Relation_fromClaimId_fkey" FOREIGN KEY ("fromClaimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Relation" ADD CONSTRAINT "Relation_toClaimId_fkey" FOREIGN KEY ("toClaimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelationEvent" ADD CONSTRAINT "RelationEvent_relationId_fkey" FOREIGN KEY ("relationId") REFERENCES "Relation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

