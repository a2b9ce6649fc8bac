import type { Db } from "../../db/client.js";
import { findPublicationTimes } from "../articles/articleRepository.js";
import { chainSlugText } from "../attribution/chainText.js";
import type { ClaimRecord } from "../claims/claimRepository.js";
import { findMatchingClaims } from "../claims/claimRepository.js";
import { presentClaim } from "../claims/claimView.js";
import { findContradictingClaimIds } from "../relations/relationRepository.js";
import type { Column } from "./columns.js";
import type { ExportFilters } from "./exportFilters.js";
import { keysetPages } from "./keyset.js";

/**
 * One claim as a spreadsheet row. Several chains are separated by " | ", the first being the
 * claim's main chain (the one `hop_distance` counts); topics and stances by spaces.
 */
export interface ClaimExportRow {
  id: number;
  key: string;
  article: string;
  quote: string;
  start: number;
  end: number;
  /** "body", or "title" for a headline claim: the text start/end are into. */
  spanIn: string;
  gloss: string;
  kind: string;
  hedged: boolean;
  cue: string | null;
  statedOn: string | null;
  articlePublishedAt: string;
  speaker: string;
  /** "Sergei Shoigu → KCBS → Yonhap → InfoQuest" (see chainText) */
  chain: string;
  /** "sergei-shoigu>kcbs>yonhap>infoquest" */
  chainSlugs: string;
  /** "speaker>reporter>relay>publisher" */
  chainRoles: string;
  hopDistance: number;
  /** Topic slugs, space-separated. */
  topics: string;
  /** "denies:proposition-key asserts:other-key" */
  stances: string;
  /** Ids of claims in a contradiction with this one that is not dismissed, space-separated. */
  contradictingClaimIds: string;
}

/** The separator between a claim's chains in one cell. */
export const CHAIN_SEPARATOR = " | ";

export const CLAIM_COLUMNS: Column<ClaimExportRow>[] = [
  { header: "id", width: 8, value: (r) => r.id },
  { header: "key", width: 14, value: (r) => r.key },
  { header: "article", width: 28, value: (r) => r.article },
  { header: "quote", width: 60, wrap: true, value: (r) => r.quote },
  { header: "start", width: 8, value: (r) => r.start },
  { header: "end", width: 8, value: (r) => r.end },
  { header: "span_in", width: 8, value: (r) => r.spanIn },
  { header: "gloss", width: 50, wrap: true, value: (r) => r.gloss },
  { header: "kind", width: 13, value: (r) => r.kind },
  { header: "hedged", width: 8, value: (r) => r.hedged },
  { header: "cue", width: 14, value: (r) => r.cue },
  { header: "stated_on", width: 12, value: (r) => r.statedOn },
  { header: "article_published_at", width: 26, value: (r) => r.articlePublishedAt },
  { header: "speaker", width: 24, value: (r) => r.speaker },
  { header: "chain", width: 48, wrap: true, value: (r) => r.chain },
  { header: "chain_slugs", width: 40, value: (r) => r.chainSlugs },
  { header: "chain_roles", width: 32, value: (r) => r.chainRoles },
  { header: "hop_distance", width: 12, value: (r) => r.hopDistance },
  { header: "topics", width: 24, value: (r) => r.topics },
  { header: "stances", width: 36, value: (r) => r.stances },
  { header: "contradicting_claim_ids", width: 22, value: (r) => r.contradictingClaimIds },
];

function toRow(record: ClaimRecord, publishedAt: string, contradicting: number[]): ClaimExportRow {
  const view = presentClaim(record);
  return {
    id: view.id,
    key: view.key,
    article: view.article.slug,
    quote: view.quote,
    start: view.span.start,
    end: view.span.end,
    spanIn: view.span.in,
    gloss: view.gloss,
    kind: view.kind,
    hedged: view.hedged,
    cue: view.cue,
    statedOn: view.statedOn,
    articlePublishedAt: publishedAt,
    speaker: view.speaker.name,
    chain: view.chains.map((c) => c.text).join(CHAIN_SEPARATOR),
    chainSlugs: view.chains.map((c) => c.slugs).join(CHAIN_SEPARATOR),
    chainRoles: view.chains.map((c) => chainSlugText(c.links.map((l) => l.role))).join(CHAIN_SEPARATOR),
    hopDistance: view.chains[0]!.hopDistance,
    topics: view.topics.join(" "),
    stances: [...view.stances]
      .sort((a, b) => (a.proposition < b.proposition ? -1 : 1))
      .map((s) => `${s.stance}:${s.proposition}`)
      .join(" "),
    contradictingClaimIds: contradicting.join(" "),
  };
}

/** The exported claims as rows, oldest first, one keyset page at a time. */
export async function* claimRowPages(
  db: Db,
  filters: ExportFilters,
  pageSize?: number,
): AsyncGenerator<ClaimExportRow[]> {
  const pages = keysetPages((afterId, take) => findMatchingClaims(db, filters, afterId ?? 0, take), pageSize);
  for await (const page of pages) {
    const [publishedAt, contradicting] = await Promise.all([
      findPublicationTimes(db, [...new Set(page.map((claim) => claim.article.slug))]),
      findContradictingClaimIds(
        db,
        page.map((claim) => claim.id),
      ),
    ]);
    yield page.map((claim) => toRow(claim, publishedAt.get(claim.article.slug)!, contradicting.get(claim.id) ?? []));
  }
}
