import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { findClaimRows } from "../claims/claimRepository.js";
import { briefClaim, presentClaim } from "../claims/claimView.js";
import { type Paged, paginate } from "../pagination.js";
import { compareClaims } from "./compareClaims.js";
import { findContradiction, findContradictionPage } from "./relationRepository.js";
import {
  type ContradictionDetail,
  type ContradictionFilters,
  type ContradictionView,
  presentContradiction,
} from "./relationView.js";

/** Contradictions matching the filters, each with both sides summarised. */
export async function listContradictions(
  db: Db,
  query: ContradictionFilters & { limit: number; cursor?: number },
): Promise<Paged<ContradictionView>> {
  const records = await findContradictionPage(db, query, query.cursor ?? 0, query.limit + 1);
  const { rows, page } = paginate(records, query.limit);
  const sides = await findClaimRows(db, [...new Set(rows.flatMap((row) => [row.fromClaimId, row.toClaimId]))]);
  const briefs = new Map(sides.map((claim) => [claim.id, briefClaim(presentClaim(claim))]));
  return {
    items: rows.map((row) => presentContradiction(row, [briefs.get(row.fromClaimId)!, briefs.get(row.toClaimId)!])),
    page,
  };
}

/** One contradiction with the full side-by-side comparison of its claims. */
export async function getContradiction(db: Db, id: number): Promise<ContradictionDetail> {
  const record = await findContradiction(db, id);
  if (!record) throw notFound("contradiction", id);
  const comparison = await compareClaims(db, record.fromClaimId, record.toClaimId);
  return {
    ...presentContradiction(record, [briefClaim(comparison.a.claim), briefClaim(comparison.b.claim)]),
    comparison,
  };
}
