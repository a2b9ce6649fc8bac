/**
 * The Royal Thai General System of Transcription (RTGS), as data: what each consonant is worth
 * at the start and at the end of a syllable, the clusters, and the vowel forms. The rules that
 * read these tables are in `../slugs.ts`. Tone marks are not transcribed in RTGS.
 */

/** Each consonant's value at the start of a syllable, then at its end ("" where it cannot end one). */
export const RTGS_CONSONANTS: Readonly<Record<string, readonly [initial: string, final: string]>> = {
  ก: ["k", "k"],
  ข: ["kh", "k"],
  ฃ: ["kh", "k"],
  ค: ["kh", "k"],
  ฅ: ["kh", "k"],
  ฆ: ["kh", "k"],
  ง: ["ng", "ng"],
  จ: ["ch", "t"],
  ฉ: ["ch", "t"],
  ช: ["ch", "t"],
  ซ: ["s", "t"],
  ฌ: ["ch", "t"],
  ญ: ["y", "n"],
  ฎ: ["d", "t"],
  ฏ: ["t", "t"],
  ฐ: ["th", "t"],
  ฑ: ["th", "t"],
  ฒ: ["th", "t"],
  ณ: ["n", "n"],
  ด: ["d", "t"],
  ต: ["t", "t"],
  ถ: ["th", "t"],
  ท: ["th", "t"],
  ธ: ["th", "t"],
  น: ["n", "n"],
  บ: ["b", "p"],
  ป: ["p", "p"],
  ผ: ["ph", "p"],
  ฝ: ["f", "p"],
  พ: ["ph", "p"],
  ฟ: ["f", "p"],
  ภ: ["ph", "p"],
  ม: ["m", "m"],
  ย: ["y", "i"],
  ร: ["r", "n"],
  ล: ["l", "n"],
  ว: ["w", "o"],
  ศ: ["s", "t"],
  ษ: ["s", "t"],
  ส: ["s", "t"],
  ห: ["h", ""],
  ฬ: ["l", "n"],
  // อ carries a vowel at the start of a syllable and has no sound of its own there.
  อ: ["", ""],
  ฮ: ["h", ""],
};

/** Two consonants read as one initial (true clusters, and false ones where the ร is silent or changes). */
export const RTGS_CLUSTERS: Readonly<Record<string, string>> = {
  กร: "kr",
  กล: "kl",
  กว: "kw",
  ขร: "khr",
  ขล: "khl",
  ขว: "khw",
  คร: "khr",
  คล: "khl",
  คว: "khw",
  ตร: "tr",
  ปร: "pr",
  ปล: "pl",
  พร: "phr",
  พล: "phl",
  ผล: "phl",
  บร: "br",
  บล: "bl",
  ดร: "dr",
  ฟร: "fr",
  ฟล: "fl",
  // False clusters: ทร reads s; after จ ซ ศ ส the ร is silent.
  ทร: "s",
  จร: "ch",
  ซร: "s",
  ศร: "s",
  สร: "s",
  // Leading ห and อ only mark the tone of the sonorant after them.
  หง: "ng",
  หญ: "y",
  หน: "n",
  หม: "m",
  หย: "y",
  หร: "r",
  หล: "l",
  หว: "w",
  อย: "y",
};

/** Vowels written before their consonant. */
export const RTGS_LEADING_VOWELS = "เแโใไ";

/**
 * Vowel forms, longest first: `lead` is the vowel written before the initial ("" for none),
 * `after` the marks and letters written after it; `final` says whether a final consonant may follow.
 */
export const RTGS_VOWELS: readonly { lead: string; after: string; value: string; final: boolean }[] = [
  { lead: "เ", after: "ียะ", value: "ia", final: false },
  { lead: "เ", after: "ีย", value: "ia", final: true },
  { lead: "เ", after: "ือะ", value: "uea", final: false },
  { lead: "เ", after: "ือ", value: "uea", final: true },
  { lead: "เ", after: "าะ", value: "o", final: false },
  { lead: "เ", after: "า", value: "ao", final: false },
  { lead: "เ", after: "อะ", value: "oe", final: false },
  { lead: "เ", after: "อ", value: "oe", final: false },
  { lead: "เ", after: "ิ", value: "oe", final: true },
  { lead: "เ", after: "็", value: "e", final: true },
  { lead: "เ", after: "ะ", value: "e", final: false },
  { lead: "เ", after: "ย", value: "oei", final: false },
  { lead: "เ", after: "", value: "e", final: true },
  { lead: "แ", after: "็", value: "ae", final: true },
  { lead: "แ", after: "ะ", value: "ae", final: false },
  { lead: "แ", after: "", value: "ae", final: true },
  { lead: "โ", after: "ะ", value: "o", final: false },
  { lead: "โ", after: "", value: "o", final: true },
  // ไทย: the ย after ไ is written but not read.
  { lead: "ไ", after: "ย", value: "ai", final: false },
  { lead: "ไ", after: "", value: "ai", final: false },
  { lead: "ใ", after: "", value: "ai", final: false },
  { lead: "", after: "ัวะ", value: "ua", final: false },
  { lead: "", after: "ัว", value: "ua", final: true },
  { lead: "", after: "ือ", value: "ue", final: true },
  { lead: "", after: "ั", value: "a", final: true },
  { lead: "", after: "ะ", value: "a", final: false },
  { lead: "", after: "า", value: "a", final: true },
  { lead: "", after: "ำ", value: "am", final: false },
  { lead: "", after: "ิ", value: "i", final: true },
  { lead: "", after: "ี", value: "i", final: true },
  { lead: "", after: "ึ", value: "ue", final: true },
  { lead: "", after: "ื", value: "ue", final: true },
  { lead: "", after: "ุ", value: "u", final: true },
  { lead: "", after: "ู", value: "u", final: true },
  { lead: "", after: "็", value: "o", final: true },
  { lead: "", after: "ฤ", value: "rue", final: true },
];

/** A vowel and the ย or ว that closes it, read together ("a" + ย = "ai", "i" + ว = "io"). */
export const RTGS_GLIDES: Readonly<Record<string, string>> = {
  ai: "ai",
  ao: "ao",
  ii: "i",
  io: "io",
  ei: "ei",
  eo: "eo",
  aei: "aei",
  aeo: "aeo",
  oi: "oi",
  oo: "o",
  ui: "ui",
  uo: "u",
  iai: "iai",
  iao: "iao",
  uai: "uai",
  uao: "uao",
  ueai: "ueai",
  ueo: "ueo",
  uei: "uei",
  oei: "oei",
};

/** Tone marks (not transcribed) and signs with no sound of their own. */
export const RTGS_UNWRITTEN = "่้๊๋ฯๆๅ";

/** The silencer (thanthakhat): the letter it sits on is not read. */
export const RTGS_SILENCER = "์";

/** Letters that, right before a silenced letter and after a closed syllable, are silent too (จันทร์, ศาสตร์). */
export const RTGS_SILENT_BEFORE_SILENCER = "ตทษ";
