import type { Db } from "../../db/client.js";
import { inChunks } from "../../db/inChunks.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { claimWhere } from "../claims/claimFilterSql.js";
import { type ClaimRecord, claimSelect } from "../claims/claimRepository.js";
import type { SheetProposition } from "../sheets/claimSheet.js";
import type { NewRelation } from "../sheets/sheetRelationRepository.js";
import { type SheetArticleRecord, sheetArticleSelect, toSheetArticle } from "../sheets/sheetRepository.js";
import { type ExportFilters, hasClaimFilter } from "./exportFilters.js";
import { after } from "./keyset.js";

// The queries of the exports (each a keyset page: ids after `afterId`, ascending) and the
// article lookup of the claim-row import (its other reads and its writes are the sheets').

/** Contradictions the export covers: either side among the exported claims, in the given status. */
function exportedContradictions(filters: ExportFilters): Prisma.RelationWhereInput {
  const where: Prisma.RelationWhereInput = { type: "contradicts" };
  if (filters.status !== undefined) where.status = filters.status;
  if (hasClaimFilter(filters)) {
    const claims = claimWhere(filters);
    where.OR = [{ fromClaim: claims }, { toClaim: claims }];
  }
  return where;
}

/** Sources the export covers: every source, or those in the chains of the exported claims. */
function exportedSources(filters: ExportFilters): Prisma.SourceWhereInput {
  return hasClaimFilter(filters) ? { links: { some: { claim: claimWhere(filters) } } } : {};
}

const contradictionSide = { select: { ...claimSelect } } as const;
const contradictionExportSelect = {
  id: true,
  status: true,
  origin: true,
  version: true,
  rationale: true,
  updatedAt: true,
  fromClaim: contradictionSide,
  toClaim: contradictionSide,
} as const satisfies Prisma.RelationSelect;

/** An exported contradiction with both claims as claim records. */
export interface ContradictionExportRecord {
  id: number;
  status: string;
  origin: string;
  version: number;
  rationale: string;
  updatedAt: Date;
  fromClaim: ClaimRecord;
  toClaim: ClaimRecord;
}

/** A page of the contradictions the export covers. */
export function findContradictionExportPage(
  db: Db,
  filters: ExportFilters,
  afterId: number | undefined,
  take: number,
): Promise<ContradictionExportRecord[]> {
  return db.relation.findMany({
    where: { AND: [exportedContradictions(filters), after(afterId)] },
    select: contradictionExportSelect,
    orderBy: { id: "asc" },
    take,
  });
}

/** A source as a claim sheet lists it (slug, names, kind, affiliation...). */
export const sheetSourceSelect = {
  slug: true,
  name: true,
  kind: true,
  countryCode: true,
  stateControlled: true,
  description: true,
  names: { select: { name: true }, orderBy: { position: "asc" } },
  affiliation: { select: { slug: true } },
} as const satisfies Prisma.SourceSelect;

const sourceExportSelect = { id: true, ...sheetSourceSelect } as const;

/** An exported source with its id. */
export interface SourceExportRecord extends SheetSourceRecord {
  id: number;
}

/** A page of the sources the export covers. */
export function findSourceExportPage(
  db: Db,
  filters: ExportFilters,
  afterId: number | undefined,
  take: number,
): Promise<SourceExportRecord[]> {
  return db.source.findMany({
    where: { AND: [exportedSources(filters), after(afterId)] },
    select: sourceExportSelect,
    orderBy: { id: "asc" },
    take,
  });
}

const claimLdSelect = {
  ...claimSelect,
  article: {
    select: {
      slug: true,
      title: true,
      url: true,
      language: true,
      publishedAt: true,
      publishedUtcOffset: true,
      publisher: { select: { name: true } },
    },
  },
} as const satisfies Prisma.ClaimSelect;

/** A claim with what its schema.org Claim names of its article. */
export interface ClaimLdRecord extends ClaimRecord {
  article: {
    slug: string;
    title: string;
    url: string | null;
    language: string;
    publishedAt: Date;
    publishedUtcOffset: number;
    publisher: { name: string };
  };
}

/** A page of the exported claims, for schema.org. */
export function findClaimLdPage(
  db: Db,
  filters: ExportFilters,
  afterId: number | undefined,
  take: number,
): Promise<ClaimLdRecord[]> {
  return db.claim.findMany({
    where: { AND: [claimWhere(filters), after(afterId)] },
    select: claimLdSelect,
    orderBy: { id: "asc" },
    take,
  });
}

const reviewSelect = {
  id: true,
  rationale: true,
  updatedAt: true,
  fromClaim: { select: claimSelect },
  toClaim: { select: claimSelect },
} as const satisfies Prisma.RelationSelect;

/** A confirmed contradiction with both claims, for a ClaimReview. */
export interface ReviewRecord {
  id: number;
  rationale: string;
  updatedAt: Date;
  fromClaim: ClaimRecord;
  toClaim: ClaimRecord;
}

/** A page of the confirmed contradictions the export covers. */
export function findConfirmedReviewPage(
  db: Db,
  filters: ExportFilters,
  afterId: number | undefined,
  take: number,
): Promise<ReviewRecord[]> {
  return db.relation.findMany({
    where: { AND: [exportedContradictions(filters), { status: "confirmed" }, after(afterId)] },
    select: reviewSelect,
    orderBy: { id: "asc" },
    take,
  });
}

const annotationSelect = {
  ...claimSelect,
  articleId: true,
  article: { select: { slug: true, title: true, url: true } },
} as const satisfies Prisma.ClaimSelect;

/** A claim with its article's id, slug and URL, for a Web Annotation. */
export interface AnnotationRecord extends ClaimRecord {
  articleId: number;
  article: { slug: string; title: string; url: string | null };
}

/** A page of the exported claims, for Web Annotations. */
export function findAnnotationPage(
  db: Db,
  filters: ExportFilters,
  afterId: number | undefined,
  take: number,
): Promise<AnnotationRecord[]> {
  return db.claim.findMany({
    where: { AND: [claimWhere(filters), after(afterId)] },
    select: annotationSelect,
    orderBy: { id: "asc" },
    take,
  });
}

/** An article's exact body and its SHA-256. */
export function findArticleText(db: Db, articleId: number): Promise<{ body: string; bodySha256: string }> {
  return db.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true, bodySha256: true } });
}

/** Articles with exported claims; with no claim filter but the article, the article even if it has none. */
function exportedArticles(filters: ExportFilters): Prisma.ArticleWhereInput {
  const { article, ...claimFilters } = filters;
  if (!hasClaimFilter(claimFilters)) return article === undefined ? {} : { slug: article };
  return { claims: { some: claimWhere(filters) } };
}

/** A page of the articles with exported claims (see exportedArticles), by id. */
export async function findSheetArticlePage(
  db: Db,
  filters: ExportFilters,
  afterId: number | undefined,
  take: number,
): Promise<SheetArticleRecord[]> {
  const rows = await db.article.findMany({
    where: { AND: [exportedArticles(filters), after(afterId)] },
    select: sheetArticleSelect,
    orderBy: { id: "asc" },
    take,
  });
  return rows.map(toSheetArticle);
}

/** The exported claims of one article. */
function articleClaims(articleId: number, filters: ExportFilters): Prisma.ClaimWhereInput {
  return { AND: [claimWhere(filters), { articleId }] };
}

/** A stored source as a claim sheet lists it. */
export interface SheetSourceRecord {
  slug: string;
  name: string;
  kind: string;
  countryCode: string | null;
  stateControlled: boolean;
  description: string | null;
  /** Its other name forms, in order. */
  names: { name: string }[];
  affiliation: { slug: string } | null;
}

/**
 * The sources in the chains of an article's exported claims, its publisher, their affiliations
 * (which may chain: spokesman -> ministry -> government), and with `withUncited` every source
 * no claim cites and no article publishes. In no particular order.
 */
export async function findSheetSources(
  db: Db,
  article: SheetArticleRecord,
  filters: ExportFilters,
  withUncited: boolean,
): Promise<SheetSourceRecord[]> {
  // Grouping the article's links finds its sources by index; a `links: { some }` filter on
  // Source would scan every link of each source for every article.
  const cited = await db.attributionLink.groupBy({
    by: ["sourceId"],
    where: { claim: articleClaims(article.id, filters) },
  });
  const found = [
    ...(await inChunks([...cited.map((c) => c.sourceId), article.publisherId], (chunk) =>
      db.source.findMany({ where: { id: { in: chunk } }, select: sheetSourceSelect }),
    )),
    ...(withUncited
      ? await db.source.findMany({
          where: { links: { none: {} }, articles: { none: {} } },
          select: sheetSourceSelect,
        })
      : []),
  ];
  const slugs = new Set(found.map((s) => s.slug));
  for (;;) {
    const missing = [...new Set(found.flatMap((s) => s.affiliation?.slug ?? []))].filter((slug) => !slugs.has(slug));
    if (missing.length === 0) return found;
    const more = await inChunks(missing, (chunk) =>
      db.source.findMany({ where: { slug: { in: chunk } }, select: sheetSourceSelect }),
    );
    for (const source of more) slugs.add(source.slug);
    found.push(...more);
  }
}

/** The propositions an article's exported claims take stances on, in no particular order. */
export async function findSheetPropositions(
  db: Db,
  articleId: number,
  filters: ExportFilters,
): Promise<SheetProposition[]> {
  const used = await db.claimStance.groupBy({
    by: ["propositionId"],
    where: { claim: articleClaims(articleId, filters) },
  });
  return inChunks(
    used.map((u) => u.propositionId),
    (chunk) => db.proposition.findMany({ where: { id: { in: chunk } }, select: { key: true, text: true } }),
  );
}

/** A page of the ids of an article's exported claims. */
export async function findArticleClaimIdPage(
  db: Db,
  articleId: number,
  filters: ExportFilters,
  afterId: number | undefined,
  take: number,
): Promise<{ id: number }[]> {
  return db.claim.findMany({
    where: { AND: [articleClaims(articleId, filters), after(afterId)] },
    select: { id: true },
    orderBy: { id: "asc" },
    take,
  });
}

const relationSide = { select: { id: true, key: true, articleId: true, article: { select: { slug: true } } } } as const;
const sheetRelationSelect = {
  id: true,
  fromClaimId: true,
  toClaimId: true,
  type: true,
  rationale: true,
  status: true,
  origin: true,
  fromClaim: relationSide,
  toClaim: relationSide,
} as const satisfies Prisma.RelationSelect;

/** A stored relation with the key and article of the claim on each side. */
export interface SheetRelationRecord extends NewRelation {
  id: number;
  fromClaim: RelationSideRecord;
  toClaim: RelationSideRecord;
}

interface RelationSideRecord {
  id: number;
  key: string;
  articleId: number;
  article: { slug: string };
}

/** The relations from (or to) these claims, through the relation's claim indexes. */
export function findRelationsOfClaims(
  db: Db,
  claimIds: readonly number[],
  side: "from" | "to",
): Promise<SheetRelationRecord[]> {
  return inChunks([...claimIds], (chunk) =>
    db.relation.findMany({
      where: side === "from" ? { fromClaimId: { in: chunk } } : { toClaimId: { in: chunk } },
      select: sheetRelationSelect,
    }),
  );
}

/** Which of these claims the filters select. */
export async function findClaimsSelected(
  db: Db,
  filters: ExportFilters,
  claimIds: readonly number[],
): Promise<Set<number>> {
  const rows = await inChunks([...claimIds], (chunk) =>
    db.claim.findMany({ where: { AND: [claimWhere(filters), { id: { in: chunk } }] }, select: { id: true } }),
  );
  return new Set(rows.map((c) => c.id));
}

/** One article by slug, with the keys of the claims it holds, or undefined. */
export async function findSheetArticleWithKeys(
  db: Db,
  slug: string,
): Promise<(SheetArticleRecord & { claimKeys: string[] }) | undefined> {
  const row = await db.article.findUnique({
    where: { slug },
    select: { ...sheetArticleSelect, claims: { select: { key: true } } },
  });
  return row ? { ...toSheetArticle(row), claimKeys: row.claims.map((c) => c.key) } : undefined;
}
