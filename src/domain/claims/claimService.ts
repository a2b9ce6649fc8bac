import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { type Paged, paginate } from "../pagination.js";
import { sourceExists } from "../sources/sourceRepository.js";
import { type FacetName, type Facets, facetClaims } from "./claimFacets.js";
import type { ClaimFilters } from "./claimFilters.js";
import { findClaimRelations, findClaimRows, findMatchingClaims } from "./claimRepository.js";
import { type SearchedClaim, type SearchInfo, searchClaims } from "./claimSearch.js";
import { type ClaimDetail, type ClaimView, presentClaim, presentClaimRelation } from "./claimView.js";

/** A page of claims; with a text query each claim says where it matched, and `search` how it was answered. */
export type ClaimPage = Paged<ClaimView | SearchedClaim> & { search?: SearchInfo; facets?: Facets };

/**
 * Claims matching the filters, oldest first, one keyset page at a time. With a text query `q`
 * each claim says where it matched, and `search` says how the query was answered.
 */
export async function listClaims(
  db: Db,
  filters: ClaimFilters & { limit: number; cursor?: number; facets?: readonly FacetName[] },
): Promise<ClaimPage> {
  const { facets, ...rest } = filters;
  if (facets !== undefined && facets.length > 0) {
    const [listed, counted] = await Promise.all([listClaims(db, rest), facetClaims(db, rest, facets)]);
    return { ...listed, facets: counted };
  }
  const { q } = filters;
  if (q !== undefined) {
    const found = await searchClaims(db, { ...filters, q }, async (ids) =>
      (await findClaimRows(db, ids)).map(presentClaim),
    );
    return { items: found.data, page: found.page, search: found.search };
  }
  const records = await findMatchingClaims(db, filters, filters.cursor ?? 0, filters.limit + 1);
  const { rows, page } = paginate(records, filters.limit);
  return { items: rows.map(presentClaim), page };
}

/** One claim with its chains and every relation it takes part in. */
export async function getClaim(db: Db, id: number): Promise<ClaimDetail> {
  const [record] = await findClaimRows(db, [id]);
  if (!record) throw notFound("claim", id);
  const relations = await findClaimRelations(db, id);
  const others = new Map(
    (await findClaimRows(db, [...new Set(relations.map((r) => r.otherClaimId))])).map((other) => [
      other.id,
      presentClaim(other),
    ]),
  );
  return {
    ...presentClaim(record),
    relations: relations.map((relation) => presentClaimRelation(relation, others.get(relation.otherClaimId)!)),
  };
}

/** A source's claims: as speaker, in another role, or anywhere in the chain. */
export async function listSourceClaims(
  db: Db,
  slug: string,
  query: Omit<ClaimFilters, "source"> & { limit: number; cursor?: number },
): Promise<ClaimPage> {
  // The page first: only an empty one needs the extra look-up that tells 404 from no claims.
  const listed = await listClaims(db, { ...query, source: slug });
  if (listed.items.length === 0 && !(await sourceExists(db, slug))) throw notFound("source", slug);
  return listed;
}
