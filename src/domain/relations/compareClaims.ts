import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { type SourceSummary, sharedSources, type TracedChain } from "../attribution/traceChain.js";
import { findClaimRows } from "../claims/claimRepository.js";
import { type ClaimView, presentClaim } from "../claims/claimView.js";
import { findRelationsBetween } from "./relationRepository.js";
import { presentRelationSummary, type RelationSummary } from "./relationView.js";

/** One side of a comparison: the claim as a fact-checker weighs it. */
export interface ComparisonSide {
  claim: ClaimView;
  /** Links between the speaker and the publisher on the claim's first chain. */
  hopDistance: number;
  throughStateMedia: boolean;
  throughAnonymous: boolean;
}

export interface Comparison {
  a: ComparisonSide;
  b: ComparisonSide;
  shared: {
    /** Sources in both sides' chains (the publisher, often; a shared relay matters more). */
    sources: SourceSummary[];
    sameSpeaker: boolean;
    sameArticle: boolean;
  };
  /** Every relation recorded between the two claims, either way round. */
  relations: RelationSummary[];
}

function side(claim: ClaimView): ComparisonSide {
  const chains: TracedChain[] = claim.chains;
  return {
    claim,
    hopDistance: chains[0]!.hopDistance,
    throughStateMedia: chains.some((c) => c.throughStateMedia),
    throughAnonymous: chains.some((c) => c.throughAnonymous),
  };
}

/** Two claims side by side, with what their chains share and how they are related. */
export async function compareClaims(db: Db, aId: number, bId: number): Promise<Comparison> {
  const rows = await findClaimRows(db, [aId, bId]);
  const a = rows.find((row) => row.id === aId);
  const b = rows.find((row) => row.id === bId);
  if (!a) throw notFound("claim", aId);
  if (!b) throw notFound("claim", bId);
  const relations = await findRelationsBetween(db, aId, bId);
  const sideA = side(presentClaim(a));
  const sideB = side(presentClaim(b));
  return {
    a: sideA,
    b: sideB,
    shared: {
      sources: sharedSources(sideA.claim.chains, sideB.claim.chains),
      sameSpeaker: sideA.claim.speaker.slug === sideB.claim.speaker.slug,
      sameArticle: sideA.claim.article.slug === sideB.claim.article.slug,
    },
    relations: relations.map(presentRelationSummary),
  };
}
