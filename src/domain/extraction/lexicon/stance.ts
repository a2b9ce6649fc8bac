/**
 * Stance markers inside a claim's content. A negation in the content of an assertion does not
 * make it a denial by itself ("X said Y did not ...": the stance is on Y's act); denial comes from
 * the cue (ปฏิเสธ, denied). Hedges in the content turn an assertion into a hedged claim.
 */

/**
 * "Not yet decided", "ยังไม่ยืนยัน": the speaker says the matter is still open. Such a claim
 * neither asserts nor denies what is undecided: it is hedged, and its negation does not make it
 * a negative claim (so it is no denial of a report that the thing was decided or confirmed).
 */
export const THAI_UNDETERMINED: readonly string[] = [
  "ยังไม่ได้ตัดสินใจ",
  "ยังไม่ตัดสินใจ",
  "ยังไม่ได้ข้อสรุป",
  "ยังไม่มีข้อสรุป",
  "ยังไม่ได้สรุป",
  "ยังไม่สรุป",
  "ยังไม่ได้รับการยืนยัน",
  "ยังไม่มีการยืนยัน",
  "ยังไม่สามารถยืนยัน",
  "ยังไม่ได้ยืนยัน",
  "ยังไม่ยืนยัน",
  "ยังไม่ทราบ",
  "ยังไม่ชัดเจน",
  "ยังไม่แน่ชัด",
  "ยังไม่แน่ใจ",
  "ยังไม่แน่นอน",
];

/** English forms of the same ("has not yet decided", "is yet to be confirmed"). */
export const ENGLISH_UNDETERMINED: readonly string[] = [
  "not yet decided",
  "not yet been decided",
  "not yet confirmed",
  "not yet been confirmed",
  "not yet clear",
  "not yet known",
  "not yet determined",
  "yet to decide",
  "yet to be decided",
  "yet to confirm",
  "yet to be confirmed",
  "yet to be determined",
];

/** "ยังไม่" / "not yet": a negation of a state not reached yet, weaker than a plain one. */
export const THAI_NOT_YET = "ยังไม่";
export const ENGLISH_NOT_YET: readonly string[] = ["not yet", "yet to"];

/** Thai hedges: may, might, probably, expected, seems, reportedly; and the undetermined forms. */
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
  ...THAI_UNDETERMINED,
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
  ...ENGLISH_UNDETERMINED,
];

/**
 * Marks of a negative claim: it says something did not happen, does not exist or is untrue.
 * Bare "ไม่" is left out: it negates adjectives too often ("ไม่เพียงพอ": insufficient).
 */
export const THAI_NEGATIVE_MARKERS: readonly string[] = [
  "ไม่เป็นความจริง",
  "ไม่มีมูล",
  "ไม่ใช่ความจริง",
  "ไม่จริง",
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
  "ไม่จริง",
  "ข่าวเท็จ",
  "บิดเบือน",
  "เกินจริง",
  "คลาดเคลื่อน",
  "ไม่ถูกต้อง",
];

/** Longer words that hold a negative or falsity mark but mean something else (ไม่จริงใจ: insincere). */
export const THAI_MARKER_COMPOUNDS: readonly string[] = ["ไม่จริงจัง", "ไม่จริงใจ"];

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

/** English marks of a negative claim, matched as whole words: negations, and every falsity mark. */
export const ENGLISH_NEGATIVE_MARKERS: readonly string[] = [
  "no",
  "not",
  "never",
  "nobody",
  "none",
  "no one",
  "n't",
  "unrealistic",
  ...ENGLISH_FALSITY_MARKERS,
];
