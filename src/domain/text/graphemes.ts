const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Whether a UTF-16 index falls between two graphemes: a Thai vowel or tone mark belongs with
 * its base consonant, so a span may not start or end between them.
 */
export function isGraphemeBoundary(text: string, utf16: number): boolean {
  if (utf16 <= 0 || utf16 >= text.length) return utf16 === 0 || utf16 === text.length;
  const segment = graphemes.segment(text).containing(utf16);
  return segment !== undefined && segment.index === utf16;
}

/** Cuts `text` to at most `max` graphemes, adding an ellipsis when something was cut. */
export function truncateGraphemes(text: string, max: number): string {
  const parts: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (parts.length === max) return parts.join("") + "…";
    parts.push(segment);
  }
  return text;
}
