import type { Db } from "../../db/client.js";
import { inChunks } from "../../db/inChunks.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { formatWithOffset } from "../articles/publishedAt.js";
import { claimWhere } from "../claims/claimFilters.js";
import { findMatchingClaims } from "../claims/claimRepository.js";
import { articleHasRelations } from "../relations/relationRepository.js";
import {
  CLAIM_SHEET_FORMAT,
  type SheetArticle,
  type SheetClaim,
  type SheetProposition,
  type SheetRelation,
  type SheetSource,
} from "../sheets/claimSheet.js";
import type {
  ChainRole,
  ClaimKind,
  RelationOrigin,
  RelationType,
  ReviewStatus,
  SourceKind,
  Stance,
} from "../vocabulary.js";
import { type ExportFilters, hasClaimFilter } from "./exportFilters.js";
import { after, keysetPages } from "./keyset.js";

/**
 * How exported claim sheets are laid out:
 * - `json`: an array of claim sheets, exactly as `JSON.stringify(sheets, null, 2)` writes it;
 * - `jsonl`: one claim sheet per line.
 *
 * Either way there is one sheet per article with exported claims, by article id (the order
 * they were imported in). Within a sheet: sources (those in the claims' chains, the publisher,
 * and their affiliations) and propositions sorted by slug/key; claims in stored order; the
 * relations among exported claims by id. A relation between two articles is written once, in
 * the later article's sheet, naming the earlier claim as `article-slug/key`; derived relations
 * are written with `origin: "derived"` and their review status, so an import re-creates them
 * as they were instead of deriving them afresh. An export of everything (no filter) also
 * writes, in its first sheet, the sources no claim cites and no article publishes (people a
 * text names but never quotes), so nothing stored is left out. Every default is written out, so exporting
 * what an export imported gives the same bytes.
 */
export type SheetLayout = "json" | "jsonl";

/** The exported claim sheets as text chunks, written as they are read (one page at a time). */
export async function* claimSheetChunks(
  db: Db,
  filters: ExportFilters,
  layout: SheetLayout,
  pageSize?: number,
  onClaims: (count: number) => void = () => {},
): AsyncGenerator<string> {
  const pretty = layout === "json";
  const everything = !hasClaimFilter(filters);
  let first = true;
  for await (const page of keysetPages(
    (afterId, take) =>
      db.article.findMany({
        where: { AND: [exportedArticles(filters), after(afterId)] },
        select: articleSelect,
        orderBy: { id: "asc" },
        take,
      }),
    pageSize,
  )) {
    for (const article of page) {
      if (pretty) yield first ? "[\n  " : ",\n  ";
      yield* sheetChunks(db, article, filters, pretty, pageSize, everything && first, onClaims);
      first = false;
      if (!pretty) yield "\n";
    }
  }
  if (pretty) yield first ? "[]" : "\n]";
}

const articleSelect = {
  id: true,
  slug: true,
  title: true,
  section: true,
  language: true,
  url: true,
  publishedAt: true,
  publishedUtcOffset: true,
  body: true,
  bodySha256: true,
  publisher: { select: { id: true, slug: true } },
} as const satisfies Prisma.ArticleSelect;

type ArticleRecord = Prisma.ArticleGetPayload<{ select: typeof articleSelect }>;

/** Articles with exported claims; with no claim filter but the article, the article even if it has none. */
function exportedArticles(filters: ExportFilters): Prisma.ArticleWhereInput {
  const { article, ...claimFilters } = filters;
  if (!hasClaimFilter(claimFilters)) return article === undefined ? {} : { slug: article };
  return { claims: { some: claimWhere(filters) } };
}

/** A JSON value as `JSON.stringify(value, null, 2)` writes it at the given nesting depth. */
function serialise(value: unknown, pretty: boolean, depth: number): string {
  return pretty ? JSON.stringify(value, null, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`) : JSON.stringify(value);
}

/** A JSON array of items, written page by page, laid out as JSON.stringify would. */
async function* arrayChunks<T>(pages: AsyncIterable<T[]>, pretty: boolean, depth: number): AsyncGenerator<string> {
  const indent = `\n${"  ".repeat(depth + 1)}`;
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue;
    const items = page.map((item) => serialise(item, pretty, depth + 1));
    const joined = pretty ? items.map((item) => indent + item).join(",") : items.join(",");
    yield `${first ? "[" : ","}${joined}`;
    first = false;
  }
  yield first ? "[]" : pretty ? `\n${"  ".repeat(depth)}]` : "]";
}

async function* sheetChunks(
  db: Db,
  article: ArticleRecord,
  filters: ExportFilters,
  pretty: boolean,
  pageSize: number | undefined,
  withUncitedSources: boolean,
  onClaims: (count: number) => void,
): AsyncGenerator<string> {
  const claims: Prisma.ClaimWhereInput = { AND: [claimWhere(filters), { articleId: article.id }] };
  const key = (name: string) => (pretty ? `\n    ${JSON.stringify(name)}: ` : `${JSON.stringify(name)}:`);
  yield "{";
  yield `${key("format")}${JSON.stringify(CLAIM_SHEET_FORMAT)},`;
  yield `${key("article")}${serialise(presentArticle(article), pretty, 2)},`;
  yield key("sources");
  yield* arrayChunks(single(sheetSources(db, article, claims, withUncitedSources)), pretty, 2);
  yield `,${key("propositions")}`;
  yield* arrayChunks(single(sheetPropositions(db, claims)), pretty, 2);
  yield `,${key("claims")}`;
  yield* arrayChunks(sheetClaimPages(db, article, filters, pageSize, onClaims), pretty, 2);
  yield `,${key("relations")}`;
  yield* arrayChunks(sheetRelationPages(db, article, claims, filters, pageSize), pretty, 2);
  yield pretty ? "\n  }" : "}";
}

async function* single<T>(items: Promise<T[]>): AsyncGenerator<T[]> {
  yield await items;
}

function presentArticle(article: ArticleRecord): Required<SheetArticle> {
  return {
    slug: article.slug,
    title: article.title,
    publisher: article.publisher.slug,
    section: article.section,
    language: article.language,
    url: article.url,
    publishedAt: formatWithOffset(article.publishedAt, article.publishedUtcOffset),
    body: article.body,
    bodySha256: article.bodySha256,
  };
}

/** A source as a claim sheet (and the source export) lists it. */
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

/** Sources in the exported claims' chains, the publisher, and their affiliations, by slug. */
async function sheetSources(
  db: Db,
  article: ArticleRecord,
  claims: Prisma.ClaimWhereInput,
  withUncitedSources: boolean,
): Promise<SheetSource[]> {
  // Grouping the article's links finds its sources by index; a `links: { some }` filter on
  // Source would scan every link of each source for every article.
  const cited = await db.attributionLink.groupBy({ by: ["sourceId"], where: { claim: claims } });
  const uncited: Prisma.SourceWhereInput[] = withUncitedSources
    ? [{ links: { none: {} }, articles: { none: {} } }]
    : [];
  const found = [
    ...(await inChunks([...cited.map((c) => c.sourceId), article.publisher.id], (chunk) =>
      db.source.findMany({ where: { id: { in: chunk } }, select: sheetSourceSelect }),
    )),
    ...(withUncitedSources ? await db.source.findMany({ where: { OR: uncited }, select: sheetSourceSelect }) : []),
  ];
  const bySlug = new Map(found.map((s) => [s.slug, s]));
  // Affiliations are written too, so the sheet imports on its own; they may chain (spokesman -> ministry -> government).
  for (;;) {
    const missing = [...new Set(found.flatMap((s) => s.affiliation?.slug ?? []))].filter((slug) => !bySlug.has(slug));
    if (missing.length === 0) break;
    const more = await inChunks(missing, (chunk) =>
      db.source.findMany({ where: { slug: { in: chunk } }, select: sheetSourceSelect }),
    );
    for (const source of more) bySlug.set(source.slug, source);
    found.push(...more);
  }
  return [...bySlug.values()]
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map((s) => ({
      slug: s.slug,
      name: s.name,
      names: s.names.map((n) => n.name),
      kind: s.kind as SourceKind,
      country: s.countryCode,
      stateControlled: s.stateControlled,
      affiliation: s.affiliation?.slug ?? null,
      description: s.description,
    }));
}

async function sheetPropositions(db: Db, claims: Prisma.ClaimWhereInput): Promise<SheetProposition[]> {
  const used = await db.claimStance.groupBy({ by: ["propositionId"], where: { claim: claims } });
  if (used.length === 0) return [];
  const rows = await inChunks(
    used.map((u) => u.propositionId),
    (chunk) => db.proposition.findMany({ where: { id: { in: chunk } }, select: { key: true, text: true } }),
  );
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.map((p) => ({ key: p.key, text: p.text }));
}

/** The article's exported claims as the sheet writes them, a keyset page at a time (the claim listings' queries). */
async function* sheetClaimPages(
  db: Db,
  article: ArticleRecord,
  filters: ExportFilters,
  pageSize: number | undefined,
  onClaims: (count: number) => void,
): AsyncGenerator<SheetClaim[]> {
  const pages = keysetPages(
    (afterId, take) => findMatchingClaims(db, { ...filters, article: article.slug }, afterId ?? 0, take),
    pageSize,
  );
  for await (const page of pages) {
    onClaims(page.length);
    yield page.map((c) => {
      const chains: SheetClaim["chains"] = [];
      for (const link of c.links) {
        chains[link.chain] ??= [];
        chains[link.chain]!.push({ source: link.source.slug, role: link.role as ChainRole });
      }
      return {
        key: c.key,
        quote: c.quote,
        start: c.start,
        end: c.end,
        gloss: c.gloss,
        kind: c.kind as ClaimKind,
        hedged: c.hedged,
        cue: c.cue,
        statedOn: c.statedOn,
        topics: c.topics.map((t) => t.topic.slug),
        chains: chains.filter((chain) => chain !== undefined),
        stances: c.stances
          .map((s) => ({ proposition: s.proposition.key, stance: s.stance as Stance }))
          .sort((x, y) => (x.proposition < y.proposition ? -1 : x.proposition > y.proposition ? 1 : 0)),
      };
    });
  }
}

const relationSide = { select: { id: true, key: true, articleId: true, article: { select: { slug: true } } } } as const;

/**
 * Relations among exported claims that belong in this article's sheet (see SheetLayout), read
 * for one page of the article's claims at a time: those whose `from` claim is on the page (and
 * whose `to` claim is in this or an earlier article), then those whose `to` claim is on the page
 * and whose `from` claim is in an earlier article, each page's in id order. Both lookups go
 * through the relation's claim indexes; the other side's article and filters are checked here.
 */
async function* sheetRelationPages(
  db: Db,
  article: ArticleRecord,
  claims: Prisma.ClaimWhereInput,
  filters: ExportFilters,
  pageSize?: number,
): AsyncGenerator<SheetRelation[]> {
  const select = {
    id: true,
    fromClaimId: true,
    toClaimId: true,
    type: true,
    rationale: true,
    status: true,
    origin: true,
    fromClaim: relationSide,
    toClaim: relationSide,
  } as const;
  const ref = (claim: { key: string; articleId: number; article: { slug: string } }) =>
    claim.articleId === article.id ? claim.key : `${claim.article.slug}/${claim.key}`;
  const filtered = hasClaimFilter(filters);
  // Most articles have no relations at all: one indexed look saves a second pass over their claims.
  if (!(await articleHasRelations(db, article.id))) return;
  for await (const page of keysetPages(
    (afterId, take) =>
      db.claim.findMany({
        where: { AND: [claims, after(afterId)] },
        select: { id: true },
        orderBy: { id: "asc" },
        take,
      }),
    pageSize,
  )) {
    const ids = page.map((c) => c.id);
    const onPage = new Set(ids);
    const outgoing = await inChunks(ids, (chunk) =>
      db.relation.findMany({ where: { fromClaimId: { in: chunk } }, select }),
    );
    const incoming = await inChunks(ids, (chunk) =>
      db.relation.findMany({ where: { toClaimId: { in: chunk } }, select }),
    );
    const candidates = [
      ...outgoing.filter((r) => r.toClaim.articleId <= article.id),
      ...incoming.filter((r) => r.fromClaim.articleId < article.id),
    ];
    const others = [
      ...new Set(
        candidates
          .map((r) => (onPage.has(r.fromClaimId) ? r.toClaimId : r.fromClaimId))
          .filter((id) => !onPage.has(id)),
      ),
    ];
    const exported = filtered
      ? new Set(
          (
            await inChunks(others, (chunk) =>
              db.claim.findMany({ where: { AND: [claimWhere(filters), { id: { in: chunk } }] }, select: { id: true } }),
            )
          ).map((c) => c.id),
        )
      : new Set(others);
    const relations = candidates
      .filter(
        (r) =>
          (onPage.has(r.fromClaimId) || exported.has(r.fromClaimId)) &&
          (onPage.has(r.toClaimId) || exported.has(r.toClaimId)),
      )
      .sort((x, y) => x.id - y.id);
    if (relations.length === 0) continue;
    yield relations.map((r) => ({
      from: ref(r.fromClaim),
      to: ref(r.toClaim),
      type: r.type as RelationType,
      rationale: r.rationale,
      status: r.status as ReviewStatus,
      origin: r.origin as RelationOrigin,
    }));
  }
}
