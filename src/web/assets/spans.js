// @ts-check
// Claim spans are code-point offsets (what the API stores); JavaScript strings index UTF-16 code
// units. For Thai the two agree, but one emoji or flag before a quote shifts every later offset,
// so every cut goes through codePointOffsets.

/**
 * For each code-point offset 0..n of `text`, the UTF-16 index it starts at.
 * @param {string} text
 * @returns {number[]}
 */
export function codePointOffsets(text) {
  const offsets = [0];
  let index = 0;
  for (const character of text) {
    index += character.length;
    offsets.push(index);
  }
  return offsets;
}

/**
 * @template {{ start: number, end: number }} S
 * @typedef {{ text: string, spans: S[] }} Run
 */

/**
 * Cuts `text` into runs at every span boundary; each run lists the spans that cover it (none for
 * text between quotes). Spans may nest or overlap. Offsets are code points, end exclusive.
 * @template {{ start: number, end: number }} S
 * @param {string} text
 * @param {S[]} spans
 * @returns {Run<S>[]}
 */
export function cutIntoRuns(text, spans) {
  const offsets = codePointOffsets(text);
  const length = offsets.length - 1;
  const clamp = (/** @type {number} */ at) => Math.max(0, Math.min(length, at));
  const valid = spans.filter((span) => clamp(span.start) < clamp(span.end));
  const cuts = [...new Set([0, length, ...valid.flatMap((span) => [clamp(span.start), clamp(span.end)])])].sort(
    (a, b) => a - b,
  );
  /** @type {Run<S>[]} */
  const runs = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = /** @type {number} */ (cuts[i]);
    const to = /** @type {number} */ (cuts[i + 1]);
    runs.push({
      text: text.slice(offsets[from], offsets[to]),
      spans: valid.filter((span) => clamp(span.start) <= from && clamp(span.end) >= to),
    });
  }
  return runs;
}

/**
 * The text a code-point span covers.
 * @param {string} text
 * @param {{ start: number, end: number }} span
 */
export function sliceSpan(text, span) {
  const offsets = codePointOffsets(text);
  return text.slice(offsets[span.start], offsets[span.end]);
}
