import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { type Page, paginate } from "../pagination.js";
import type { RelationOrigin, RelationType, ReviewStatus } from "../vocabulary.js";
import { type ClaimFilters, claimWhere } from "./claimFilters.js";
import { findClaimPage, findClaimRows } from "./claimRepository.js";
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

/** Claims matching the filters, oldest first, one keyset page at a time. */
export async function listClaims(
  db: Db,
  filters: ClaimFilters & { limit: number; cursor?: number },
): Promise<{ data: ClaimView[]; page: Page }> {
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
  // Text search stays with Prisma's `contains`; every other filter takes the indexed page query.
  if (filters.q === undefined) return findClaimPage(db, filters, afterId, take);
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
