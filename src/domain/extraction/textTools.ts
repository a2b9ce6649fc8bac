import { THAI_ABBREVIATIONS } from "./lexicon/connectives.js";
import type { TextRange } from "./types.js";

const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });
const words = new Intl.Segmenter("th", { granularity: "word" });

export const OPENING_QUOTES = new Set(['"', "“", "‘", "«", "「"]);
export const CLOSING_QUOTE: Record<string, string> = { '"': '"', "“": "”", "‘": "’", "«": "»", "「": "」" };

/** Paragraphs of the text: ranges between line breaks, blank ones left out. */
export function paragraphs(text: string): TextRange[] {
  const out: TextRange[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim().length > 0) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Ranges inside quotation marks (the marks excluded), within one paragraph. */
export function quotedRanges(text: string, within: TextRange): TextRange[] {
  const out: TextRange[] = [];
  for (let i = within.start; i < within.end; i++) {
    const open = text[i]!;
    if (!OPENING_QUOTES.has(open)) continue;
    const close = text.indexOf(CLOSING_QUOTE[open]!, i + 1);
    if (close === -1 || close >= within.end) continue;
    out.push({ start: i + 1, end: close });
    i = close;
  }
  return out;
}

export const inside = (at: number, ranges: TextRange[]) => ranges.some((r) => at >= r.start && at < r.end);

/** Moves a UTF-16 index back to the nearest grapheme boundary (never inside a Thai vowel or tone mark). */
export function snapToGrapheme(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(at, text.length));
  // Segment a window, not the whole text: containing() walks from the start of what it segments.
  const from = Math.max(0, at - 32);
  const segment = graphemes.segment(text.slice(from, Math.min(text.length, at + 32))).containing(at - from);
  return segment ? from + segment.index : at;
}

/** Trims spaces and the given punctuation from both ends of a range. */
export function trimRange(text: string, range: TextRange, extra = ""): TextRange {
  const strip = (c: string) => /\s/.test(c) || extra.includes(c);
  let { start, end } = range;
  while (start < end && strip(text[start]!)) start++;
  while (end > start && strip(text[end - 1]!)) end--;
  return { start, end };
}

/** Whether a full stop at `at` ends an abbreviation (ปธน., ก.ย., Mr.) rather than a sentence. */
export function isAbbreviationStop(
  text: string,
  at: number,
  abbreviations: readonly string[] = THAI_ABBREVIATIONS,
): boolean {
  return abbreviations.some((abbr) => abbr.endsWith(".") && text.startsWith(abbr, at - abbr.length + 1));
}

/** ICU word segments of a string (boundaries only: it mangles transliterated names). */
export function wordSegments(text: string): { segment: string; index: number; isWordLike: boolean }[] {
  return [...words.segment(text)].map((s) => ({
    segment: s.segment,
    index: s.index,
    isWordLike: s.isWordLike ?? false,
  }));
}

/** Whether a string has Thai letters. */
export const hasThai = (text: string) => /[\u0E00-\u0E7F]/.test(text);

/** Guesses the language of a text: "th" when a tenth of its letters are Thai. */
export function detectLanguage(text: string): "th" | "en" {
  const thai = (text.match(/[\u0E00-\u0E7F]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return thai > 0 && thai >= (thai + latin) / 10 ? "th" : "en";
}

const LEADING_VOWELS = "เแโใไ";
const COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

/**
 * Whether a Thai word matched at `at` can start and end a word there: not right after a leading
 * vowel (which belongs to the next consonant: "อาจ" inside "เอาจริง") and not cut before a
 * combining vowel or tone mark.
 */
export function isThaiWordAt(text: string, at: number, length: number): boolean {
  if (at > 0 && LEADING_VOWELS.includes(text[at - 1]!)) return false;
  const next = text[at + length];
  return next === undefined || !COMBINING.test(next);
}

/**
 * The first occurrence of a Thai word in `text` that sits on word edges (see isThaiWordAt) and
 * does not follow one of `notAfter` (nominal prefixes: เป็นไปได้ inside ความเป็นไปได้ is a noun).
 */
export function findThaiWord(text: string, word: string, notAfter: readonly string[] = []): number {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1))
    if (isThaiWordAt(text, at, word.length) && !notAfter.some((p) => text.startsWith(p, at - p.length))) return at;
  return -1;
}
