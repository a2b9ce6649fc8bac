import type { Db } from "../../db/client.js";
import type { SheetRelation } from "../sheets/claimSheet.js";
import {
  contentWords,
  type ExtractionResult,
  type ExtractOptions,
  extractClaimSheet,
  MIN_SHARED_WORDS,
  type RelationProposal,
  sharedWords,
  TOPIC_OVERLAP,
  topicOverlap,
} from "./extractClaimSheet.js";
import { findKnownSources, findRecentClaims, type StoredClaim } from "./extractionRepository.js";

/** A stored claim the new article may contradict. */
export interface StoredContradiction {
  /** Key of the proposed claim in the new sheet. */
  claim: string;
  storedClaimId: number;
  articleSlug: string;
  /** The stored claim as the sheet names it: `article-slug/key`. */
  ref: string;
  speaker: string;
  quote: string;
  reason: string;
}

export interface ExtractionView extends ExtractionResult {
  storedContradictions: StoredContradiction[];
}

/** How many stored claims are compared with a new article's (the most recent first). */
const STORED_CLAIMS_COMPARED = 2000;
/** At most this many stored candidates per new claim and relation type, the strongest first. */
const STORED_CANDIDATES_PER_CLAIM = 3;
/** Two claims by one speaker report the same statement when this share of the shorter one's words recur. */
const SAME_STATEMENT_OVERLAP = 0.7;

/**
 * Proposes a claim sheet for a new article's raw text, recognising stored sources and comparing
 * the proposed claims with stored claims of other articles. The sheet carries the candidates as
 * relations with status "proposed" (so importing it as-is stores them for review):
 * - `contradicts`: a denial against an assertion (or the other way round) by another speaker on a
 *   shared topic;
 * - `supports`: the same speaker's same statement relayed by another article.
 */
export async function proposeClaimSheet(
  db: Db,
  text: string,
  options: Omit<ExtractOptions, "knownSources"> = {},
): Promise<ExtractionView> {
  const knownSources = await findKnownSources(db);
  const result = extractClaimSheet(text, { ...options, knownSources });
  const stored = (await findRecentClaims(db, STORED_CLAIMS_COMPARED)).filter(
    (row) => row.articleSlug !== result.sheet.article.slug,
  );
  const storedWords = new Map(stored.map((row) => [row.id, contentWords(row.quote)]));
  const storedContradictions: StoredContradiction[] = [];
  const relations: SheetRelation[] = [];
  const relationProposals: RelationProposal[] = [];
  for (const proposal of result.proposals.claims) {
    const claim = result.sheet.claims.find((c) => c.key === proposal.key)!;
    const words = contentWords(claim.quote);
    const denies = proposal.stance === "denies";
    const contradicting: { row: StoredClaim; overlap: number }[] = [];
    const relayed: { row: StoredClaim; overlap: number }[] = [];
    for (const row of stored) {
      const other = storedWords.get(row.id)!;
      const overlap = topicOverlap(words, other);
      if (overlap < TOPIC_OVERLAP || sharedWords(words, other) < MIN_SHARED_WORDS) continue;
      if (row.speaker === proposal.speaker.slug) {
        if (row.denies === denies && overlap >= SAME_STATEMENT_OVERLAP) relayed.push({ row, overlap });
      } else if (row.denies !== denies) contradicting.push({ row, overlap });
    }
    const strongest = (list: { row: StoredClaim; overlap: number }[]) =>
      list.sort((a, b) => b.overlap - a.overlap).slice(0, STORED_CANDIDATES_PER_CLAIM);
    for (const { row, overlap } of strongest(contradicting)) {
      const ref = `${row.articleSlug}/${row.key}`;
      const reason = `rule stored_opposite_stance: ${claim.key} ${denies ? "denies" : "asserts"} what stored claim ${ref} (${row.speaker}) ${row.denies ? "denies" : "asserts"}; evidence: shared words ${shared(words, storedWords.get(row.id)!)} (overlap ${overlap.toFixed(2)})`;
      storedContradictions.push({
        claim: claim.key,
        storedClaimId: row.id,
        articleSlug: row.articleSlug,
        ref,
        speaker: row.speaker,
        quote: row.quote,
        reason,
      });
      relations.push({
        from: claim.key,
        to: ref,
        type: "contradicts",
        rationale: reason,
        status: "proposed",
        origin: "curated",
      });
      relationProposals.push({
        from: claim.key,
        to: ref,
        type: "contradicts",
        rule: "stored_opposite_stance",
        reason,
        confidence: Math.round(overlap * 70) / 100,
      });
    }
    for (const { row, overlap } of strongest(relayed)) {
      const ref = `${row.articleSlug}/${row.key}`;
      const reason = `rule same_statement_relayed: same statement relayed — ${proposal.speaker.slug} says in ${claim.key} what stored claim ${ref} reports; evidence: shared words ${shared(words, storedWords.get(row.id)!)} (overlap ${overlap.toFixed(2)})`;
      relations.push({
        from: claim.key,
        to: ref,
        type: "supports",
        rationale: reason,
        status: "proposed",
        origin: "curated",
      });
      relationProposals.push({
        from: claim.key,
        to: ref,
        type: "supports",
        rule: "same_statement_relayed",
        reason,
        confidence: Math.round(overlap * 90) / 100,
      });
    }
  }
  return {
    sheet: { ...result.sheet, relations: [...result.sheet.relations, ...relations] },
    proposals: { ...result.proposals, relations: [...result.proposals.relations, ...relationProposals] },
    storedContradictions,
  };
}

/** The words two claims share, quoted, for a rationale. */
function shared(a: Set<string>, b: Set<string>): string {
  return [...a]
    .filter((w) => b.has(w))
    .slice(0, 6)
    .map((w) => `"${w}"`)
    .join(", ");
}
