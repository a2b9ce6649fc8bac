import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { type Page, paginate } from "../pagination.js";
import { isIndexedQuery } from "../search/searchText.js";
import type { RelationOrigin, RelationType, ReviewStatus } from "../vocabulary.js";
import { type FacetName, type Facets, facetClaims } from "./claimFacets.js";
import { type ClaimFilters, claimWhere } from "./claimFilters.js";
import { findClaimPage, findClaimRows } from "./claimRepository.js";
import { type SearchedClaim, type SearchInfo, searchClaims } from "./claimSearch.js";
import { findSearchedClaimIds } from "./claimSearchRepository.js";
import { briefClaim, type ClaimBrief, type ClaimRow, type ClaimView, claimSelect, presentClaim } from "./claimView.js";

export interface ClaimRelationView {
  id: number;
  type: RelationType;
  /** outgoing: this claim is the relation's `from` side ("this claim qualifies the other"). */
  direction: "outgoing" | "incoming";
  status: ReviewStatus;
  origin: RelationOrigin;
  version: number;
  rationale: string;
  other: ClaimBrief;
}

export interface ClaimDetail extends ClaimView {
  relations: ClaimRelationView[];
}

/**
 * Claims matching the filters, oldest first, one keyset page at a time. With a text query `q`
 * each claim says where it matched, and `search` says how the query was answered.
 */
export async function listClaims(
  db: Db,
  filters: ClaimFilters & { limit: number; cursor?: number; facets?: readonly FacetName[] },
): Promise<{ data: ClaimView[] | SearchedClaim[]; page: Page; search?: SearchInfo; facets?: Facets }> {
  const { facets, ...rest } = filters;
  if (facets !== undefined && facets.length > 0) {
    const [listed, counted] = await Promise.all([listClaims(db, rest), facetClaims(db, rest, facets)]);
    return { ...listed, facets: counted };
  }
  const { q } = filters;
  if (q !== undefined) {
    return searchClaims(db, { ...filters, q }, async (ids) => (await findClaimRows(db, ids)).map(presentClaim));
  }
  const rows = await findMatchingClaims(db, filters, filters.cursor ?? 0, filters.limit + 1);
  const { rows: pageRows, page } = paginate(rows, filters.limit);
  return { data: pageRows.map(presentClaim), page };
}

/** Up to `take` claims matching the filters with ids after `afterId`, in id order. */
export async function findMatchingClaims(
  db: Db,
  filters: ClaimFilters,
  afterId: number,
  take: number,
): Promise<ClaimRow[]> {
  if (filters.q === undefined) return findClaimPage(db, filters, afterId, take);
  // The text index answers queries of three characters or more; shorter ones read every claim.
  if (isIndexedQuery(filters.q))
    return findClaimRows(db, await findSearchedClaimIds(db, filters.q, filters, afterId, take));
  const matching = await db.claim.findMany({
    where: { ...claimWhere(filters), id: { gt: afterId } },
    select: { id: true },
    orderBy: { id: "asc" },
    take,
  });
  return findClaimRows(
    db,
    matching.map((row) => row.id),
  );
}

/** One claim with its chains and every relation it takes part in. */
export async function getClaim(db: Db, id: number): Promise<ClaimDetail> {
  const row = await db.claim.findUnique({
    where: { id },
    select: {
      ...claimSelect,
      relationsFrom: { select: { ...relationSelect, toClaim: { select: claimSelect } } },
      relationsTo: { select: { ...relationSelect, fromClaim: { select: claimSelect } } },
    },
  });
  if (!row) throw notFound("claim", id);
  const relations: ClaimRelationView[] = [
    ...row.relationsFrom.map((r) => presentRelation(r, "outgoing", r.toClaim)),
    ...row.relationsTo.map((r) => presentRelation(r, "incoming", r.fromClaim)),
  ].sort((a, b) => a.id - b.id);
  return { ...presentClaim(row), relations };
}

const relationSelect = { id: true, type: true, status: true, origin: true, version: true, rationale: true } as const;

function presentRelation(
  relation: { id: number; type: string; status: string; origin: string; version: number; rationale: string },
  direction: "outgoing" | "incoming",
  other: Parameters<typeof presentClaim>[0],
): ClaimRelationView {
  return {
    id: relation.id,
    type: relation.type as RelationType,
    direction,
    status: relation.status as ReviewStatus,
    origin: relation.origin as RelationOrigin,
    version: relation.version,
    rationale: relation.rationale,
    other: briefClaim(presentClaim(other)),
  };
}

/** A source's claims: as speaker, in another role, or anywhere in the chain. */
export async function listSourceClaims(
  db: Db,
  slug: string,
  query: Omit<ClaimFilters, "source"> & { limit: number; cursor?: number },
) {
  // The page first: only an empty one needs the extra look-up that tells 404 from no claims.
  const listed = await listClaims(db, { ...query, source: slug });
  if (listed.data.length === 0 && !(await db.source.findUnique({ where: { slug }, select: { id: true } }))) {
    throw notFound("source", slug);
  }
  return listed;
}
