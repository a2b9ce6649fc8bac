import type { RelationOrigin, RelationType, ReviewStatus } from "../vocabulary.js";

/** A relation between two claims: what every view of one shows. */
export interface RelationSummary {
  id: number;
  type: RelationType;
  fromClaimId: number;
  toClaimId: number;
  status: ReviewStatus;
  origin: RelationOrigin;
  /** Incremented by every review; a review must name the version it was made against. */
  version: number;
  rationale: string;
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

export function presentRelationSummary(row: {
  id: number;
  type: string;
  fromClaimId: number;
  toClaimId: number;
  status: string;
  origin: string;
  version: number;
  rationale: string;
}): RelationSummary {
  return {
    id: row.id,
    type: row.type as RelationType,
    fromClaimId: row.fromClaimId,
    toClaimId: row.toClaimId,
    status: row.status as ReviewStatus,
    origin: row.origin as RelationOrigin,
    version: row.version,
    rationale: row.rationale,
  };
}

/** A relation between two claims as the review API shows it. */
export interface RelationView extends RelationSummary {
  createdAt: string;
  updatedAt: string;
}

/** One entry of a relation's append-only review history. */
export interface RelationEventView {
  id: number;
  /** The name of the token's owner who made the change (or "claim-sheet import"). */
  actor: string;
  /** null for the event that created the relation. */
  fromStatus: ReviewStatus | null;
  toStatus: ReviewStatus;
  note: string | null;
  /** The relation's version after this event. */
  version: number;
  createdAt: string;
}

export const relationSelect = { ...relationSummarySelect, createdAt: true, updatedAt: true } as const;

export function presentRelation(
  row: Parameters<typeof presentRelationSummary>[0] & { createdAt: Date; updatedAt: Date },
): RelationView {
  return {
    ...presentRelationSummary(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const relationEventSelect = {
  id: true,
  actor: true,
  fromStatus: true,
  toStatus: true,
  note: true,
  version: true,
  createdAt: true,
} as const;

export function presentRelationEvent(row: {
  id: number;
  actor: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  version: number;
  createdAt: Date;
}): RelationEventView {
  return {
    id: row.id,
    actor: row.actor,
    fromStatus: row.fromStatus as ReviewStatus | null,
    toStatus: row.toStatus as ReviewStatus,
    note: row.note,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
