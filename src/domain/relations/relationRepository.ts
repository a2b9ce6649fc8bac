import type { Db } from "../../db/client.js";
import { inList, queryRows } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";

// The contradiction listing and the comparison are read on every review; Prisma compiles each
// of these queries afresh per request, which cost more than running them. Portable SQL with
// quoted identifiers; the rows match `relationSummarySelect`.

type Int = number | bigint;

export interface RelationRow {
  id: number;
  type: string;
  fromClaimId: number;
  toClaimId: number;
  status: string;
  origin: string;
  version: number;
  rationale: string;
}

interface RelationColumns extends Omit<RelationRow, "id" | "fromClaimId" | "toClaimId" | "version"> {
  id: Int;
  fromClaimId: Int;
  toClaimId: Int;
  version: Int;
}

const COLUMNS = Prisma.sql`r."id", r."type", r."fromClaimId", r."toClaimId", r."status", r."origin", r."version", r."rationale"`;

function toRow(r: RelationColumns): RelationRow {
  return {
    id: Number(r.id),
    type: r.type,
    fromClaimId: Number(r.fromClaimId),
    toClaimId: Number(r.toClaimId),
    status: r.status,
    origin: r.origin,
    version: Number(r.version),
    rationale: r.rationale,
  };
}

/** Either side of the relation `r` satisfies `condition(side)`, given the side's claim id column. */
function eitherSide(condition: (claimId: Prisma.Sql) => Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${condition(Prisma.sql`r."fromClaimId"`)} OR ${condition(Prisma.sql`r."toClaimId"`)})`;
}

/**
 * One keyset page of contradictions, in id order, after `afterId`: with a source anywhere in
 * either side's chain, a status, a topic of either side, an article of either side.
 */
export async function findContradictionPage(
  db: Db,
  filters: { source?: string; status?: string; topic?: string; article?: string; type?: string },
  afterId: number,
  take: number,
): Promise<RelationRow[]> {
  const type = filters.type ?? "contradicts";
  const where: Prisma.Sql[] = [Prisma.sql`r."id" > ${afterId}`];
  if (type !== "any") where.unshift(Prisma.sql`r."type" = ${type}`);
  if (filters.status !== undefined) where.push(Prisma.sql`r."status" = ${filters.status}`);
  if (filters.source !== undefined) {
    // The source's id first, so each side is one probe of the (sourceId, claimId) index.
    const sourceId = Prisma.sql`(SELECT s."id" FROM "Source" s WHERE s."slug" = ${filters.source})`;
    where.push(
      eitherSide(
        (claimId) =>
          Prisma.sql`EXISTS (SELECT 1 FROM "AttributionLink" l WHERE l."sourceId" = ${sourceId} AND l."claimId" = ${claimId})`,
      ),
    );
  }
  if (filters.topic !== undefined) {
    const topicId = Prisma.sql`(SELECT t."id" FROM "Topic" t WHERE t."slug" = ${filters.topic})`;
    where.push(
      eitherSide(
        (claimId) =>
          Prisma.sql`EXISTS (SELECT 1 FROM "ClaimTopic" ct WHERE ct."claimId" = ${claimId} AND ct."topicId" = ${topicId})`,
      ),
    );
  }
  if (filters.article !== undefined) {
    const articleId = Prisma.sql`(SELECT a."id" FROM "Article" a WHERE a."slug" = ${filters.article})`;
    where.push(
      eitherSide(
        (claimId) =>
          Prisma.sql`EXISTS (SELECT 1 FROM "Claim" c WHERE c."id" = ${claimId} AND c."articleId" = ${articleId})`,
      ),
    );
  }
  const rows = await queryRows<RelationColumns>(
    db,
    Prisma.sql`
    SELECT ${COLUMNS} FROM "Relation" r WHERE ${Prisma.join(where, " AND ")} ORDER BY r."id" LIMIT ${take}`,
  );
  return rows.map(toRow);
}

/** Every relation between two claims, either way round, in id order. */
export async function findRelationsBetween(db: Db, a: number, b: number): Promise<RelationRow[]> {
  const rows = await queryRows<RelationColumns>(
    db,
    Prisma.sql`
    SELECT ${COLUMNS} FROM "Relation" r
     WHERE (r."fromClaimId" = ${a} AND r."toClaimId" = ${b}) OR (r."fromClaimId" = ${b} AND r."toClaimId" = ${a})
     ORDER BY r."id"`,
  );
  return rows.map(toRow);
}

/**
 * For each of these claims, the other claims it is in a contradiction with that is not
 * dismissed, in id order. Claims in none are left out of the map.
 */
export async function findContradictingClaimIds(db: Db, claimIds: readonly number[]): Promise<Map<number, number[]>> {
  if (claimIds.length === 0) return new Map();
  const list = inList(claimIds);
  // Type and status are checked here, not in SQL: given them, SQLite walks every contradiction
  // by the (type, id) index instead of probing the claim id indexes, which is ruinous at scale.
  type Side = { claimId: Int; otherId: Int; type: string; status: string };
  const [outgoing, incoming] = await Promise.all([
    queryRows<Side>(
      db,
      Prisma.sql`
      SELECT r."fromClaimId" AS "claimId", r."toClaimId" AS "otherId", r."type", r."status" FROM "Relation" r WHERE r."fromClaimId" IN (${list})`,
    ),
    queryRows<Side>(
      db,
      Prisma.sql`
      SELECT r."toClaimId" AS "claimId", r."fromClaimId" AS "otherId", r."type", r."status" FROM "Relation" r WHERE r."toClaimId" IN (${list})`,
    ),
  ]);
  const others = new Map<number, Set<number>>();
  for (const side of [...outgoing, ...incoming]) {
    if (side.type !== "contradicts" || side.status === "dismissed") continue;
    const id = Number(side.claimId);
    const set = others.get(id) ?? new Set<number>();
    set.add(Number(side.otherId));
    others.set(id, set);
  }
  return new Map([...others].map(([id, set]) => [id, [...set].sort((a, b) => a - b)]));
}

/**
 * Whether any relation touches a claim of this article. Driven by the article's claims and the
 * relation claim indexes: the ORM's join on either side walks every relation, the whole table
 * for a late article (2 s an article at a million claims).
 */
export async function articleHasRelations(db: Db, articleId: number): Promise<boolean> {
  const rows = await queryRows<{ found: Int }>(
    db,
    Prisma.sql`
    SELECT 1 AS "found" FROM "Claim" c
     WHERE c."articleId" = ${articleId}
       AND (EXISTS (SELECT 1 FROM "Relation" r WHERE r."fromClaimId" = c."id")
         OR EXISTS (SELECT 1 FROM "Relation" r WHERE r."toClaimId" = c."id"))
     LIMIT 1`,
  );
  return rows.length > 0;
}
