import type { Db } from "../../db/client.js";
import { notFound, unprocessable } from "../../errors.js";
import { sharedSources } from "../attribution/traceChain.js";
import { findClaimRows } from "../claims/claimRepository.js";
import { presentClaim } from "../claims/claimView.js";
import { findRelationsBetween } from "./relationRepository.js";
import { type Comparison, presentRelationSummary, presentSide } from "./relationView.js";

/** Two claims side by side, with what their chains share and how they are related (422 for one claim twice). */
export async function compareClaims(db: Db, aId: number, bId: number): Promise<Comparison> {
  if (aId === bId) {
    throw unprocessable("same_claim", "a claim is compared with another claim, not itself", [
      { path: "b", code: "same_claim", message: "must be another claim than a" },
    ]);
  }
  // Read together: on PostgreSQL the relations' round trip overlaps the claims'.
  const [rows, relations] = await Promise.all([findClaimRows(db, [aId, bId]), findRelationsBetween(db, aId, bId)]);
  const a = rows.find((row) => row.id === aId);
  const b = rows.find((row) => row.id === bId);
  if (!a) throw notFound("claim", aId);
  if (!b) throw notFound("claim", bId);
  const sideA = presentSide(presentClaim(a));
  const sideB = presentSide(presentClaim(b));
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
