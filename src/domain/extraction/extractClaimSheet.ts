import { sha256Hex } from "../sheets/checkClaimSheet.js";
import {
  CLAIM_SHEET_FORMAT,
  ClaimSheet,
  type SheetClaim,
  type SheetRelation,
  type SheetSource,
} from "../sheets/claimSheet.js";
import { truncateGraphemes } from "../text/graphemes.js";

// A text no longer than `max` UTF-16 units has at most `max` graphemes: no need to segment it.
const shorten = (text: string, max: number) => (text.length <= max ? text : truncateGraphemes(text, max));

import type { ChainRole, SourceKind, Stance } from "../vocabulary.js";
import { callsUntrue, contradictionCandidates, negativeMark } from "./contradictionCandidates.js";
import { extractEnglish } from "./english.js";
import { STOPWORDS } from "./lexicon/stopwords.js";
import { slugify } from "./slugs.js";
import { type ResolvedSource, SourceDirectory } from "./sources.js";
import { detectLanguage, snapToGrapheme, wordSegments } from "./textTools.js";
import { extractThai } from "./thai.js";
import type { Attribution, ContrastFinding, KnownSource } from "./types.js";

export interface ExtractOptions {
  language?: "th" | "en";
  /** Slug of the publishing source (stored, or proposed as a new source). */
  publisher?: string;
  title?: string;
  /** ISO 8601 with offset; defaults to a dateline found in the text, else now. */
  publishedAt?: string;
  /** Stored sources to recognise (every stored name). */
  knownSources?: KnownSource[];
  /** The clock, for tests. */
  now?: () => Date;
}

/** Why a claim was proposed: the review metadata that stays out of the claim sheet itself. */
export interface ClaimProposal {
  key: string;
  status: "proposed";
  cue: string;
  stance: Stance;
  confidence: number;
  rule: string;
  explanation: string;
  speaker: { slug: string; text: string; known: boolean };
  /** Code-point range of the cue in the body (for highlighting). */
  cueStart: number;
  cueEnd: number;
}

export interface SourceProposal {
  slug: string;
  status: "known" | "new";
  reason: string;
}

export interface RelationProposal {
  from: string;
  /** A key of this sheet, or `article-slug/key` for a stored claim. */
  to: string;
  type: "contradicts" | "supports";
  /** The rule that proposed it; the reason names the rule and gives the evidence. */
  rule: string;
  reason: string;
  confidence: number;
  /** The proposition the two claims take opposite stances on, when one denies what the other asserts. */
  proposition?: { key: string; text: string; stances: { claim: string; stance: Stance }[] };
}

export interface ExtractionResult {
  /** A claim sheet in the import format: every claim, new source and relation is a proposal. */
  sheet: ClaimSheet;
  proposals: {
    claims: ClaimProposal[];
    sources: SourceProposal[];
    relations: RelationProposal[];
    /** Problems a reviewer must fix before import (e.g. no publisher was given). */
    warnings: string[];
  };
}

/** The publisher's own reporter, not a source of its own. */
const OWN_REPORTER = /^(?:(?:ผู้สื่อข่าว|นักข่าว|ทีมข่าว)(?:ประจำ\S*)?|(?:our|this|a) (?:correspondent|reporter))$/i;

/**
 * Where a claim's attribution is written: its speaker's mention and its cue, or the cue alone when
 * the speaker was resolved to a mention before another claim ("The board denied ..." taken to be
 * the board named two sentences earlier): that claim still comes before this one.
 */
function frameStartOf(attribution: Attribution, all: Attribution[]): number {
  const { speaker, cue } = attribution;
  if (speaker.start >= cue.start) return cue.start;
  const between = all.some((o) => o !== attribution && o.span.start >= speaker.end && o.span.end <= cue.start);
  return between ? cue.start : speaker.start;
}

// Stored claims are compared with every new article: their words are worth keeping.
const wordCache = new Map<string, Set<string>>();

/** Content words of a text (ICU word segments without stopwords), for topic overlap. */
export function contentWords(text: string): Set<string> {
  const cached = wordCache.get(text);
  if (cached) return cached;
  if (wordCache.size > 10_000) wordCache.clear();
  const words = new Set(
    wordSegments(text.toLowerCase())
      .filter((w) => w.isWordLike && w.segment.length >= 2 && !STOPWORDS.has(w.segment))
      .map((w) => stem(w.segment)),
  );
  wordCache.set(text, words);
  return words;
}

/** A Latin word without its inflection ("reached" -> "reach"), so two forms of one word match. */
function stem(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  const bare = word.replace(/(?:ing|ed|es|s)$/, "");
  return bare.length >= 3 ? bare : word;
}

/** Share of the smaller word set found in the other (0..1). */
export function topicOverlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** At least this many content words in common, so two short claims do not match on one word. */
export const MIN_SHARED_WORDS = 3;

/** How many words two sets share. */
export function sharedWords(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared;
}

/** Two claims share a topic when at least this share of the shorter one's words recur in the other. */
export const TOPIC_OVERLAP = 0.4;

/**
 * Proposes the claim sheet of a raw news text: every attributed claim with its exact span, cue,
 * speaker and chain out to the publisher, the sources (stored ones recognised by any name, new
 * ones proposed with a kind guessed from their title) and contradiction candidates. Nothing is
 * written: the reviewer accepts, edits or rejects, then imports the sheet.
 */
export function extractClaimSheet(text: string, options: ExtractOptions = {}): ExtractionResult {
  const language = options.language ?? detectLanguage(text);
  const directory = new SourceDirectory(text, options.knownSources ?? []);
  const warnings: string[] = [];
  const publisher = resolvePublisher(text, options, directory, warnings);
  const { attributions, contrasts } = language === "th" ? extractThai(text) : extractEnglish(text);

  const codePointOffset = codePointOffsets(text);
  const claims: SheetClaim[] = [];
  const claimProposals: ClaimProposal[] = [];
  const keyOf = new Map<Attribution, string>();
  const speakerOf = new Map<string, ResolvedSource>();
  for (const attribution of attributions) {
    // "ผู้สื่อข่าวรายงานว่า", "our correspondent reported": the publisher's own reporting.
    const speaker = OWN_REPORTER.test(attribution.speaker.text)
      ? publisher
      : directory.resolve(attribution.speaker, attribution.cue.entry.kind);
    if (!speaker) continue;
    const chain = chainOf(attribution, speaker, directory, publisher);
    const start = snapToGrapheme(text, attribution.span.start);
    const end =
      snapToGrapheme(text, attribution.span.end) === attribution.span.end
        ? attribution.span.end
        : nextBoundary(text, attribution.span.end);
    if (end <= start) continue;
    const key = `c${claims.length + 1}`;
    keyOf.set(attribution, key);
    speakerOf.set(key, speaker);
    const quote = text.slice(start, end);
    claims.push({
      key,
      quote,
      start: codePointOffset(text, start),
      end: codePointOffset(text, end),
      gloss: `${speaker.name} ${attribution.cue.entry.gloss}: ${shorten(quote, 80)}`,
      kind: claimKind(attribution, speaker, chain.length),
      hedged: attribution.hedged,
      cue: attribution.cue.text.trim(),
      statedOn: null,
      topics: [],
      chains: [chain],
      stances: [],
    });
    claimProposals.push({
      key,
      status: "proposed",
      cue: attribution.cue.text.trim(),
      stance: attribution.stance,
      confidence: attribution.confidence,
      rule: attribution.rule,
      explanation: attribution.explanation,
      speaker: { slug: speaker.slug, text: attribution.speaker.text, known: speaker.known },
      cueStart: codePointOffset(text, attribution.cue.start),
      cueEnd: codePointOffset(text, attribution.cue.end),
    });
  }

  const relations: SheetRelation[] = [];
  const relationProposals: RelationProposal[] = [];
  const seen = new Set<string>();
  const addRelation = (from: string, to: string, rule: string, reason: string, confidence: number) => {
    const pair = [from, to].sort().join(":");
    if (from === to || seen.has(pair)) return;
    seen.add(pair);
    relations.push({ from, to, type: "contradicts", rationale: reason, status: "proposed", origin: "curated" });
    relationProposals.push({ from, to, type: "contradicts", rule, reason, confidence });
  };
  for (const contrast of contrasts) addContrast(contrast, keyOf, claims, addRelation);
  const candidates = contradictionCandidates(
    text,
    [...keyOf].map(([attribution, key]) => {
      const proposal = claimProposals.find((p) => p.key === key)!;
      const source = speakerOf.get(key);
      return {
        key,
        quote: claims.find((c) => c.key === key)!.quote,
        start: attribution.span.start,
        end: attribution.span.end,
        frameStart: frameStartOf(attribution, [...keyOf.keys()]),
        speaker: proposal.speaker.slug,
        speakerNames: [...new Set([attribution.speaker.text, ...(source?.names ?? []), ...(source?.aliases ?? [])])],
        denies: proposal.stance === "denies",
        deniedObject: attribution.denies?.text ?? null,
      };
    }),
    language,
    contentWords,
  );
  // A negative claim set against another source's, or one that calls something untrue, is a denial.
  for (const claim of claims) {
    const proposal = claimProposals.find((p) => p.key === claim.key)!;
    const opposed = candidates.some(
      (c) => (c.from === claim.key || c.to === claim.key) && negativeMark(claim.quote, language),
    );
    // A hedged negative ("there may not be enough") stays a hedge unless it calls something untrue.
    const opposedAssertion = opposed && proposal.stance !== "hedges";
    if (proposal.stance !== "denies" && (opposedAssertion || callsUntrue(claim.quote, language))) {
      proposal.stance = "denies";
      proposal.explanation += `; it denies ("${negativeMark(claim.quote, language) ?? "untrue"}")`;
      claim.kind = "denial";
      claim.hedged = false;
    }
  }
  for (const c of candidates) addRelation(c.from, c.to, c.rule, c.reason, c.confidence);
  addOppositeStances(claims, claimProposals, addRelation);

  const usedSlugs = new Set(claims.flatMap((c) => c.chains.flat().map((l) => l.source)));
  usedSlugs.add(publisher.slug);
  const newSources = directory.newSources().filter((s) => usedSlugs.has(s.slug));
  const slug = articleSlug(text, options.title);
  proposePropositions(slug, claims, claimProposals, relationProposals);
  const sheet = ClaimSheet.parse({
    format: CLAIM_SHEET_FORMAT,
    article: {
      slug,
      title: options.title ?? titleOf(text),
      publisher: publisher.slug,
      section: null,
      language,
      url: null,
      publishedAt: options.publishedAt ?? publicationDate(text, options.now ?? (() => new Date()), warnings),
      body: text,
    },
    sources: newSources.map(toSheetSource),
    propositions: [],
    claims,
    relations,
  });
  const sourceProposals: SourceProposal[] = [
    ...newSources.map((s) => ({ slug: s.slug, status: "new" as const, reason: s.reason })),
    ...[...usedSlugs]
      .filter((slug) => !newSources.some((s) => s.slug === slug))
      .map((slug) => ({ slug, status: "known" as const, reason: "stored source" })),
  ];
  return {
    sheet,
    proposals: { claims: claimProposals, sources: sourceProposals, relations: relationProposals, warnings },
  };
}

/**
 * UTF-16 index -> code-point offset for one text, in O(log n) per call: counts the surrogate
 * pairs before the index (a long article has hundreds of claims; walking it for each is slow).
 */
function codePointOffsets(text: string): (text: string, utf16: number) => number {
  const pairs: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      pairs.push(i);
      i++;
    }
  }
  return (_text, utf16) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid]! < utf16 - 1) lo = mid + 1;
      else hi = mid;
    }
    return utf16 - lo;
  };
}

function nextBoundary(text: string, at: number): number {
  for (let i = at + 1; i <= text.length; i++) if (snapToGrapheme(text, i) === i) return i;
  return text.length;
}

/** speaker -> reporter -> relay... -> publisher, without repeats. */
function chainOf(
  attribution: Attribution,
  speaker: ResolvedSource,
  directory: SourceDirectory,
  publisher: ResolvedSource,
): { source: string; role: ChainRole }[] {
  if (speaker.slug === publisher.slug) return [{ source: publisher.slug, role: "speaker" }];
  const chain: { source: string; role: ChainRole }[] = [{ source: speaker.slug, role: "speaker" }];
  for (const carrier of attribution.via) {
    const source = directory.resolve(carrier, "report");
    if (!source || source.slug === publisher.slug || chain.some((l) => l.source === source.slug)) continue;
    chain.push({ source: source.slug, role: chain.length === 1 ? "reporter" : "relay" });
  }
  chain.push({ source: publisher.slug, role: "publisher" });
  return chain;
}

function addContrast(
  contrast: ContrastFinding,
  keyOf: Map<Attribution, string>,
  claims: SheetClaim[],
  add: (from: string, to: string, rule: string, reason: string, confidence: number) => void,
): void {
  const from = keyOf.get(contrast.before);
  const to = keyOf.get(contrast.after);
  if (!from || !to) return;
  const a = claims.find((c) => c.key === from)!;
  const b = claims.find((c) => c.key === to)!;
  if (a.chains[0]![0]!.source === b.chains[0]![0]!.source) return;
  add(
    from,
    to,
    "contrast_marker",
    `the text sets ${from} against ${to} with "${contrast.marker}" (${contrast.gloss})`,
    0.85,
  );
}

/** A denial and an assertion by different speakers on the same topic. */
function addOppositeStances(
  claims: SheetClaim[],
  proposals: ClaimProposal[],
  add: (from: string, to: string, rule: string, reason: string, confidence: number) => void,
): void {
  const words = new Map(claims.map((c) => [c.key, contentWords(c.quote)]));
  for (const denial of proposals.filter((p) => p.stance === "denies")) {
    const denied = claims.find((c) => c.key === denial.key)!;
    const own = words.get(denial.key)!;
    let matched = false;
    for (const other of proposals) {
      if (other.stance === "denies" || other.speaker.slug === denial.speaker.slug) continue;
      const overlap = topicOverlap(own, words.get(other.key)!);
      if (overlap < TOPIC_OVERLAP || sharedWords(own, words.get(other.key)!) < MIN_SHARED_WORDS) continue;
      matched = true;
      add(
        denial.key,
        other.key,
        "opposite_stance",
        `${denied.key} denies what ${other.key} asserts, on a shared topic (word overlap ${overlap.toFixed(2)})`,
        Math.round(overlap * 80) / 100,
      );
    }
    // "The army denied losing any aircraft": a denial of a gerund or noun phrase is too short to
    // share MIN_SHARED_WORDS with anything. It opposes the nearest claim of another source, just
    // before or after it, that shares a third of its words.
    if (matched || own.size > SHORT_DENIAL_WORDS) continue;
    const at = claims.findIndex((c) => c.key === denial.key);
    const near = [claims[at - 1], claims[at + 1]]
      .filter((c): c is SheetClaim => c !== undefined)
      .map((c) => proposals.find((p) => p.key === c.key)!)
      .find(
        (p) =>
          p.stance !== "denies" &&
          p.speaker.slug !== denial.speaker.slug &&
          sharedWords(own, words.get(p.key)!) >= 1 &&
          topicOverlap(own, words.get(p.key)!) >= 1 / MIN_SHARED_WORDS,
      );
    if (near)
      add(
        denial.key,
        near.key,
        "opposite_stance",
        `${denied.key} denies "${shorten(denied.quote, 60)}", the claim next to ${near.key} on its topic (shared ${[
          ...own,
        ]
          .filter((w) => words.get(near.key)!.has(w))
          .map((w) => `"${w}"`)
          .join(", ")})`,
        0.55,
      );
  }
}

/** A denial with at most this many content words is a short object ("losing any aircraft"), not a clause. */
const SHORT_DENIAL_WORDS = 5;

/** Rules whose two claims take opposite stances on one statement (not two different figures). */
const STANCE_RULES = new Set([
  "denial_of_report",
  "opposite_polarity",
  "contrast_connective",
  "opposite_stance",
  "contrast_marker",
]);

/**
 * Propositions for the contradiction candidates within the text: for each pair where one claim
 * denies and the other asserts (or hedges), the asserted content is the proposition both take a
 * stance on (`<article-slug>.<key>`, so keys never collide across articles), the denial "denies".
 * It rides on the relation's proposal, not in the sheet: a reviewer who rejects the relation must
 * not get it back as a contradiction derived from the stances on import. Conflicting figures get
 * no proposition: each side asserts its own number.
 */
function proposePropositions(
  articleSlug: string,
  claims: SheetClaim[],
  proposals: ClaimProposal[],
  relations: RelationProposal[],
): void {
  const stanceOf = (key: string) => proposals.find((p) => p.key === key)?.stance;
  for (const relation of relations) {
    if (relation.type !== "contradicts" || relation.to.includes("/") || !STANCE_RULES.has(relation.rule)) continue;
    const [a, b] = [relation.from, relation.to];
    const denier =
      stanceOf(a) === "denies" && stanceOf(b) !== "denies"
        ? a
        : stanceOf(b) === "denies" && stanceOf(a) !== "denies"
          ? b
          : null;
    if (!denier) continue;
    const asserted = claims.find((c) => c.key === (denier === a ? b : a))!;
    relation.proposition = {
      key: `${articleSlug}.${asserted.key}`,
      text: shorten(asserted.quote, 200),
      stances: [
        { claim: asserted.key, stance: stanceOf(asserted.key) === "hedges" ? "hedges" : "asserts" },
        { claim: denier, stance: "denies" },
      ],
    };
  }
}

const OUTLETS = new Set<SourceKind>(["news_agency", "broadcaster", "newspaper", "publisher"]);

/**
 * The claim's kind: the cue's, except that what an outlet states is a report and what someone
 * who is not an outlet "reports" first-hand is a statement; a content that denies makes a denial.
 */
function claimKind(attribution: Attribution, speaker: ResolvedSource, chainLength: number): SheetClaim["kind"] {
  const kind = attribution.cue.entry.kind;
  if (attribution.stance === "denies") return "denial";
  if (OUTLETS.has(speaker.kind)) return kind === "statement" ? "report" : kind;
  if (kind === "report" && chainLength === 2 && speaker.kind !== "government") return "statement";
  return kind;
}

function toSheetSource(source: ResolvedSource): SheetSource {
  return {
    slug: source.slug,
    name: source.name,
    names: [...new Set(source.names)],
    kind: source.kind,
    country: null,
    stateControlled: false,
    affiliation: null,
    description: `Proposed by extraction: ${source.reason}`,
  };
}

/** The publisher: given by slug (stored or proposed), or named in a dateline, else a placeholder. */
function resolvePublisher(
  text: string,
  options: ExtractOptions,
  directory: SourceDirectory,
  warnings: string[],
): ResolvedSource {
  if (options.publisher) {
    return (
      directory.knownBySlug(options.publisher) ??
      directory.propose(options.publisher, "publisher", "publisher given by slug, not stored yet", options.publisher)
    );
  }
  const head = text.slice(0, 400);
  const dateline =
    /[—–]\s*([^\n—–]{2,60}?)\s*(?:\n|$)/.exec(head) ?? /^[^\n(]{0,60}\(([A-Z][\w .&-]{1,30})\)\s*[—–-]/m.exec(head);
  if (dateline) {
    const start = head.indexOf(dateline[1]!);
    const resolved = directory.resolve({ start, end: start + dateline[1]!.length, text: dateline[1]! }, "report");
    if (resolved) {
      if (!resolved.known)
        resolved.kind = resolved.kind === "government" || resolved.kind === "group" ? "publisher" : resolved.kind;
      warnings.push(`publisher "${resolved.slug}" guessed from the dateline "${dateline[1]}": check it`);
      return resolved;
    }
  }
  warnings.push(
    'no publisher given or found: a placeholder source "unknown-publisher" stands in; replace it before import',
  );
  return directory.propose("Unknown publisher", "publisher", "placeholder: no publisher given", "unknown-publisher");
}

function titleOf(text: string): string {
  const first = text.split("\n").find((line) => line.trim().length > 0) ?? "Untitled";
  return shorten(first.trim(), 120);
}

function articleSlug(text: string, title: string | undefined): string {
  const base = title ? slugify(title).slice(0, 40).replace(/-+$/, "") : "article";
  return `${base}-${sha256Hex(text).slice(0, 8)}`;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Thai month abbreviations, January first. */
const THAI_MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];

/**
 * When the article was published: an English dateline with its year, a Thai one ("4 มี.ค.",
 * "4 มี.ค. 67", "4 มี.ค. 2567", Buddhist era read as such) whose missing year is inferred as the
 * latest such day not after today (with a warning saying so), else now (with a warning).
 */
function publicationDate(text: string, now: () => Date, warnings: string[]): string {
  const english = datelineOf(text);
  if (english) return english;
  const head = text.slice(0, 300);
  const months = THAI_MONTHS.map((m) => m.replace(/\./g, "\\.")).join("|");
  const thai = new RegExp(`(\\d{1,2})\\s*(${months})(?:\\s*(\\d{4}|\\d{2})(?!\\d))?`).exec(head);
  const pad = (n: number) => String(n).padStart(2, "0");
  if (thai) {
    const day = Number(thai[1]);
    const month = THAI_MONTHS.indexOf(thai[2]!) + 1;
    let year: number;
    if (thai[3]) {
      year = Number(thai[3]);
      if (year < 100) year += year >= 40 ? 2500 : 2000; // "67" is 2567 BE; "24" is 2024
      if (year > 2400) year -= 543;
    } else {
      const today = now();
      year = today.getUTCFullYear();
      if (Date.UTC(year, month - 1, day) > today.getTime() + 86_400_000) year--;
      warnings.push(
        `the dateline "${thai[0]}" gives no year: ${year} inferred (the latest such day not after today); check it`,
      );
    }
    return `${year}-${pad(month)}-${pad(day)}T00:00:00+07:00`;
  }
  warnings.push("no dateline found: the publication time is set to now; check it");
  return now().toISOString();
}

/** A dateline such as "September 20, 2023 12:14" near the top of the text, read as UTC. */
function datelineOf(text: string): string | null {
  const m =
    /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s+(\d{4})(?:\s+(\d{1,2}):(\d{2}))?/i.exec(
      text.slice(0, 600),
    );
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
  const pad = (n: number | string) => String(n).padStart(2, "0");
  return `${m[3]}-${pad(month)}-${pad(m[2]!)}T${pad(m[4] ?? 0)}:${pad(m[5] ?? 0)}:00Z`;
}
