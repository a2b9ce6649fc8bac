import { z } from "zod";
import { SourceSummary, TracedChain, traceChains } from "../attribution/traceChain.js";
import { presentSourceSummary } from "../sources/sourceView.js";
import {
  type ChainRole,
  ClaimKind,
  RelationOrigin,
  RelationType,
  ReviewStatus,
  SpanText,
  Stance,
} from "../vocabulary.js";
import type { ClaimRecord, ClaimRelationRecord } from "./claimRepository.js";

// The claims' response contract: each schema, then the presenter typed against it.

/** Whether the article's current body still holds the claim's quote. */
const ClaimAnchor = z.enum(["anchored", "orphaned"]).meta({
  description:
    "orphaned: a corrected body (a new revision) no longer holds the quote; the span keeps its offsets in the body it was read from",
});

export const ClaimView = z
  .strictObject({
    id: z.int(),
    key: z.string().meta({ description: "The claim's key within its article's claim sheet" }),
    article: z.strictObject({ slug: z.string(), title: z.string() }),
    quote: z.string(),
    span: z
      .strictObject({
        in: SpanText.meta({ description: 'The text the offsets are into: "body", or "title" for a headline claim' }),
        start: z.int(),
        end: z.int(),
      })
      .meta({ description: "Code-point offsets into the article body (or title, see `in`), end exclusive" }),
    gloss: z.string(),
    kind: ClaimKind,
    hedged: z.boolean(),
    cue: z.string().nullable(),
    statedOn: z.string().nullable(),
    anchor: ClaimAnchor,
    speaker: SourceSummary,
    chains: z.array(TracedChain),
    topics: z.array(z.string()),
    stances: z.array(z.strictObject({ proposition: z.string(), text: z.string(), stance: Stance })),
  })
  .meta({ id: "Claim" });
export type ClaimView = z.infer<typeof ClaimView>;

export function presentClaim(record: ClaimRecord): ClaimView {
  const chains = traceChains(
    record.links.map((link) => ({
      chain: link.chain,
      position: link.position,
      role: link.role as ChainRole,
      source: presentSourceSummary(link.source),
    })),
  );
  return {
    id: record.id,
    key: record.key,
    article: { slug: record.article.slug, title: record.article.title },
    quote: record.quote,
    span: { in: record.spanIn as SpanText, start: record.start, end: record.end },
    gloss: record.gloss,
    kind: record.kind as ClaimKind,
    hedged: record.hedged,
    cue: record.cue,
    statedOn: record.statedOn,
    anchor: record.anchor === "orphaned" ? "orphaned" : "anchored",
    speaker: chains[0]!.links[0]!.source,
    chains,
    topics: record.topics.map((t) => t.topic.slug),
    stances: record.stances.map((s) => ({
      proposition: s.proposition.key,
      text: s.proposition.text,
      stance: s.stance as Stance,
    })),
  };
}

/** A claim in one line: enough to recognise it beside another. */
export const ClaimBrief = z
  .strictObject({
    id: z.int(),
    key: z.string(),
    article: z.string().meta({ description: "The article's slug" }),
    quote: z.string(),
    gloss: z.string(),
    kind: ClaimKind,
    anchor: ClaimAnchor,
    speaker: SourceSummary,
    chain: z.string().meta({ description: "The first chain's text" }),
  })
  .meta({ id: "ClaimBrief" });
export type ClaimBrief = z.infer<typeof ClaimBrief>;

export function briefClaim(view: ClaimView): ClaimBrief {
  return {
    id: view.id,
    key: view.key,
    article: view.article.slug,
    quote: view.quote,
    gloss: view.gloss,
    kind: view.kind,
    anchor: view.anchor,
    speaker: view.speaker,
    chain: view.chains[0]!.text,
  };
}

/** A relation as one claim's page shows it: which way it points and the claim on the other side. */
export const ClaimRelation = z.strictObject({
  id: z.int(),
  type: RelationType,
  direction: z
    .enum(["outgoing", "incoming"])
    .meta({ description: 'outgoing: this claim is the `from` side ("this claim qualifies the other")' }),
  status: ReviewStatus,
  origin: RelationOrigin,
  version: z.int(),
  rationale: z.string(),
  other: ClaimBrief,
});
export type ClaimRelation = z.infer<typeof ClaimRelation>;

export function presentClaimRelation(record: ClaimRelationRecord, other: ClaimView): ClaimRelation {
  return {
    id: record.id,
    type: record.type as RelationType,
    direction: record.direction,
    status: record.status as ReviewStatus,
    origin: record.origin as RelationOrigin,
    version: record.version,
    rationale: record.rationale,
    other: briefClaim(other),
  };
}

export const ClaimDetail = ClaimView.extend({ relations: z.array(ClaimRelation) }).meta({ id: "ClaimDetail" });
export type ClaimDetail = z.infer<typeof ClaimDetail>;

/** Where a search hit matched: a span in code points, end exclusive, of the quote, the gloss or a source's name. */
const SearchMatch = z.union([
  z.strictObject({ field: z.enum(["quote", "gloss"]), start: z.int(), end: z.int() }),
  z.strictObject({ field: z.literal("source"), source: z.string(), name: z.string(), start: z.int(), end: z.int() }),
]);

/** A claim found by a text query, with the first place the query occurs. */
export const SearchedClaim = ClaimView.extend({ match: SearchMatch.nullable() }).meta({ id: "SearchedClaim" });

/** How a text query was answered: from the index, or by a bounded scan for a short query. */
export const SearchInfo = z
  .strictObject({
    query: z.string(),
    mode: z.enum(["index", "scan"]),
    scanned: z.int().optional(),
    note: z.string().optional(),
  })
  .meta({ id: "SearchInfo" });

const FacetValue = z.strictObject({ value: z.string(), name: z.string().optional(), count: z.int() });

/** Counts among the claims matching a listing's filters, when `facets=` asks for them. */
export const ClaimFacets = z
  .strictObject({
    counted: z.strictObject({ claims: z.int(), complete: z.boolean() }),
    kind: z.array(FacetValue).optional(),
    topic: z.array(FacetValue).optional(),
    speaker: z.array(FacetValue).optional(),
    status: z.array(FacetValue).optional(),
  })
  .meta({ id: "ClaimFacets" });

/** What a claim listing's items are: claims, or claims with their match when `q` is given. */
export const ListedClaim = z.union([SearchedClaim, ClaimView]);
