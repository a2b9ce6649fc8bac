import type { Prisma } from "../../generated/prisma/client.js";
import { type SourceSummary, type TracedChain, traceChains } from "../attribution/traceChain.js";
import { presentSourceSummary, sourceSummarySelect } from "../sources/sourceView.js";
import type { ChainRole, ClaimKind, Stance } from "../vocabulary.js";

/** What every view of a claim loads: its article, chains, topics and stances. */
export const claimSelect = {
  id: true,
  key: true,
  quote: true,
  start: true,
  end: true,
  gloss: true,
  kind: true,
  hedged: true,
  cue: true,
  statedOn: true,
  anchor: true,
  article: { select: { slug: true, title: true } },
  links: { select: { chain: true, position: true, role: true, source: { select: sourceSummarySelect } } },
  topics: { select: { topic: { select: { slug: true } } }, orderBy: { topic: { slug: "asc" } } },
  stances: { select: { stance: true, proposition: { select: { key: true, text: true } } } },
} as const satisfies Prisma.ClaimSelect;

export type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;

/** Whether a claim's quote is in its article's current body (anchored) or was lost to a correction (orphaned). */
export type ClaimAnchor = "anchored" | "orphaned";

export interface ClaimView {
  id: number;
  key: string;
  article: { slug: string; title: string };
  quote: string;
  /** Code-point offsets into the article body, end exclusive. */
  span: { start: number; end: number };
  gloss: string;
  kind: ClaimKind;
  hedged: boolean;
  cue: string | null;
  statedOn: string | null;
  /** orphaned: a corrected article body no longer holds the quote; `span` gives its last offsets. */
  anchor: ClaimAnchor;
  speaker: SourceSummary;
  chains: TracedChain[];
  topics: string[];
  stances: { proposition: string; text: string; stance: Stance }[];
}

export function presentClaim(row: ClaimRow): ClaimView {
  const chains = traceChains(
    row.links.map((link) => ({
      chain: link.chain,
      position: link.position,
      role: link.role as ChainRole,
      source: presentSourceSummary(link.source),
    })),
  );
  return {
    id: row.id,
    key: row.key,
    article: { slug: row.article.slug, title: row.article.title },
    quote: row.quote,
    span: { start: row.start, end: row.end },
    gloss: row.gloss,
    kind: row.kind as ClaimKind,
    hedged: row.hedged,
    cue: row.cue,
    statedOn: row.statedOn,
    anchor: row.anchor as ClaimAnchor,
    speaker: chains[0]!.links[0]!.source,
    chains,
    topics: row.topics.map((t) => t.topic.slug),
    stances: row.stances.map((s) => ({
      proposition: s.proposition.key,
      text: s.proposition.text,
      stance: s.stance as Stance,
    })),
  };
}

/** A claim in one line: enough to recognise it beside another. */
export interface ClaimBrief {
  id: number;
  key: string;
  article: string;
  quote: string;
  gloss: string;
  kind: ClaimKind;
  speaker: SourceSummary;
  chain: string;
  anchor: ClaimAnchor;
}

export function briefClaim(view: ClaimView): ClaimBrief {
  return {
    id: view.id,
    key: view.key,
    article: view.article.slug,
    quote: view.quote,
    gloss: view.gloss,
    kind: view.kind,
    speaker: view.speaker,
    chain: view.chains[0]!.text,
    anchor: view.anchor,
  };
}
