import type { Db } from "../../db/client.js";
import { conflict, notFound, unprocessable } from "../../errors.js";
import type { RelationType, ReviewStatus } from "../vocabulary.js";
import { findRelation, findRelationEvents, insertRelation, updateRelationStatus } from "./relationRepository.js";
import { presentRelation, presentRelationEvent, type RelationEventView, type RelationView } from "./relationView.js";

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
  const record = await findRelation(db, id);
  if (!record) throw notFound("relation", id);
  return presentRelation(record);
}

/** The relation's review history, oldest first (404 for an unknown relation). */
export async function relationHistory(db: Db, id: number): Promise<RelationEventView[]> {
  const events = await findRelationEvents(db, id);
  if (!events) throw notFound("relation", id);
  return events.map(presentRelationEvent);
}

/**
 * Proposes a relation between two stored claims, recorded with `actor` as the first event of
 * its history. 422 `self_relation` for a claim related to itself, 404 for an unknown claim,
 * 409 `relation_exists` if the same relation is there already (a contradiction either way round).
 */
export async function proposeRelation(db: Db, proposal: RelationProposal, actor: string): Promise<RelationView> {
  if (proposal.fromClaimId === proposal.toClaimId) {
    throw unprocessable("self_relation", "a claim cannot be related to itself", [
      { path: "toClaimId", code: "self_relation", message: "must be another claim than fromClaimId" },
    ]);
  }
  const outcome = await insertRelation(db, { ...proposal, note: proposal.note ?? null, actor });
  if ("missingClaimId" in outcome) throw notFound("claim", outcome.missingClaimId);
  if ("existing" in outcome) {
    const existing = presentRelation(outcome.existing);
    throw conflict("relation_exists", `relation ${existing.id} already ${existing.type} these claims`, { existing });
  }
  return presentRelation(outcome.created);
}

/**
 * Sets a relation's review status and appends the event, as one transaction, if the relation is
 * still at `expectedVersion`; otherwise 409 `stale_version` with the current relation in
 * `details.current`. `actor` is the reviewer's token owner.
 */
export async function reviewRelation(db: Db, id: number, review: Review, actor: string): Promise<RelationView> {
  const outcome = await updateRelationStatus(db, id, {
    status: review.status,
    note: review.note ?? null,
    expectedVersion: review.expectedVersion,
    actor,
  });
  if (outcome === "not_found") throw notFound("relation", id);
  if (outcome !== "stale") return presentRelation(outcome);
  const current = await getRelation(db, id);
  throw conflict(
    "stale_version",
    `relation ${id} is at version ${current.version}, not ${review.expectedVersion}; reload it and review again`,
    { current },
  );
}
