/**
 * Stance markers inside a claim's content. A negation in the content of an assertion does not
 * make it a denial by itself ("X said Y did not ...": the stance is on Y's act); denial comes from
 * the cue (ปฏิเสธ, denied). Hedges in the content turn an assertion into a hedged claim.
 */

/** Thai hedges: may, might, probably, expected, seems, reportedly. */
export const THAI_HEDGES: readonly string[] = [
  "อาจจะ",
  "อาจ",
  "น่าจะ",
  "คาดว่า",
  "คาดการณ์ว่า",
  "ดูเหมือน",
  "เป็นไปได้",
  "มีแนวโน้ม",
  "อาจเป็น",
];

/** English hedges, matched as whole words. */
export const ENGLISH_HEDGES: readonly string[] = [
  "may",
  "might",
  "could",
  "possibly",
  "probably",
  "likely",
  "reportedly",
  "allegedly",
  "apparently",
  "appears",
  "seems",
  "perhaps",
];

/**
 * Marks of a negative claim: it says something did not happen, does not exist or is untrue.
 * Bare "ไม่" is left out: it negates adjectives too often ("ไม่เพียงพอ": insufficient).
 */
export const THAI_NEGATIVE_MARKERS: readonly string[] = [
  "ไม่เป็นความจริง",
  "ไม่มีมูล",
  "ไม่ใช่ความจริง",
  "ข่าวเท็จ",
  "ยังไม่มี",
  "ไม่มี",
  "ยังไม่ได้",
  "ไม่ได้",
  "มิได้",
  "ไม่พบ",
  "ไม่เคย",
  "ไม่ใช่",
];

/** Thai marks that call something said untrue: a claim holding one is a denial. */
export const THAI_FALSITY_MARKERS: readonly string[] = [
  "ไม่เป็นความจริง",
  "ไม่มีมูล",
  "ไม่ใช่ความจริง",
  "ข่าวเท็จ",
  "บิดเบือน",
  "เกินจริง",
  "คลาดเคลื่อน",
  "ไม่ถูกต้อง",
];

/** English marks of a negative claim, matched as whole words. */
export const ENGLISH_NEGATIVE_MARKERS: readonly string[] = [
  "no",
  "not",
  "never",
  "nobody",
  "none",
  "no one",
  "n't",
  "untrue",
  "false",
  "baseless",
  "unfounded",
  "fabricated",
  "unrealistic",
  "inaccurate",
  "misleading",
  "incorrect",
  "wrong",
  "exaggerated",
  "overstated",
  "overblown",
  "too gloomy",
  "too pessimistic",
  "too optimistic",
  "too high",
  "too low",
];

/** English marks that call something said untrue. */
export const ENGLISH_FALSITY_MARKERS: readonly string[] = [
  "not true",
  "untrue",
  "false",
  "baseless",
  "unfounded",
  "fabricated",
  "inaccurate",
  "misleading",
  "incorrect",
  "wrong",
  "exaggerated",
  "overstated",
  "overblown",
  "too gloomy",
  "too pessimistic",
  "too optimistic",
  "too high",
  "too low",
];
