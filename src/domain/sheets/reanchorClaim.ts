import { codePointLength, findCodePointOffsets, sliceCodePoints, utf16Index } from "../text/codePoints.js";
import { isGraphemeBoundary } from "../text/graphemes.js";

/** Code points of context on each side of a quote that pick among its occurrences in a new body. */
export const CONTEXT_CODE_POINTS = 32;

export interface Anchor {
  quote: string;
  start: number;
  end: number;
}

/**
 * Where a claim's quote sits in a corrected body. The exact quote at its old offsets stays
 * there; a quote found once elsewhere moves there; found several times, the occurrence whose
 * surrounding text best matches the old prefix and suffix wins (nearest to the old offset on a
 * tie); not found (or only inside a grapheme), null: the claim is orphaned, its offsets kept.
 */
export function reanchorClaim(oldBody: string, newBody: string, claim: Anchor): Anchor | null {
  const length = codePointLength(claim.quote);
  const onBoundaries = (start: number) =>
    isGraphemeBoundary(newBody, utf16Index(newBody, start)) &&
    isGraphemeBoundary(newBody, utf16Index(newBody, start + length));
  const found = findCodePointOffsets(newBody, claim.quote).filter(onBoundaries);
  if (found.length === 0) return null;
  if (found.includes(claim.start)) return claim;
  const prefix = sliceCodePoints(oldBody, Math.max(0, claim.start - CONTEXT_CODE_POINTS), claim.start);
  const suffix = sliceCodePoints(oldBody, claim.end, claim.end + CONTEXT_CODE_POINTS);
  const score = (start: number) =>
    commonSuffixLength(prefix, sliceCodePoints(newBody, Math.max(0, start - CONTEXT_CODE_POINTS), start)) +
    commonPrefixLength(suffix, sliceCodePoints(newBody, start + length, start + length + CONTEXT_CODE_POINTS));
  let best = found[0]!;
  for (const start of found.slice(1)) {
    const better = score(start) - score(best) || Math.abs(best - claim.start) - Math.abs(start - claim.start);
    if (better > 0) best = start;
  }
  return { quote: claim.quote, start: best, end: best + length };
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
