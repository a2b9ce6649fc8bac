import type { Db } from "../../db/client.js";
import { isIndexedQuery } from "../search/searchText.js";
import { countFacets, type FacetName, type FacetRow } from "./claimFacetRepository.js";
import type { ClaimFilters } from "./claimFilters.js";
import { findClaimIdPage } from "./claimRepository.js";
import { findSearchedClaimIds, scanClaimIds } from "./claimSearchRepository.js";

export type { FacetName } from "./claimFacetRepository.js";

/**
 * Facets count at most this many claims matching the filters (the first in id order), so a
 * facet costs the same on a million claims as on ten thousand; `complete` says whether that
 * was every matching claim.
 */
export const FACET_CLAIMS = 2_000;

/** How many values each facet lists (the most common). */
export const FACET_VALUES = 20;

export interface Facets {
  /** How many claims were counted, and whether they are all the claims matching the filters. */
  counted: { claims: number; complete: boolean };
  kind?: FacetRow[];
  topic?: FacetRow[];
  speaker?: FacetRow[];
  status?: FacetRow[];
}

/** Counts of kinds, topics, speakers and review statuses among the claims matching the filters (Datasette's facets). */
export async function facetClaims(db: Db, filters: ClaimFilters, facets: readonly FacetName[]): Promise<Facets> {
  const { q, ...rest } = filters;
  const take = FACET_CLAIMS + 1;
  const ids =
    q === undefined
      ? await findClaimIdPage(db, rest, 0, take)
      : isIndexedQuery(q)
        ? await findSearchedClaimIds(db, q, rest, 0, take)
        : (await scanClaimIds(db, q, rest, 0, take)).ids;
  const counted = ids.slice(0, FACET_CLAIMS);
  const counts = await countFacets(db, counted, facets);
  const result: Facets = { counted: { claims: counted.length, complete: ids.length <= FACET_CLAIMS } };
  for (const facet of facets) result[facet] = counts[facet]!.slice(0, FACET_VALUES);
  return result;
}
