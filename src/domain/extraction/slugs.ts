/**
 * Slugs for proposed sources. Latin names are kebab-cased; Thai names get a rough letter-by-letter
 * romanisation (readable, not RTGS: the reviewer is expected to edit it).
 */
const CONSONANTS: Record<string, string> = {
  ก: "k",
  ข: "kh",
  ฃ: "kh",
  ค: "kh",
  ฅ: "kh",
  ฆ: "kh",
  ง: "ng",
  จ: "ch",
  ฉ: "ch",
  ช: "ch",
  ซ: "s",
  ฌ: "ch",
  ญ: "y",
  ฎ: "d",
  ฏ: "t",
  ฐ: "th",
  ฑ: "th",
  ฒ: "th",
  ณ: "n",
  ด: "d",
  ต: "t",
  ถ: "th",
  ท: "th",
  ธ: "th",
  น: "n",
  บ: "b",
  ป: "p",
  ผ: "ph",
  ฝ: "f",
  พ: "ph",
  ฟ: "f",
  ภ: "ph",
  ม: "m",
  ย: "y",
  ร: "r",
  ล: "l",
  ว: "w",
  ศ: "s",
  ษ: "s",
  ส: "s",
  ห: "h",
  ฬ: "l",
  อ: "o",
  ฮ: "h",
};
const VOWELS: Record<string, string> = {
  ะ: "a",
  "ั": "a",
  า: "a",
  ำ: "am",
  "ิ": "i",
  "ี": "i",
  "ึ": "ue",
  "ื": "ue",
  "ุ": "u",
  "ู": "u",
  เ: "e",
  แ: "ae",
  โ: "o",
  ใ: "ai",
  ไ: "ai",
  "็": "",
  ๅ: "",
  ฤ: "rue",
};
const DIGITS = "๐๑๒๓๔๕๖๗๘๙";

/** A rough Latin rendering of Thai letters; other characters pass through. */
export function romanizeThai(text: string): string {
  const chars = [...text];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    // A letter followed by the silencer ์ (thanthakhat) is not pronounced.
    if (chars[i + 1] === "์") {
      i++;
      continue;
    }
    // Leading vowels (เ แ โ ใ ไ) are written before the consonant they follow in speech.
    if ("เแโใไ".includes(c) && chars[i + 1] !== undefined && chars[i + 1]! in CONSONANTS) {
      out += CONSONANTS[chars[i + 1]!]! + VOWELS[c]!;
      i++;
      continue;
    }
    if (c in CONSONANTS) out += CONSONANTS[c];
    else if (c in VOWELS) out += VOWELS[c];
    else if (DIGITS.includes(c)) out += String(DIGITS.indexOf(c));
    else if (/[\u0E00-\u0E7F]/.test(c)) continue;
    else out += c;
  }
  return out;
}

/** A slug from a name: kebab-case Latin, romanised Thai, at most 60 characters. */
export function slugify(name: string): string {
  const latin = romanizeThai(name.normalize("NFKD").replace(/[\u0300-\u036f]/g, ""));
  const slug = latin
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug.length > 0 ? slug : "source";
}

/** A slug not in `taken`: the base, then base-2, base-3... */
export function uniqueSlug(base: string, taken: { has(slug: string): boolean }): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
