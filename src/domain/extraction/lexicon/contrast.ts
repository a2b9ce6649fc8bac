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

/**
 * What a denial refers back to without repeating it: "those claims", "the report", "that figure",
 * "ข้อกล่าวหาดังกล่าว", "รายงานของ X". A claim whose content or object holds one, and that denies,
 * contradicts the claim it points at (the latest by another speaker, or by the source it names).
 */
export const ENGLISH_REPORT_ANAPHORS: RegExp =
  /\b(?:the|that|this|those|these|such|its|his|her|their)\s+(?:\w+\s+)?(?:report|reports|claim|claims|allegation|allegations|accusation|accusations|account|figure|figures|estimate|story|statement|assertion|timeline|suggestion)\b/i;

export const THAI_REPORT_ANAPHORS: RegExp =
  /(?:ข้อกล่าวหา|คำกล่าวอ้าง|คำกล่าว|รายงาน|ข่าว|ข้อมูล|ตัวเลข|คำกล่าวหา)(?:ดังกล่าว|นี้|นั้น|ของ)/;

/**
 * Connectives that set one source's claim against another's when they join two attributions
 * on a shared topic ("X said A, while Y insisted B"; "... ขณะที่ Y ระบุว่า B").
 */
export const ENGLISH_CONTRAST_CONNECTIVES: readonly string[] = ["while", "but", "however", "whereas", "yet"];
export const THAI_CONTRAST_CONNECTIVES: readonly string[] = ["ขณะที่", "ในขณะที่", "แต่", "อย่างไรก็ตาม", "ด้าน", "ส่วน"];

/**
 * Words that name one kind of figure in different ways ("42 people were killed" / "the death toll
 * at 120"): two claims that both hold one of a group share a topic even with no word in common.
 */
export const FIGURE_TOPICS: readonly { topic: string; en: RegExp; th: RegExp }[] = [
  {
    topic: "casualties",
    en: /\b(?:killed|dead|died|deaths?|death toll|toll|fatalities|casualties|injured|wounded|hurt)\b/i,
    th: /(?:เสียชีวิต|บาดเจ็บ|ยอดผู้|ตาย|สูญหาย)/,
  },
  {
    topic: "crowd size",
    en: /\b(?:people|protesters|demonstrators|crowd|took part|joined)\b/i,
    th: /(?:ผู้ชุมนุม|ผู้ประท้วง|เข้าร่วม)/,
  },
];

/** Words after a number that say what it counts but not in what unit ("4 million tonnes": tonnes). */
export const NUMBER_SCALES: readonly string[] = [
  "million",
  "billion",
  "thousand",
  "hundred",
  "ล้าน",
  "พัน",
  "หมื่น",
  "แสน",
];

/** A figure of nought said in words ("no one was killed", "ไม่มีผู้เสียชีวิต"): set against a count on the same topic. */
export const ZERO_FIGURES: { en: RegExp; th: RegExp } = {
  en: /\b(?:no one|nobody|none|no (?:deaths|casualties|injuries|victims|fatalities|one was))\b/i,
  th: /(?:ไม่มีผู้|ไม่มีรายงานผู้|ไม่พบผู้)/,
};

/** Counts written as words, read as figures ("its crew of four"). */
export const ENGLISH_NUMBER_WORDS: Readonly<Record<string, string>> = {
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
  dozen: "12",
  hundreds: "100s",
  dozens: "12s",
};
