import { codePointOffset } from "../text/codePoints.js";

/**
 * What a search query means, the same on every engine: a substring, found in Thai (no spaces
 * between words) and Latin text alike, ignoring case for Latin letters. Indexes take three
 * characters or more (trigrams); shorter queries are answered by a bounded scan.
 */
export const SHORTEST_INDEXED_QUERY = 3;

/** Honorifics a name is stored with or typed with, ignored by the sources directory. */
const HONORIFICS = [
  "นางสาว",
  "นาย",
  "นาง",
  "น.ส.",
  "ดร.",
  "mr.",
  "mr",
  "mrs.",
  "mrs",
  "ms.",
  "ms",
  "miss",
  "dr.",
  "dr",
  "sir",
] as const;

/** The query's code-point length (Thai marks count: they are code points of their own). */
export function queryLength(query: string): number {
  let length = 0;
  for (const _ of query) length++;
  return length;
}

/** Whether the query is long enough for the trigram indexes. */
export function isIndexedQuery(query: string): boolean {
  return queryLength(query) >= SHORTEST_INDEXED_QUERY;
}

/**
 * Case folding that keeps every UTF-16 index where it was: each character is lower-cased only
 * when that leaves its length alone ("İ" lower-cases to two units and is kept as it is), so an
 * index found in the folded text is an index into the original.
 */
export function foldCase(text: string): string {
  if (!/[^\p{Ll}\p{Lo}\p{M}\p{N}\p{P}\p{Z}\p{S}]/u.test(text)) return text;
  let out = "";
  for (const char of text) {
    const lower = char.toLowerCase();
    out += lower.length === char.length ? lower : char;
  }
  return out;
}

/** The query as the directory compares it with names: folded, without a leading honorific. */
export function nameQuery(query: string): string {
  const folded = foldCase(query.trim());
  for (const honorific of HONORIFICS) {
    if (!folded.startsWith(honorific)) continue;
    const rest = folded.slice(honorific.length);
    // Latin honorifics are words ("Mr Peskov", not "Mrs" read as "Mr" + "s"); Thai ones run on.
    if (/^[a-z]/.test(honorific) && !/^[\s.]/.test(rest) && !honorific.endsWith(".")) continue;
    const name = rest.trim();
    if (name.length > 0) return name;
  }
  return folded;
}

/** Where the query first occurs in the text, in code points, end exclusive; null when it does not. */
export function findSpan(text: string, query: string): { start: number; end: number } | null {
  const folded = foldCase(query);
  const at = foldCase(text).indexOf(folded);
  if (at === -1) return null;
  const start = codePointOffset(text, at);
  return { start, end: start + queryLength(folded) };
}

/** The query as one FTS5 phrase: a substring match, whatever quotes or operators it contains. */
export function ftsPhrase(query: string): string {
  return `"${query.replaceAll('"', '""')}"`;
}

/** The query as a LIKE pattern for a substring, with `\` as the escape character. */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
