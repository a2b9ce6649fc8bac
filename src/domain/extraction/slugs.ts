import {
  RTGS_CLUSTERS,
  RTGS_CONSONANTS,
  RTGS_GLIDES,
  RTGS_LEADING_VOWELS,
  RTGS_SILENCER,
  RTGS_SILENT_BEFORE_SILENCER,
  RTGS_UNWRITTEN,
  RTGS_VOWELS,
} from "./lexicon/rtgs.js";

/**
 * Slugs for proposed sources. Latin names are kebab-cased; Thai names are romanised in the Royal
 * Thai General System of Transcription (RTGS), read syllable by syllable from the tables in
 * `lexicon/rtgs.ts`. Thai spelling does not always show where a syllable ends or which vowel is
 * unwritten, so the reading is the common one, not always the dictionary's: the reviewer may edit it.
 */
const DIGITS = "๐๑๒๓๔๕๖๗๘๙";
// Vowel marks and letters that attach to the consonant before them.
const ATTACHED = "ัิีึืุู็าะำ";
const isConsonant = (c: string | undefined): c is string => c !== undefined && c in RTGS_CONSONANTS;

/** Drops tone marks and silenced letters (the letter under ์, with its vowel, and ต ท ษ before it after a closed syllable). */
function readableLetters(word: string): string[] {
  const out: string[] = [];
  for (const c of word) {
    if (RTGS_UNWRITTEN.includes(c)) continue;
    if (c !== RTGS_SILENCER) {
      out.push(c);
      continue;
    }
    while (out.length > 0 && !isConsonant(out[out.length - 1])) out.pop();
    out.pop();
    const n = out.length;
    if (n >= 2 && RTGS_SILENT_BEFORE_SILENCER.includes(out[n - 1]!) && isConsonant(out[n - 2])) out.pop();
  }
  return out;
}

/** Whether the two letters at `k` read as one initial (a cluster, or ห/อ before a sonorant). */
function clusterAt(ch: string[], k: number, lead: boolean): string | undefined {
  const value = RTGS_CLUSTERS[ch[k]! + (ch[k + 1] ?? "")];
  // Before a leading vowel's consonant nothing need follow: ใหม่ = mai.
  if (value === undefined || (ch[k + 2] === undefined && !lead)) return undefined;
  // กว before a final is ก + the vowel ัว written short (กวน = kuan); only before a vowel is it kw.
  if (ch[k + 1] === "ว" && !lead && !ATTACHED.includes(ch[k + 2]!)) return undefined;
  return value;
}

/** Whether the consonant at `k` opens a syllable of its own (a vowel is attached to it or to its cluster). */
function opensSyllable(ch: string[], k: number): boolean {
  if (!isConsonant(ch[k])) return false;
  if (ATTACHED.includes(ch[k + 1] ?? "-")) return true;
  return clusterAt(ch, k, false) !== undefined && ATTACHED.includes(ch[k + 2] ?? "-");
}

/** One written Thai word in RTGS, lower case. */
function rtgsWord(word: string): string {
  const ch = readableLetters(word);
  let out = "";
  let i = 0;
  while (i < ch.length) {
    const c = ch[i]!;
    let lead = "";
    if (RTGS_LEADING_VOWELS.includes(c)) {
      lead = c;
      i++;
    }
    if (!isConsonant(ch[i])) {
      if (lead) out += RTGS_VOWELS.find((v) => v.lead === lead && v.after === "")!.value;
      else if (c === "ฤ") out += "rue";
      else if (DIGITS.includes(c)) out += String(DIGITS.indexOf(c));
      else if (!/[\u0E00-\u0E7F]/.test(c)) out += c;
      if (!lead) i++;
      continue;
    }
    // รร (ro han) reads a, or an when nothing closes it: กรรม = kam, สรร = san.
    if (!lead && ch[i + 1] === "ร" && ch[i + 2] === "ร" && !ATTACHED.includes(ch[i + 3] ?? "-")) {
      const initial = RTGS_CONSONANTS[ch[i]!]![0];
      const next = i + 3;
      if (isConsonant(ch[next]) && !opensSyllable(ch, next)) {
        out += `${initial}a${RTGS_CONSONANTS[ch[next]!]![1]}`;
        i = next + 1;
      } else {
        out += `${initial}an`;
        i = next;
      }
      continue;
    }
    const cluster = clusterAt(ch, i, lead !== "");
    const initial = cluster ?? RTGS_CONSONANTS[ch[i]!]![0];
    let j = i + (cluster ? 2 : 1);
    let vowel: string;
    let closable: boolean;
    const form = RTGS_VOWELS.find(
      (v) => v.lead === lead && (lead !== "" || v.after !== "") && startsWith(ch, j, v.after),
    );
    if (form) {
      vowel = form.value;
      closable = form.final;
      j += form.after.length;
    } else if (ch[j] === "อ" && !ATTACHED.includes(ch[j + 1] ?? "-")) {
      // อ after a consonant is the vowel o (ตอน = ton).
      vowel = "o";
      closable = true;
      j++;
    } else if (ch[j] === "ว" && isConsonant(ch[j + 1]) && !opensSyllable(ch, j + 1)) {
      // ว between two consonants is the vowel ua (สวน = suan).
      vowel = "ua";
      closable = true;
      j++;
    } else if (!isConsonant(ch[j]) || opensSyllable(ch, j) || (isConsonant(ch[j + 1]) && j + 2 === ch.length)) {
      // No vowel written: a before a syllable that has its own (สวัสดี = sa-wat-di, ถนน = tha-non).
      vowel = "a";
      closable = false;
    } else {
      // ... and o before the consonant that closes it (คน = khon).
      vowel = "o";
      closable = true;
    }
    let final = "";
    if (closable && isConsonant(ch[j]) && ch[j] !== "อ" && !opensSyllable(ch, j)) {
      const value = RTGS_CONSONANTS[ch[j]!]![1];
      if (ch[j] === "ย" || ch[j] === "ว") vowel = RTGS_GLIDES[vowel + value] ?? vowel + value;
      else final = value;
      j++;
      // A ร after a final is not read (สมุทร = samut, จักร = chak).
      if (final && ch[j] === "ร" && !opensSyllable(ch, j) && (ch[j + 1] === undefined || isConsonant(ch[j + 1]))) j++;
    }
    out += initial + vowel + final;
    i = j;
  }
  return out;
}

function startsWith(ch: string[], at: number, form: string): boolean {
  const letters = [...form];
  return letters.every((l, k) => ch[at + k] === l);
}

/** Thai text in RTGS (each written word on its own; other characters pass through). */
export function romanizeThai(text: string): string {
  return text.replace(/[\u0E00-\u0E7F]+/g, (word) => rtgsWord(word));
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
