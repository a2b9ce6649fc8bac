import type { ClaimFilters } from "../claims/claimFilters.js";
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
