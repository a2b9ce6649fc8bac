import type { Db } from "../../db/client.js";
import { lockPair } from "../../db/sql.js";
import { conflict, notFound, unprocessable } from "../../errors.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { RelationType, ReviewStatus } from "../vocabulary.js";
import {
  presentRelation,
  presentRelationEvent,
  type RelationEventView,
  type RelationView,
  relationEventSelect,
  relationSelect,
} from "./relationView.js";

export interface RelationProposal {
  fromClaimId: number;
  toClaimId: number;
  type: RelationType;
  rationale: string;
  note?: string | undefined;
}

export interface Review {
  status: ReviewStatus;
  note?: string | undefined;
  /** The version the reviewer read; the review is refused if the relation has moved on. */
  expectedVersion: number;
}

/** One relation, or 404. */
export async function getRelation(db: Db, id: number): Promise<RelationView> {
  const row = await db.relation.findUnique({ where: { id }, select: relationSelect });
  if (!row) throw notFound("relation", id);
  return presentRelation(row);
}

/** The relation's review history, oldest first (404 for an unknown relation). */
export async function relationHistory(db: Db, id: number): Promise<RelationEventView[]> {
  const relation = await db.relation.findUnique({
    where: { id },
    select: { events: { select: relationEventSelect, orderBy: { id: "asc" } } },
  });
  if (!relation) throw notFound("relation", id);
  return relation.events.map(presentRelationEvent);
}

/**
 * Proposes a relation between two stored claims, recorded with `actor` as the first event of
 * its history. 422 `self_relation` for a claim related to itself, 404 for an unknown claim,
 * 409 `relation_exists` if the same relation is there already (a contradiction either way round).
 */
export async function proposeRelation(db: Db, proposal: RelationProposal, actor: string): Promise<RelationView> {
  const { fromClaimId, toClaimId, type } = proposal;
  if (fromClaimId === toClaimId) {
    throw unprocessable("self_relation", "a claim cannot be related to itself", [
      { path: "body.toClaimId", code: "self_relation", message: "must be another claim than fromClaimId" },
    ]);
  }
  try {
    return await db.$transaction(async (tx) => {
      // Two proposals of one contradiction, each way round, must not both pass the check below.
      await lockPair(tx, fromClaimId, toClaimId);
      const claims = await tx.claim.findMany({ where: { id: { in: [fromClaimId, toClaimId] } }, select: { id: true } });
      for (const id of [fromClaimId, toClaimId]) if (!claims.some((c) => c.id === id)) throw notFound("claim", id);
      const pairs = [
        { fromClaimId, toClaimId },
        ...(type === "contradicts" ? [{ fromClaimId: toClaimId, toClaimId: fromClaimId }] : []),
      ];
      const existing = await tx.relation.findFirst({ where: { type, OR: pairs }, select: relationSelect });
      if (existing) throw relationExists(presentRelation(existing));
      const row = await tx.relation.create({
        data: {
          fromClaimId,
          toClaimId,
          type,
          rationale: proposal.rationale,
          status: "proposed",
          origin: "curated",
          version: 1,
          events: {
            create: { actor, fromStatus: null, toStatus: "proposed", note: proposal.note ?? null, version: 1 },
          },
        },
        select: relationSelect,
      });
      return presentRelation(row);
    });
  } catch (error) {
    // Two proposals of the same pair at once: the unique index lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const row = await db.relation.findFirst({ where: { fromClaimId, toClaimId, type }, select: relationSelect });
      if (row) throw relationExists(presentRelation(row));
    }
    throw error;
  }
}

function relationExists(existing: RelationView) {
  return conflict("relation_exists", `relation ${existing.id} already ${existing.type} these claims`, { existing });
}

/**
 * Sets a relation's review status and appends the event, as one transaction. The write only
 * happens if the relation is still at `expectedVersion` (checked by the UPDATE itself, so of
 * concurrent reviews of one version exactly one wins); otherwise 409 `stale_version` with the
 * current relation in `details.current`. `actor` is the reviewer's token owner.
 */
export async function reviewRelation(db: Db, id: number, review: Review, actor: string): Promise<RelationView> {
  const updated = await db.$transaction(async (tx) => {
    const before = await tx.relation.findUnique({ where: { id }, select: { status: true, version: true } });
    if (!before) throw notFound("relation", id);
    if (before.version !== review.expectedVersion) return null;
    const nextVersion = review.expectedVersion + 1;
    const { count } = await tx.relation.updateMany({
      where: { id, version: review.expectedVersion },
      data: { status: review.status, version: nextVersion },
    });
    if (count !== 1) return null;
    await tx.relationEvent.create({
      data: {
        relationId: id,
        actor,
        fromStatus: before.status,
        toStatus: review.status,
        note: review.note ?? null,
        version: nextVersion,
      },
    });
    return tx.relation.findUniqueOrThrow({ where: { id }, select: relationSelect });
  });
  if (updated) return presentRelation(updated);
  const current = await getRelation(db, id);
  throw conflict(
    "stale_version",
    `relation ${id} is at version ${current.version}, not ${review.expectedVersion}; reload it and review again`,
    { current },
  );
}
