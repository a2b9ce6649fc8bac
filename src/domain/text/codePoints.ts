/**
 * Claim spans are offsets in Unicode code points, not UTF-16 units: the two agree for Thai
 * (all in the Basic Multilingual Plane) but not once an emoji or other astral character appears.
 */

/** The code-point length of a string. */
export function codePointLength(text: string): number {
  if (!/[\ud800-\udfff]/.test(text)) return text.length;
  let length = 0;
  for (const _ of text) length++;
  return length;
}

// Checking a claim sheet converts a hundred offsets into the same body, and walking it each
// time made validation the import's largest cost. Most bodies (Thai, English) have no astral
// character, where code points and UTF-16 units agree: remember that for the last text seen.
let lastText: string | undefined;
let lastTextHasSurrogates = false;

function hasSurrogates(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastTextHasSurrogates = /[\ud800-\udfff]/.test(text);
  }
  return lastTextHasSurrogates;
}

/** Converts a code-point offset into a UTF-16 index into `text` (clamped to its end). */
export function utf16Index(text: string, codePointOffset: number): number {
  if (!(codePointOffset > 0)) return 0;
  if (!hasSurrogates(text)) return Math.min(Math.ceil(codePointOffset), text.length);
  let index = 0;
  let seen = 0;
  while (seen < codePointOffset && index < text.length) {
    const unit = text.charCodeAt(index);
    index += unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length ? 2 : 1;
    seen++;
  }
  return index;
}

/** Converts a UTF-16 index into `text` into a code-point offset. */
export function codePointOffset(text: string, utf16: number): number {
  return codePointLength(text.slice(0, utf16));
}

/** `text.slice(start, end)` with code-point offsets. */
export function sliceCodePoints(text: string, start: number, end?: number): string {
  const from = utf16Index(text, start);
  return end === undefined ? text.slice(from) : text.slice(from, utf16Index(text, end));
}

/** Every code-point offset at which `quote` occurs in `text`. */
export function findCodePointOffsets(text: string, quote: string): number[] {
  if (quote.length === 0) return [];
  const offsets: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    offsets.push(codePointOffset(text, at));
  }
  return offsets;
}
