import type { Db } from "../../db/client.js";
import { SourceKind } from "../vocabulary.js";
import {
  contentWords,
  type ExtractionResult,
  type ExtractOptions,
  extractClaimSheet,
  MIN_SHARED_WORDS,
  sharedWords,
  TOPIC_OVERLAP,
  topicOverlap,
} from "./extractClaimSheet.js";
import type { KnownSource } from "./types.js";

/** A stored claim the new article may contradict. */
export interface StoredContradiction {
  /** Key of the proposed claim in the new sheet. */
  claim: string;
  storedClaimId: number;
  articleSlug: string;
  speaker: string;
  quote: string;
  reason: string;
}

export interface ExtractionView extends ExtractionResult {
  storedContradictions: StoredContradiction[];
}

/** How many stored claims are compared with a new article's (the most recent first). */
const STORED_CLAIMS_COMPARED = 2000;

/** Every stored source with every stored name, for recognition in a new text. */
export async function loadKnownSources(db: Db): Promise<KnownSource[]> {
  const rows = await db.source.findMany({
    select: { slug: true, name: true, kind: true, names: { select: { name: true }, orderBy: { position: "asc" } } },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    kind: SourceKind.catch("group").parse(row.kind),
    names: row.names.map((n) => n.name),
  }));
}

/**
 * Proposes a claim sheet for a new article's raw text, recognising stored sources and comparing
 * the proposed claims with stored ones: a stored denial against a new assertion (or the other way
 * round) by another speaker, on a shared topic, is proposed as a contradiction to review.
 */
export async function proposeClaimSheet(
  db: Db,
  text: string,
  options: Omit<ExtractOptions, "knownSources"> = {},
): Promise<ExtractionView> {
  const knownSources = await loadKnownSources(db);
  const result = extractClaimSheet(text, { ...options, knownSources });
  const stored = await db.claim.findMany({
    select: {
      id: true,
      quote: true,
      kind: true,
      article: { select: { slug: true, bodySha256: true } },
      links: { where: { chain: 0, position: 0 }, select: { source: { select: { slug: true } } } },
      stances: { select: { stance: true } },
    },
    orderBy: { id: "desc" },
    take: STORED_CLAIMS_COMPARED,
  });
  const storedWords = new Map(stored.map((row) => [row.id, contentWords(row.quote)]));
  const storedContradictions: StoredContradiction[] = [];
  for (const proposal of result.proposals.claims) {
    const claim = result.sheet.claims.find((c) => c.key === proposal.key)!;
    const words = contentWords(claim.quote);
    const denies = proposal.stance === "denies";
    for (const row of stored) {
      const speaker = row.links[0]?.source.slug ?? "";
      const rowDenies = row.kind === "denial" || row.stances.some((s) => s.stance === "denies");
      if (speaker === proposal.speaker.slug || rowDenies === denies) continue;
      const other = storedWords.get(row.id)!;
      const overlap = topicOverlap(words, other);
      if (overlap < TOPIC_OVERLAP || sharedWords(words, other) < MIN_SHARED_WORDS) continue;
      storedContradictions.push({
        claim: proposal.key,
        storedClaimId: row.id,
        articleSlug: row.article.slug,
        speaker,
        quote: row.quote,
        reason: `${denies ? "denies" : "asserts"} what stored claim ${row.id} (${speaker}, ${row.article.slug}) ${rowDenies ? "denies" : "asserts"}, on a shared topic (word overlap ${overlap.toFixed(2)})`,
      });
    }
  }
  return { ...result, storedContradictions };
}
