import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { inList, lockPair, queryRows } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { ContradictionFilters } from "./relationView.js";

// The contradiction listing and the comparison are read on every review; Prisma compiles each
// of these queries afresh per request, which cost more than running them. Portable SQL with
// quoted identifiers. The writes and single-relation reads go through Prisma.

type Int = number | bigint;

/** A relation's columns that every view of one shows. */
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

/** A relation with its timestamps. */
export interface RelationRecord extends RelationRow {
  createdAt: Date;
  updatedAt: Date;
}

/** One event of a relation's review history. */
export interface RelationEventRecord {
  id: number;
  actor: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  version: number;
  createdAt: Date;
}

export const relationSummarySelect = {
  id: true,
  type: true,
  fromClaimId: true,
  toClaimId: true,
  status: true,
  origin: true,
  version: true,
  rationale: true,
} as const;
const relationSelect = { ...relationSummarySelect, createdAt: true, updatedAt: true } as const;
const relationEventSelect = {
  id: true,
  actor: true,
  fromStatus: true,
  toStatus: true,
  note: true,
  version: true,
  createdAt: true,
} as const;

/** One relation, or undefined. */
export async function findRelation(db: Db, id: number): Promise<RelationRecord | undefined> {
  return (await db.relation.findUnique({ where: { id }, select: relationSelect })) ?? undefined;
}

/** One contradiction (a relation of type contradicts), or undefined. */
export async function findContradiction(db: Db, id: number): Promise<RelationRow | undefined> {
  return (
    (await db.relation.findFirst({ where: { id, type: "contradicts" }, select: relationSummarySelect })) ?? undefined
  );
}

/** A relation's review history, oldest first; undefined for an unknown relation. */
export async function findRelationEvents(db: Db, id: number): Promise<RelationEventRecord[] | undefined> {
  const relation = await db.relation.findUnique({
    where: { id },
    select: { events: { select: relationEventSelect, orderBy: { id: "asc" } } },
  });
  return relation?.events;
}

export interface NewRelation {
  fromClaimId: number;
  toClaimId: number;
  type: string;
  rationale: string;
  note: string | null;
  actor: string;
}

/**
 * Stores a proposed relation with the first event of its history, in one transaction, unless a
 * claim is missing or the relation is there already (for `contradicts`, either way round).
 */
export async function insertRelation(
  db: Db,
  relation: NewRelation,
): Promise<{ created: RelationRecord } | { missingClaimId: number } | { existing: RelationRecord }> {
  const { fromClaimId, toClaimId, type } = relation;
  try {
    return await db.$transaction(async (tx) => {
      // Two proposals of one contradiction, each way round, must not both pass the check below.
      await lockPair(tx, fromClaimId, toClaimId);
      const claims = await tx.claim.findMany({ where: { id: { in: [fromClaimId, toClaimId] } }, select: { id: true } });
      for (const id of [fromClaimId, toClaimId]) if (!claims.some((c) => c.id === id)) return { missingClaimId: id };
      const pairs = [
        { fromClaimId, toClaimId },
        ...(type === "contradicts" ? [{ fromClaimId: toClaimId, toClaimId: fromClaimId }] : []),
      ];
      const existing = await tx.relation.findFirst({ where: { type, OR: pairs }, select: relationSelect });
      if (existing) return { existing };
      const created = await tx.relation.create({
        data: {
          fromClaimId,
          toClaimId,
          type,
          rationale: relation.rationale,
          status: "proposed",
          origin: "curated",
          version: 1,
          events: {
            create: { actor: relation.actor, fromStatus: null, toStatus: "proposed", note: relation.note, version: 1 },
          },
        },
        select: relationSelect,
      });
      return { created };
    });
  } catch (error) {
    // Two proposals of the same pair at once: the unique index lets one through.
    if (isUniqueViolation(error)) {
      const existing = await db.relation.findFirst({ where: { fromClaimId, toClaimId, type }, select: relationSelect });
      if (existing) return { existing };
    }
    throw error;
  }
}

/**
 * Sets a relation's status and appends the event, as one transaction, only if the relation is
 * still at `expectedVersion` (checked by the UPDATE itself, so of concurrent reviews of one
 * version exactly one wins). `not_found` for an unknown relation, `stale` for a moved one.
 */
export async function updateRelationStatus(
  db: Db,
  id: number,
  change: { status: string; note: string | null; expectedVersion: number; actor: string },
): Promise<RelationRecord | "not_found" | "stale"> {
  return db.$transaction(async (tx) => {
    const before = await tx.relation.findUnique({ where: { id }, select: { status: true, version: true } });
    if (!before) return "not_found";
    if (before.version !== change.expectedVersion) return "stale";
    const nextVersion = change.expectedVersion + 1;
    const { count } = await tx.relation.updateMany({
      where: { id, version: change.expectedVersion },
      data: { status: change.status, version: nextVersion },
    });
    if (count !== 1) return "stale";
    await tx.relationEvent.create({
      data: {
        relationId: id,
        actor: change.actor,
        fromStatus: before.status,
        toStatus: change.status,
        note: change.note,
        version: nextVersion,
      },
    });
    return tx.relation.findUniqueOrThrow({ where: { id }, select: relationSelect });
  });
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

/** The contradiction filters as a Prisma where clause: the reference `findContradictionPage` is tested against. */
export function contradictionWhere(filters: ContradictionFilters): Prisma.RelationWhereInput {
  const eitherSide = (claim: Prisma.ClaimWhereInput): Prisma.RelationWhereInput[] => [
    { fromClaim: claim },
    { toClaim: claim },
  ];
  const and: Prisma.RelationWhereInput[] = [];
  if (filters.source !== undefined)
    and.push({ OR: eitherSide({ links: { some: { source: { slug: filters.source } } } }) });
  if (filters.topic !== undefined)
    and.push({ OR: eitherSide({ topics: { some: { topic: { slug: filters.topic } } } }) });
  if (filters.article !== undefined) and.push({ OR: eitherSide({ article: { slug: filters.article } }) });
  if (filters.needsAttention !== undefined) {
    const orphaned: Prisma.RelationWhereInput = { OR: eitherSide({ anchor: "orphaned" }) };
    and.push(filters.needsAttention ? orphaned : { NOT: orphaned });
  }
  return { type: "contradicts", ...(filters.status ? { status: filters.status } : {}), AND: and };
}

/** Either side of the relation `r` satisfies `condition(side)`, given the side's claim id column. */
function eitherSide(condition: (claimId: Prisma.Sql) => Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${condition(Prisma.sql`r."fromClaimId"`)} OR ${condition(Prisma.sql`r."toClaimId"`)})`;
}

/**
 * A source in more chains than this has its contradictions found by walking the relations in id
 * order, each probed for the source; a rarer one's from its own links. At a million claims the
 * walk for the most-quoted source (120,000 chains) reads 231 relations for a page of 50 (3 ms),
 * but all 123,000 for a source in 109 (550 ms), which its links find in 3 ms; the two meet at
 * about 3,000 chains (tens of ms either way).
 */
const WALKED_SOURCE_LINKS = 3_000;

/**
 * The relation `r` has a claim with the source in its chain on either side, for a source in
 * `links` chains. Both sides in one probe of the (sourceId, claimId) index: written as two
 * EXISTS, PostgreSQL hashes every link of the source for each side before it reads a relation
 * (2 x 126,000 links for a page of 50: 128 ms at a million claims).
 */
function bySource(sourceId: number, links: number, walkedSourceLinks: number): Prisma.Sql {
  if (links > walkedSourceLinks) {
    return Prisma.sql`EXISTS (SELECT 1 FROM "AttributionLink" l
      WHERE l."sourceId" = ${sourceId} AND l."claimId" IN (r."fromClaimId", r."toClaimId"))`;
  }
  return Prisma.sql`r."id" IN (
    SELECT f."id" FROM "AttributionLink" l JOIN "Relation" f ON f."fromClaimId" = l."claimId" WHERE l."sourceId" = ${sourceId}
    UNION SELECT t."id" FROM "AttributionLink" l JOIN "Relation" t ON t."toClaimId" = l."claimId" WHERE l."sourceId" = ${sourceId})`;
}

/**
 * One keyset page of contradictions, in id order, after `afterId`: with a source anywhere in
 * either side's chain, a status, a topic of either side, an article of either side.
 * `walkedSourceLinks` is for tests, to read a small corpus both ways.
 */
export async function findContradictionPage(
  db: Db,
  filters: ContradictionFilters,
  afterId: number,
  take: number,
  { walkedSourceLinks = WALKED_SOURCE_LINKS }: { walkedSourceLinks?: number } = {},
): Promise<RelationRow[]> {
  const type = filters.type ?? "contradicts";
  const where: Prisma.Sql[] = [Prisma.sql`r."id" > ${afterId}`];
  if (type !== "any") where.unshift(Prisma.sql`r."type" = ${type}`);
  if (filters.status !== undefined) where.push(Prisma.sql`r."status" = ${filters.status}`);
  if (filters.source !== undefined) {
    const [source] = await queryRows<{ id: Int; links: Int | null }>(
      db,
      Prisma.sql`SELECT s."id", k."inChains" AS "links" FROM "Source" s
        LEFT JOIN "SourceClaimCount" k ON k."sourceId" = s."id" WHERE s."slug" = ${filters.source}`,
    );
    if (!source) return [];
    where.push(bySource(Number(source.id), Number(source.links ?? 0), walkedSourceLinks));
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
  if (filters.needsAttention !== undefined) {
    const orphaned = eitherSide(
      (claimId) => Prisma.sql`EXISTS (SELECT 1 FROM "Claim" c WHERE c."id" = ${claimId} AND c."anchor" = 'orphaned')`,
    );
    where.push(filters.needsAttention ? orphaned : Prisma.sql`NOT ${orphaned}`);
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
