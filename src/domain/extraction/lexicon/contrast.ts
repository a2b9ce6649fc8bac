/**
 * Contrast markers: a phrase that sets what comes before it against what follows ("X denied A,
 * which runs counter to Kyodo's report that B"). A claim before the marker and a claim whose
 * attribution follows it in the same sentence become a contradiction candidate.
 */
export interface ContrastMarker {
  form: string;
  /** English meaning, used in the proposed rationale. */
  gloss: string;
}

export const THAI_CONTRAST_MARKERS: readonly ContrastMarker[] = [
  { form: "สวนทางกับ", gloss: "runs counter to" },
  { form: "ขัดแย้งกับ", gloss: "contradicts" },
  { form: "ตรงข้ามกับ", gloss: "is the opposite of" },
  { form: "แย้งกับ", gloss: "disputes" },
  { form: "ค้านกับ", gloss: "contradicts" },
  { form: "แม้จะมีรายงาน", gloss: "despite reports" },
  { form: "แม้ว่าจะมีรายงาน", gloss: "despite reports" },
];

export const ENGLISH_CONTRAST_MARKERS: readonly ContrastMarker[] = [
  { form: "contrary to", gloss: "contrary to" },
  { form: "despite reports", gloss: "despite reports" },
  { form: "contradicting", gloss: "contradicting" },
  { form: "contradicts", gloss: "contradicts" },
  { form: "in contrast to", gloss: "in contrast to" },
  { form: "at odds with", gloss: "at odds with" },
  { form: "runs counter to", gloss: "runs counter to" },
  { form: "disputing", gloss: "disputing" },
];
