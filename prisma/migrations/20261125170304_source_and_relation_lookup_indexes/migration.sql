-- DropIndex
DROP INDEX "AttributionLink_sourceId_role_claimId_idx";

-- CreateIndex
CREATE INDEX "AttributionLink_sourceId_claimId_role_idx" ON "AttributionLink"("sourceId", "claimId", "role");

-- CreateIndex
CREATE INDEX "Relation_type_id_idx" ON "Relation"("type", "id");

