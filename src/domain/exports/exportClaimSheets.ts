import type { Db } from "../../db/client.js";
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
import type { SheetArticleRecord } from "../sheets/sheetRepository.js";
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
import {
  findArticleClaimIdPage,
  findClaimsSelected,
  findRelationsOfClaims,
  findSheetArticlePage,
  findSheetPropositions,
  findSheetSources,
} from "./exportRepository.js";
import { keysetPages } from "./keyset.js";

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
  for await (const page of keysetPages((afterId, take) => findSheetArticlePage(db, filters, afterId, take), pageSize)) {
    for (const article of page) {
      if (pretty) yield first ? "[\n  " : ",\n  ";
      yield* sheetChunks(db, article, filters, pretty, pageSize, everything && first, onClaims);
      first = false;
      if (!pretty) yield "\n";
    }
  }
  if (pretty) yield first ? "[]" : "\n]";
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
  article: SheetArticleRecord,
  filters: ExportFilters,
  pretty: boolean,
  pageSize: number | undefined,
  withUncitedSources: boolean,
  onClaims: (count: number) => void,
): AsyncGenerator<string> {
  const key = (name: string) => (pretty ? `\n    ${JSON.stringify(name)}: ` : `${JSON.stringify(name)}:`);
  yield "{";
  yield `${key("format")}${JSON.stringify(CLAIM_SHEET_FORMAT)},`;
  yield `${key("article")}${serialise(presentArticle(article), pretty, 2)},`;
  yield key("sources");
  yield* arrayChunks(single(sheetSources(db, article, filters, withUncitedSources)), pretty, 2);
  yield `,${key("propositions")}`;
  yield* arrayChunks(single(sheetPropositions(db, article.id, filters)), pretty, 2);
  yield `,${key("claims")}`;
  yield* arrayChunks(sheetClaimPages(db, article, filters, pageSize, onClaims), pretty, 2);
  yield `,${key("relations")}`;
  yield* arrayChunks(sheetRelationPages(db, article, filters, pageSize), pretty, 2);
  yield pretty ? "\n  }" : "}";
}

async function* single<T>(items: Promise<T[]>): AsyncGenerator<T[]> {
  yield await items;
}

function presentArticle(article: SheetArticleRecord): Required<SheetArticle> {
  return { ...article.sheet, bodySha256: article.bodySha256 };
}

/** Sources in the exported claims' chains, the publisher, and their affiliations, by slug. */
async function sheetSources(
  db: Db,
  article: SheetArticleRecord,
  filters: ExportFilters,
  withUncitedSources: boolean,
): Promise<SheetSource[]> {
  // Affiliations are written too, so the sheet imports on its own.
  const bySlug = new Map((await findSheetSources(db, article, filters, withUncitedSources)).map((s) => [s.slug, s]));
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

async function sheetPropositions(db: Db, articleId: number, filters: ExportFilters): Promise<SheetProposition[]> {
  const rows = await findSheetPropositions(db, articleId, filters);
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.map((p) => ({ key: p.key, text: p.text }));
}

/** The article's exported claims as the sheet writes them, a keyset page at a time (the claim listings' queries). */
async function* sheetClaimPages(
  db: Db,
  article: SheetArticleRecord,
  filters: ExportFilters,
  pageSize: number | undefined,
  onClaims: (count: number) => void,
): AsyncGenerator<SheetClaim[]> {
  const pages = keysetPages(
    (afterId, take) => findMatchingClaims(db, { ...filters, article: article.sheet.slug }, afterId ?? 0, take),
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
        // Written only for a headline claim: a body claim's sheet reads as it always did.
        ...(c.spanIn === "title" ? { in: "title" as const } : {}),
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

/**
 * Relations among exported claims that belong in this article's sheet (see SheetLayout), read
 * for one page of the article's claims at a time: those whose `from` claim is on the page (and
 * whose `to` claim is in this or an earlier article), then those whose `to` claim is on the page
 * and whose `from` claim is in an earlier article, each page's in id order. Both lookups go
 * through the relation's claim indexes; the other side's article and filters are checked here.
 */
async function* sheetRelationPages(
  db: Db,
  article: SheetArticleRecord,
  filters: ExportFilters,
  pageSize?: number,
): AsyncGenerator<SheetRelation[]> {
  const ref = (claim: { key: string; articleId: number; article: { slug: string } }) =>
    claim.articleId === article.id ? claim.key : `${claim.article.slug}/${claim.key}`;
  const filtered = hasClaimFilter(filters);
  // Most articles have no relations at all: one indexed look saves a second pass over their claims.
  if (!(await articleHasRelations(db, article.id))) return;
  for await (const page of keysetPages(
    (afterId, take) => findArticleClaimIdPage(db, article.id, filters, afterId, take),
    pageSize,
  )) {
    const ids = page.map((c) => c.id);
    const onPage = new Set(ids);
    const outgoing = await findRelationsOfClaims(db, ids, "from");
    const incoming = await findRelationsOfClaims(db, ids, "to");
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
    const exported = filtered ? await findClaimsSelected(db, filters, others) : new Set(others);
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
