import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { findClaimRows } from "../claims/claimRepository.js";
import { briefClaim, type ClaimBrief, presentClaim } from "../claims/claimView.js";
import { type Page, paginate } from "../pagination.js";
import type { ReviewStatus } from "../vocabulary.js";
import { type Comparison, compareClaims } from "./compareClaims.js";
import { findContradictionPage } from "./relationRepository.js";
import { presentRelationSummary, type RelationSummary, relationSummarySelect } from "./relationView.js";

export interface ContradictionFilters {
  /** Slug of a source anywhere in either side's chain. */
  source?: string;
  status?: ReviewStatus;
  /** Topic of either side. */
  topic?: string;
  article?: string;
}

export interface ContradictionView extends RelationSummary {
  sides: [ClaimBrief, ClaimBrief];
  /** A side is orphaned by a corrected article: a reviewer should look at it again. */
  needsAttention: boolean;
}

const needsAttention = (sides: ClaimBrief[]) => sides.some((side) => side.anchor === "orphaned");

export interface ContradictionDetail extends ContradictionView {
  comparison: Comparison;
}

export function contradictionWhere(filters: ContradictionFilters): Prisma.RelationWhereInput {
  const eitherSide = (claim: Prisma.ClaimWhereInput): Prisma.RelationWhereInput[] => [
    { fromClaim: claim },
    { toClaim: claim },
  ];
  const and: Prisma.RelationWhereInput[] = [];
  if (filters.source !== undefined)
    and.push({ OR: eitherSide({ links: { some: { source: { slug: filters.source } } } }) });
  if (filters.topic !== undefined)
    and.push({ OR: eitherSide({ topics: { some: { topic: { slug: filters.topic } } } }) });
  if (filters.article !== undefined) and.push({ OR: eitherSide({ article: { slug: filters.article } }) });
  return { type: "contradicts", ...(filters.status ? { status: filters.status } : {}), AND: and };
}

/** Contradictions matching the filters, each with both sides summarised. */
export async function listContradictions(
  db: Db,
  query: ContradictionFilters & { limit: number; cursor?: number },
): Promise<{ data: ContradictionView[]; page: Page }> {
  const rows = await findContradictionPage(db, query, query.cursor ?? 0, query.limit + 1);
  const { rows: pageRows, page } = paginate(rows, query.limit);
  const sides = await findClaimRows(db, [...new Set(pageRows.flatMap((row) => [row.fromClaimId, row.toClaimId]))]);
  const briefs = new Map(sides.map((claim) => [claim.id, briefClaim(presentClaim(claim))]));
  return {
    data: pageRows.map((row) => {
      const sides: [ClaimBrief, ClaimBrief] = [briefs.get(row.fromClaimId)!, briefs.get(row.toClaimId)!];
      return { ...presentRelationSummary(row), sides, needsAttention: needsAttention(sides) };
    }),
    page,
  };
}

/** One contradiction with the full side-by-side comparison of its claims. */
export async function getContradiction(db: Db, id: number): Promise<ContradictionDetail> {
  const row = await db.relation.findFirst({ where: { id, type: "contradicts" }, select: relationSummarySelect });
  if (!row) throw notFound("contradiction", id);
  const comparison = await compareClaims(db, row.fromClaimId, row.toClaimId);
  const sides: [ClaimBrief, ClaimBrief] = [briefClaim(comparison.a.claim), briefClaim(comparison.b.claim)];
  return { ...presentRelationSummary(row), sides, needsAttention: needsAttention(sides), comparison };
}
