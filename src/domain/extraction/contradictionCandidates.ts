import {
  ENGLISH_CONTRAST_CONNECTIVES,
  ENGLISH_NUMBER_WORDS,
  ENGLISH_REPORT_ANAPHORS,
  FIGURE_TOPICS,
  NUMBER_SCALES,
  THAI_CONTRAST_CONNECTIVES,
  THAI_REPORT_ANAPHORS,
  ZERO_FIGURES,
} from "./lexicon/contrast.js";
import {
  ENGLISH_FALSITY_MARKERS,
  ENGLISH_NEGATIVE_MARKERS,
  ENGLISH_NOT_YET,
  ENGLISH_UNDETERMINED,
  THAI_FALSITY_MARKERS,
  THAI_MARKER_COMPOUNDS,
  THAI_NEGATIVE_MARKERS,
  THAI_NOT_YET,
  THAI_UNDETERMINED,
} from "./lexicon/stance.js";
import { escapeRegExp } from "./sources.js";

/** A proposed claim as the contradiction rules see it. */
export interface CandidateClaim {
  key: string;
  quote: string;
  /** Code-unit range of the claim and of its attribution (speaker and cue) in the text. */
  start: number;
  end: number;
  frameStart: number;
  speaker: string;
  /** Every name of the speaker (for a denial that names whose report it denies). */
  speakerNames: string[];
  denies: boolean;
  /** What the claim's cue denies, when the text names it ("denied the report"). */
  deniedObject: string | null;
}

export interface Candidate {
  from: string;
  to: string;
  rule: "denial_of_report" | "opposite_polarity" | "contrast_connective" | "conflicting_numbers";
  reason: string;
  confidence: number;
}

const englishMarker = (forms: readonly string[]) =>
  new RegExp(`(?:^|[^A-Za-z])(?:${forms.map(escapeRegExp).join("|")})(?![A-Za-z])`, "i");
const EN_NEGATIVE = englishMarker(ENGLISH_NEGATIVE_MARKERS);
const EN_FALSITY = englishMarker(ENGLISH_FALSITY_MARKERS);

const EN_UNDETERMINED = new RegExp(`\\b(?:${ENGLISH_UNDETERMINED.map(escapeRegExp).join("|")})\\b`, "gi");
const EN_NOT_YET = new RegExp(`\\b(?:${ENGLISH_NOT_YET.map(escapeRegExp).join("|")})\\b`, "gi");

/**
 * The claim with what carries no negation for the rules blanked out: an undetermined form ("not
 * yet decided", "ยังไม่ยืนยัน": the matter is open, not denied) and a word that only holds a mark
 * (ไม่จริงใจ).
 */
function withoutUndetermined(quote: string, language: "th" | "en"): string {
  if (language === "en") return quote.replace(EN_UNDETERMINED, " ");
  return [...THAI_UNDETERMINED, ...THAI_MARKER_COMPOUNDS].reduce((q, u) => q.replaceAll(u, " "), quote);
}

/** The negation or falsity word a claim holds, if any. */
export function negativeMark(quote: string, language: "th" | "en"): string | null {
  const q = withoutUndetermined(quote, language);
  if (language === "th") return THAI_NEGATIVE_MARKERS.find((m) => q.includes(m)) ?? null;
  return EN_NEGATIVE.exec(q)?.[0].replace(/^[^A-Za-z]/, "") ?? null;
}

/**
 * Whether a claim's only negation is "not yet" (ยังไม่มีแผน, "has not yet paid"): a state not
 * reached yet. It opposes a claim on the same proposition, not one that merely shares a word.
 */
function onlyNotYet(quote: string, language: "th" | "en"): boolean {
  const q = withoutUndetermined(quote, language);
  const rest = language === "th" ? q.replaceAll(THAI_NOT_YET, " ") : q.replace(EN_NOT_YET, " ");
  return rest !== q && negativeMark(rest, language) === null;
}

/** Whether a claim calls something said untrue ("not true", "ไม่เป็นความจริง"). */
export function callsUntrue(quote: string, language: "th" | "en"): boolean {
  const q = withoutUndetermined(quote, language);
  return language === "th" ? THAI_FALSITY_MARKERS.some((m) => q.includes(m)) : EN_FALSITY.test(q);
}

/** Numbers in a claim that are counts or amounts (not years), with the word after each (its unit). */
function amounts(quote: string): { n: string; unit: string }[] {
  // A number glued to a name ("Geran-25", "F16") is part of the name, not a figure.
  return [...quote.matchAll(/(?<![\p{L}\d-])(\d[\d,.]*)\s*(%|[^\s\d,.;:()"]*)(?:\s+([^\s\d,.;:()"]+))?/gu)]
    .map((m) => {
      let unit = m[2] ?? "";
      if (NUMBER_SCALES.includes(unit.toLowerCase()) && m[3]) unit = m[3];
      return { n: m[1]!.replace(/[,.]$/, ""), unit: unit.toLowerCase().replace(/s$/, "") };
    })
    .filter((a) => !/^(?:19|20)\d\d$/.test(a.n));
}

const NUMBER_WORD = new RegExp(`\\b(${Object.keys(ENGLISH_NUMBER_WORDS).join("|")})\\b`, "gi");

/**
 * The figures of a claim on a figure topic, words included: digits, English number words, and
 * nought for "no one was killed" / "ไม่มีผู้เสียชีวิต".
 */
function figures(quote: string, language: "th" | "en"): { n: string; unit: string }[] {
  const out = amounts(quote);
  if (!FIGURE_TOPICS.some((t) => t[language].test(quote))) return out;
  if (language === "en")
    for (const m of quote.matchAll(NUMBER_WORD)) out.push({ n: ENGLISH_NUMBER_WORDS[m[1]!.toLowerCase()]!, unit: "" });
  if (ZERO_FIGURES[language].test(quote)) out.push({ n: "0", unit: "" });
  return out;
}

/** Two figures can be in conflict only when they count the same thing (or one does not say). */
function sameMeasure(a: { unit: string }[], b: { unit: string }[]): boolean {
  return a.some((x) => b.some((y) => x.unit === "" || y.unit === "" || x.unit === y.unit));
}

/** The figure topics two claims both touch ("casualties"). */
function figureTopics(a: string, b: string, language: "th" | "en"): string[] {
  return FIGURE_TOPICS.filter((t) => t[language].test(a) && t[language].test(b)).map((t) => t.topic);
}

/**
 * Contradiction candidates between the claims of one text, each with its rule and evidence:
 * - denial_of_report: a denial whose object or content points back at a report ("rejected those
 *   claims", "ข้อกล่าวหาดังกล่าวไม่เป็นความจริง") against the report it points at;
 * - contrast_connective: two sources joined by "while"/"ขณะที่" on a shared topic, one negative;
 * - opposite_polarity: a negative claim against the nearest claim of another source on its topic;
 * - conflicting_numbers: two sources giving different figures on a shared topic.
 * `words` gives each claim's content words (for topic overlap).
 */
export function contradictionCandidates(
  text: string,
  claims: CandidateClaim[],
  language: "th" | "en",
  words: (quote: string) => Set<string>,
): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (a: CandidateClaim, b: CandidateClaim, rule: Candidate["rule"], reason: string, confidence: number) => {
    const pair = [a.key, b.key].sort().join(":");
    if (a.key === b.key || a.speaker === b.speaker || seen.has(pair)) return;
    seen.add(pair);
    out.push({ from: a.key, to: b.key, rule, reason, confidence });
  };
  const wordsOf = new Map(claims.map((c) => [c.key, words(c.quote)]));
  const shared = (a: CandidateClaim, b: CandidateClaim) =>
    [...wordsOf.get(a.key)!].filter((w) => wordsOf.get(b.key)!.has(w));
  const anaphor = language === "th" ? THAI_REPORT_ANAPHORS : ENGLISH_REPORT_ANAPHORS;
  const connectives = language === "th" ? THAI_CONTRAST_CONNECTIVES : ENGLISH_CONTRAST_CONNECTIVES;
  const earlier = (c: CandidateClaim) =>
    claims.filter((o) => o.end <= c.frameStart + 1 && o.speaker !== c.speaker).reverse();

  for (const claim of claims) {
    const negative = negativeMark(claim.quote, language);
    // A denial that points back at a report: the object its cue denies, or an anaphor in what it says.
    // The content with its frame: "said that figure was not true" keeps the anaphor's determiner.
    const framed = text.slice(claim.frameStart, claim.end);
    const pointer = claim.deniedObject ?? (negative || claim.denies ? anaphor.exec(framed)?.[0] : null);
    if ((claim.denies || negative) && pointer) {
      const before = earlier(claim);
      // "รายงานของเอพี", "คำกล่าวของนายกเทศมนตรี", "Vale's claims": the one whose report it is.
      const owner =
        /(?:ของ|by |from )\s*(.+)$/.exec(pointer)?.[1] ?? /^(?:the\s+)?(.+?)['’]s\b/.exec(pointer)?.[1] ?? null;
      const named = before.find((o) =>
        o.speakerNames.some(
          (n) => n.length >= 2 && (pointer.includes(n) || (owner !== null && owner.length >= 2 && n.includes(owner))),
        ),
      );
      const target = named ?? before[0];
      if (target)
        add(
          claim,
          target,
          "denial_of_report",
          `rule denial_of_report: ${claim.key} denies "${pointer}", which points back at ${target.key}${named ? ` (it names ${target.speaker})` : " (the latest claim of another source)"}`,
          named ? 0.85 : 0.75,
        );
    }
  }
  for (let i = 0; i < claims.length; i++) {
    const b = claims[i]!;
    const a = earlier(b)[0];
    if (!a) continue;
    const common = shared(a, b);
    const negA = negativeMark(a.quote, language);
    const negB = negativeMark(b.quote, language);
    const between = text.slice(a.end, b.frameStart);
    const connective = connectives.find((c) =>
      language === "th" ? between.includes(c) : new RegExp(`\\b${c}\\b`, "i").test(between),
    );
    const numsB = figures(b.quote, language);
    // Figures are compared with every earlier claim of another source on the same measure, not only the nearest.
    for (const o of numsB.length > 0 ? earlier(b) : []) {
      const numsO = figures(o.quote, language);
      const topic = [...shared(o, b), ...figureTopics(o.quote, b.quote, language)];
      if (numsO.length === 0 || topic.length === 0 || !sameMeasure(numsO, numsB)) continue;
      if (numsO.some((x) => numsB.some((y) => x.n === y.n))) break;
      add(
        b,
        o,
        "conflicting_numbers",
        `rule conflicting_numbers: ${b.key} gives ${numsB.map((x) => x.n).join(", ")} where ${o.key} gives ${numsO.map((x) => x.n).join(", ")}; shared ${topic.map((w) => `"${w}"`).join(", ")}`,
        0.7,
      );
      break;
    }
    const evidence = `shared ${common.map((w) => `"${w}"`).join(", ")}`;
    if (common.length === 0) continue;
    // A "not yet" claim needs more than one shared word: "ยังไม่มีแผนขึ้นภาษี" against "ได้ศึกษาอัตราภาษี"
    // shares a topic, not a proposition.
    const notYet = (negA ? onlyNotYet(a.quote, language) : false) || (negB ? onlyNotYet(b.quote, language) : false);
    if (notYet && common.length < 2) continue;
    if (Boolean(negA) !== Boolean(negB) && (b.denies || a.denies || negA || negB)) {
      const neg = negA ? a : b;
      add(
        b,
        a,
        connective ? "contrast_connective" : "opposite_polarity",
        `rule ${connective ? "contrast_connective" : "opposite_polarity"}: ${neg.key} says "${negA ?? negB}" where ${neg === a ? b.key : a.key} asserts${connective ? `, joined by "${connective}"` : ""}; ${evidence}`,
        connective ? 0.7 : 0.6,
      );
    } else if (connective && language === "en" && /\binsist/i.test(text.slice(b.frameStart, b.start)))
      add(
        b,
        a,
        "contrast_connective",
        `rule contrast_connective: ${b.key} insists against ${a.key}, joined by "${connective}"; ${evidence}`,
        0.6,
      );
  }
  return out;
}
