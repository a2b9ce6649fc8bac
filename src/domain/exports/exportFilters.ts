import type { Prisma } from "../../generated/prisma/client.js";
import type { ClaimFilters } from "../claims/claimFilters.js";
import { claimWhere } from "../claims/claimFilters.js";
import type { ReviewStatus } from "../vocabulary.js";

/** What every export accepts: the filters of GET /api/claims, and a review status for contradictions. */
export interface ExportFilters extends ClaimFilters {
  /** Contradictions only: their review status. */
  status?: ReviewStatus;
}

/** Whether any claim filter is set (a source export without one lists every source). */
export function hasClaimFilter(filters: ClaimFilters): boolean {
  return [filters.source, filters.kind, filters.topic, filters.article, filters.q].some((value) => value !== undefined);
}

/** Claims the export covers. */
export function exportedClaims(filters: ExportFilters): Prisma.ClaimWhereInput {
  return claimWhere(filters);
}

/** Contradictions the export covers: either side among the exported claims, in the given status. */
export function exportedContradictions(filters: ExportFilters): Prisma.RelationWhereInput {
  const where: Prisma.RelationWhereInput = { type: "contradicts" };
  if (filters.status !== undefined) where.status = filters.status;
  if (hasClaimFilter(filters)) {
    const claims = claimWhere(filters);
    where.OR = [{ fromClaim: claims }, { toClaim: claims }];
  }
  return where;
}

/** Sources the export covers: every source, or those in the chains of the exported claims. */
export function exportedSources(filters: ExportFilters): Prisma.SourceWhereInput {
  return hasClaimFilter(filters) ? { links: { some: { claim: claimWhere(filters) } } } : {};
}
