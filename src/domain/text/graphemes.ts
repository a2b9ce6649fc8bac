const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Whether a UTF-16 index falls between two graphemes: a Thai vowel or tone mark belongs with
 * its base consonant, so a span may not start or end between them.
 */
export function isGraphemeBoundary(text: string, utf16: number): boolean {
  if (utf16 <= 0 || utf16 >= text.length) return utf16 === 0 || utf16 === text.length;
  // No rule of UAX #29 joins two printable ASCII characters (every joining rule needs a control,
  // a mark, a joiner, a Hangul jamo, a prepended or regional-indicator character on one side).
  if (isPrintableAscii(text.charCodeAt(utf16 - 1)) && isPrintableAscii(text.charCodeAt(utf16))) return true;
  const segment = segmentsOf(text).containing(utf16);
  return segment !== undefined && segment.index === utf16;
}

const isPrintableAscii = (unit: number) => unit >= 0x20 && unit <= 0x7e;

// Checking a claim sheet asks about a hundred offsets of the same body; segmenting it afresh
// for each (a copy of the body into ICU) was most of the sheet's validation.
let lastText: string | undefined;
let lastSegments: Intl.Segments | undefined;

function segmentsOf(text: string): Intl.Segments {
  if (text !== lastText || lastSegments === undefined) {
    lastText = text;
    lastSegments = graphemes.segment(text);
  }
  return lastSegments;
}

/** Cuts `text` to at most `max` graphemes, adding an ellipsis when something was cut. */
export function truncateGraphemes(text: string, max: number): string {
  const parts: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (parts.length === max) return `${parts.join("")}…`;
    parts.push(segment);
  }
  return text;
}
