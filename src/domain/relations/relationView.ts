import { z } from "zod";
import { SourceSummary } from "../attribution/traceChain.js";
import { ClaimBrief, ClaimView } from "../claims/claimView.js";
import { RelationOrigin, RelationType, ReviewStatus } from "../vocabulary.js";
import type { RelationEventRecord, RelationRecord, RelationRow } from "./relationRepository.js";

// The relations' response contract (review, contradictions, comparison): each schema, then the
// presenter typed against it.

/** A relation between two claims: what every view of one shows. */
export const RelationSummary = z
  .strictObject({
    id: z.int(),
    type: RelationType,
    fromClaimId: z.int(),
    toClaimId: z.int(),
    status: ReviewStatus,
    origin: RelationOrigin,
    version: z.int().meta({ description: "Incremented by every review; the ETag carries it" }),
    rationale: z.string(),
  })
  .meta({ id: "RelationSummary" });
export type RelationSummary = z.infer<typeof RelationSummary>;

export function presentRelationSummary(record: RelationRow): RelationSummary {
  return {
    id: record.id,
    type: record.type as RelationType,
    fromClaimId: record.fromClaimId,
    toClaimId: record.toClaimId,
    status: record.status as ReviewStatus,
    origin: record.origin as RelationOrigin,
    version: record.version,
    rationale: record.rationale,
  };
}

/** A relation between two claims as the review API shows it. */
export const RelationView = RelationSummary.extend({ createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() }).meta({
  id: "Relation",
});
export type RelationView = z.infer<typeof RelationView>;

export function presentRelation(record: RelationRecord): RelationView {
  return {
    ...presentRelationSummary(record),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** One entry of a relation's append-only review history. */
export const RelationEventView = z
  .strictObject({
    id: z.int(),
    actor: z
      .string()
      .meta({ description: 'The name of the token\'s owner who made the change (or "claim-sheet import")' }),
    fromStatus: ReviewStatus.nullable().meta({ description: "null for the event that created the relation" }),
    toStatus: ReviewStatus,
    note: z.string().nullable(),
    version: z.int().meta({ description: "The relation's version after this event" }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "RelationEvent" });
export type RelationEventView = z.infer<typeof RelationEventView>;

export function presentRelationEvent(record: RelationEventRecord): RelationEventView {
  return {
    id: record.id,
    actor: record.actor,
    fromStatus: record.fromStatus as ReviewStatus | null,
    toStatus: record.toStatus as ReviewStatus,
    note: record.note,
    version: record.version,
    createdAt: record.createdAt.toISOString(),
  };
}

/** The filters of the contradiction listing. */
export interface ContradictionFilters {
  /** Slug of a source anywhere in either side's chain. */
  source?: string;
  status?: ReviewStatus;
  /** Topic of either side. */
  topic?: string;
  article?: string;
  /** A relation type, or `any`; contradictions when left out. */
  type?: RelationType | "any";
  /** Only relations with an orphaned side (true), or none (false). */
  needsAttention?: boolean;
}

/** One side of a comparison: the claim as a fact-checker weighs it. */
export const ComparisonSide = z.strictObject({
  claim: ClaimView,
  hopDistance: z.int().meta({ description: "Links between the speaker and the publisher on the claim's first chain" }),
  throughStateMedia: z.boolean(),
  throughAnonymous: z.boolean(),
});
export type ComparisonSide = z.infer<typeof ComparisonSide>;

export function presentSide(claim: ClaimView): ComparisonSide {
  const chains = claim.chains;
  return {
    claim,
    hopDistance: chains[0]!.hopDistance,
    throughStateMedia: chains.some((c) => c.throughStateMedia),
    throughAnonymous: chains.some((c) => c.throughAnonymous),
  };
}

/** Two claims side by side, with what their chains share and how they are related. */
export const Comparison = z
  .strictObject({
    a: ComparisonSide,
    b: ComparisonSide,
    shared: z.strictObject({
      sources: z
        .array(SourceSummary)
        .meta({ description: "Sources in both sides' chains (the publisher, often; a shared relay matters more)" }),
      sameSpeaker: z.boolean(),
      sameArticle: z.boolean(),
    }),
    relations: z
      .array(RelationSummary)
      .meta({ description: "Every relation recorded between the two claims, either way round" }),
  })
  .meta({ id: "Comparison" });
export type Comparison = z.infer<typeof Comparison>;

export const ContradictionView = RelationSummary.extend({
  sides: z.tuple([ClaimBrief, ClaimBrief]),
  needsAttention: z.boolean().meta({
    description: "A side is orphaned: a corrected article no longer holds its quote; re-check the relation",
  }),
}).meta({
  id: "Contradiction",
});

/** A relation with both sides summarised, as the queue lists it. */
export function presentContradiction(record: RelationRow, sides: [ClaimBrief, ClaimBrief]): ContradictionView {
  return {
    ...presentRelationSummary(record),
    sides,
    needsAttention: sides.some((side) => side.anchor === "orphaned"),
  };
}
export type ContradictionView = z.infer<typeof ContradictionView>;

export const ContradictionDetail = ContradictionView.extend({ comparison: Comparison }).meta({
  id: "ContradictionDetail",
});
export type ContradictionDetail = z.infer<typeof ContradictionDetail>;
