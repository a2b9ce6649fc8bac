import {
  THAI_AUXILIARIES,
  THAI_CLAUSE_OPENERS,
  THAI_CONTENT_ENDERS,
  THAI_TOPIC_SHIFTERS,
} from "./lexicon/connectives.js";
import { THAI_CONTRAST_MARKERS } from "./lexicon/contrast.js";
import { type CueEntry, THAI_CUES } from "./lexicon/cues.js";
import { THAI_HEDGES } from "./lexicon/stance.js";
import {
  THAI_ANONYMITY_ASIDES,
  THAI_APPOSITIVE_OPENERS,
  THAI_CLAUSE_LEADS,
  THAI_COMPARATIVE_HEADS,
  THAI_CONTINUERS,
  THAI_COORDINATING,
  THAI_CUE_BLOCKERS,
  THAI_CUE_PARTICLES,
  THAI_DENIAL_VERBS,
  THAI_GLUED_OPENERS,
  THAI_NOMINAL_PREFIXES,
  THAI_OWN_REPORTER_TITLES,
  THAI_PREDICATE_NOUN_HEADS,
  THAI_PREDICATE_WORDS,
  THAI_PRONOUNS,
  THAI_PUBLISHER_ASIDES,
  THAI_SEQUENCE_OPENERS,
  THAI_SHARED_SUBJECT,
} from "./lexicon/thaiWords.js";
import { THAI_TITLES } from "./lexicon/titles.js";
import { stripThaiAuxiliaries } from "./sources.js";
import {
  findThaiWord,
  inside,
  isAbbreviationStop,
  isThaiWordAt,
  OPENING_QUOTES,
  paragraphs,
  quotedRanges,
  trimRange,
  wordSegments,
} from "./textTools.js";
import type { Attribution, ContrastFinding, Mention, TextRange } from "./types.js";

const CUES = [...THAI_CUES].sort((a, b) => b.form.length - a.form.length);
/** Cues by their first character, so the scan tries only the few that can start at an index. */
const CUES_BY_FIRST = new Map<string, CueEntry[]>();
for (const cue of CUES) CUES_BY_FIRST.set(cue.form[0]!, [...(CUES_BY_FIRST.get(cue.form[0]!) ?? []), cue]);
const CITING = CUES.filter((c) => c.frame === "citing");
const SOURCE_AFTER = CUES.filter((c) => c.frame === "source_after");
const OPENERS = [...THAI_CLAUSE_OPENERS].filter((o) => o !== "และ").sort((a, b) => b.length - a.length);
const ENDERS = [...THAI_CONTENT_ENDERS].sort((a, b) => b.length - a.length);
const SPEAKER_TITLES = [...THAI_TITLES].sort((a, b) => b.form.length - a.form.length);
const NEW_SUBJECT = /^(?:การ|ความ)/;
const JOINING_BEFORE = /(?:ใน|กับ|และ|หรือ|ของ|เพื่อ|ต่อ|จาก|ด้วย|โดย|ถึง|ทั้ง|คือ|เป็น)$/;
const JOINED_CUE = /^(?:และ|พร้อม(?:ทั้ง)?|ก่อนจะ)(?:ยัง)?(?:ได้)?/;

/** Negations before a cue: a negated attribution ("ยังไม่ยืนยัน") reports nothing said. */
const NEGATED_CUE = /(?:ไม่|ไม่ได้|มิได้)\s?$/;

/** Verbs a source-after construction may end with ("รายงานของ X ที่ระบุว่า"). */
const SOURCE_AFTER_VERBS = /^(?:ที่|ซึ่ง)?(?:ระบุ|กล่าว|รายงาน|เปิดเผย|ชี้)(?:ไว้)?ว่า/;
const MAX_SPEAKER = 150;
const OUTLET_TITLES = SPEAKER_TITLES.filter(
  (t) => t.type === "organisation" && ["news_agency", "broadcaster", "newspaper"].includes(t.kind ?? ""),
);
/** "กับ", "แก่", "ต่อ" before the outlet a speaker told ("ให้สัมภาษณ์กับสำนักข่าว X ว่า"). */
const TOLD_TO = /^\s*(?:กับ|แก่|ต่อ)\s*/;

/** Whether "ว่า" at `at` is the complementiser (not กว่า, ผู้ว่า(การ), ว่าจ้าง). */
export function isThatAt(text: string, at: number): boolean {
  return (
    text.startsWith("ว่า", at) &&
    !isComparative(text, at) &&
    text[at + 3] !== "ง" &&
    !text.startsWith("ผู้", at - 3) &&
    !text.startsWith("ว่าจ้าง", at) &&
    // "รัฐมนตรีว่าการ", "ผู้ว่าการ": an office; "ยืนยันว่าการนับคะแนน...": the complementiser.
    !(text.startsWith("ว่าการ", at) && /(?:มนตรี|ผู้)$/.test(text.slice(Math.max(0, at - 5), at)))
  );
}

function isComparative(text: string, at: number): boolean {
  if (text[at - 1] !== "ก") return false;
  const before = text.slice(Math.max(0, at - 6), at - 1);
  return before.length === 0 || /\s$/.test(before) || THAI_COMPARATIVE_HEADS.some((head) => before.endsWith(head));
}

interface CueHit {
  entry: CueEntry;
  /** The cue's own words. */
  cue: TextRange;
  /** Where the claim's content starts (after ว่า, or after an object cue). */
  contentStart: number;
  /** The one cited ("X รายงานโดยอ้างอิง Y ว่า": Y). */
  cited: Mention | null;
  /** The speaker named after the cue (source_after frame). */
  after: Mention | null;
  /** Characters between the verb and ว่า ("กล่าวในการประชุมว่า"). */
  gap: number;
  /** The quotation a trailing attribution is about ('"..." นาย X กล่าว'). */
  quoteBefore?: TextRange;
}

/**
 * Attributions of a Thai text: reporting cues matched on the raw string, speakers found to their
 * left (or right, for "ตามรายงานของ X"), contents to the next clause boundary, and nested
 * reports folded into one chain ("X รายงานโดยอ้างอิง Y ว่า นาย Z กล่าวว่า ...").
 */
export function extractThai(text: string): { attributions: Attribution[]; contrasts: ContrastFinding[] } {
  const attributions: Attribution[] = [];
  const contrasts: ContrastFinding[] = [];
  for (const paragraph of paragraphs(text)) {
    const quotes = quotedRanges(text, paragraph);
    const hits = findCues(text, paragraph, quotes);
    const found: Attribution[] = [];
    const nextClause = new Map<Attribution, ClauseEnd["stop"]>();
    let boundary = paragraph.start;
    for (const hit of hits) {
      // A claim that ended before this cue ends the search for its speaker too.
      const ended = found.length > 0 ? found[found.length - 1]!.span.end : paragraph.start;
      const attribution = buildAttribution(
        text,
        paragraph,
        quotes,
        hit,
        ended <= hit.cue.start ? Math.max(boundary, ended) : boundary,
        found,
      );
      boundary = Math.max(boundary, hit.contentStart);
      if (attribution) {
        found.push(attribution);
        nextClause.set(attribution, attribution.next);
        delete (attribution as Partial<typeof attribution>).next;
      }
    }
    const folded = foldNested(text, found);
    for (const attribution of [...folded]) {
      const later = folded
        .filter((a) => a.cue.start > attribution.span.end)
        .map((a) => Math.min(a.speaker.start, a.cue.start));
      const limit = Math.min(paragraph.end, ...later);
      folded.splice(
        folded.indexOf(attribution) + 1,
        0,
        ...continuations(text, paragraph, quotes, attribution, nextClause.get(attribution) ?? null, limit),
      );
    }
    // "เขากล่าวว่า": a pronoun speaker is the last named speaker, in this paragraph or before.
    for (const attribution of folded) {
      if (!THAI_PRONOUNS.includes(attribution.speaker.text)) continue;
      const last = [...attributions, ...folded.slice(0, folded.indexOf(attribution))]
        .reverse()
        .find((a) => !THAI_PRONOUNS.includes(a.speaker.text));
      if (!last) continue;
      attribution.explanation += `; "${attribution.speaker.text}" is taken to be "${last.speaker.text}", the last named speaker`;
      attribution.speaker = last.speaker;
      attribution.via = [...last.via];
      attribution.confidence = Math.round((attribution.confidence - 0.15) * 100) / 100;
    }
    mergeDenialObjects(text, folded);
    // A claim cut short by a later frame keeps a hedge only if the hedge is still in what it says.
    for (const a of folded) {
      if (!a.hedged || a.explanation.includes("hedged like")) continue;
      const said = text.slice(a.span.start, a.span.end);
      if (THAI_HEDGES.some((h) => findThaiWord(said, h, THAI_NOMINAL_PREFIXES) !== -1)) continue;
      a.hedged = false;
      a.stance = a.cue.entry.stance;
      a.explanation = a.explanation.replace(/; hedged by "[^"]*"/, "");
    }
    const claims = folded.flatMap((a) => splitCoordinated(text, quotes, a));
    attributions.push(...claims);
    contrasts.push(...findContrasts(text, paragraph, claims, attributions.slice(0, -claims.length || undefined)));
  }
  return { attributions, contrasts };
}

function findCues(text: string, paragraph: TextRange, quotes: TextRange[]): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = paragraph.start; i < paragraph.end; i++) {
    if (inside(i, quotes)) continue;
    // A cue after a nominal prefix is a noun: นักวิเคราะห์ (analyst), การแถลง, ความเชื่อ, ผู้รายงาน.
    if (THAI_NOMINAL_PREFIXES.some((p) => text.startsWith(p, i - p.length))) continue;
    if (NEGATED_CUE.test(text.slice(Math.max(paragraph.start, i - 6), i))) continue;
    const entries = (CUES_BY_FIRST.get(text[i]!) ?? []).filter(
      (c) => text.startsWith(c.form, i) && isThaiWordAt(text, i, c.form.length),
    );
    if (entries.length === 0) continue;
    if (blocked(text, i, entries[0]!.form.length)) {
      i += entries[0]!.form.length - 1;
      continue;
    }
    // The same verb may take ว่า or an object (เตือนว่า / เตือนถึง...): the first frame that fits wins.
    let hit: CueHit | null = null;
    for (const entry of entries) {
      hit = matchCue(text, paragraph, quotes, entry, i);
      if (hit) break;
    }
    if (!hit) continue;
    hits.push(hit);
    // A cue's own construction (cited source, verb after a source) is consumed; content is not.
    i = (hit.cited || hit.after ? hit.contentStart : hit.cue.end) - 1;
  }
  return hits;
}

function blocked(text: string, at: number, length: number): boolean {
  return THAI_CUE_BLOCKERS.some((word) => {
    for (let s = Math.max(0, at - word.length + 1); s <= at; s++) {
      if (text.startsWith(word, s) && s + word.length > at && s < at + length) return true;
    }
    return false;
  });
}

function matchCue(text: string, paragraph: TextRange, quotes: TextRange[], entry: CueEntry, at: number): CueHit | null {
  let end = at + entry.form.length;
  if (entry.frame === "source_after") {
    // "ปฏิเสธรายงานของ X": the report is what is denied, not a source of this sentence's claim.
    if (THAI_DENIAL_VERBS.some((v) => text.startsWith(v, at - v.length))) return null;
    // "CONTENT ตามการเปิดเผยของนาย X ROLE เขา...": the source closes the sentence; the claim came before.
    if (entry.form.startsWith("ตาม") && /\s/.test(text[at - 1] ?? "")) {
      const stop = sourceEnd(text, paragraph, end);
      const source = trimRange(text, { start: end, end: stop });
      const from = sentenceStart(text, paragraph, at);
      const that = [...text.slice(end, stop).matchAll(/ว่า/g)].some((m) => isThatAt(text, end + m.index));
      if (!that && source.end > source.start && at - from >= 10)
        return {
          entry,
          cue: { start: at, end },
          contentStart: stop,
          cited: null,
          after: { ...source, text: text.slice(source.start, source.end) },
          gap: 0,
          quoteBefore: trimRange(text, { start: from, end: at }),
        };
    }
    // "ตามรายงานของ X เนื้อหา": without ว่า, the source ends at the first space outside brackets.
    const spaceEnds = entry.form.startsWith("ตาม");
    const np = nounPhraseUntil(
      text,
      end,
      paragraph.end,
      (j) =>
        isThatAt(text, j) ||
        (/\s/.test(text[j]!) && THAI_CLAUSE_LEADS.some((w) => text.startsWith(w, j + 1))) ||
        CITING.some((c) => text.startsWith(c.form, j)) ||
        SOURCE_AFTER_VERBS.test(text.slice(j, j + 12)) ||
        (spaceEnds && /\s/.test(text[j]!) && text[j + 1] !== "(" && !/\([^)]*$/.test(text.slice(end, j))),
    );
    if (!np) return null;
    const after = cutTimePhrase(text, np);
    let j = np.stop;
    while (text[j] === " ") j++;
    let cited: Mention | null = null;
    const citing = CITING.find((c) => text.startsWith(c.form, j));
    if (citing) {
      const citedNp = nounPhraseUntil(text, j + citing.form.length, paragraph.end, (k) => isThatAt(text, k));
      if (!citedNp) return null;
      cited = cutTimePhrase(text, citedNp);
      j = citedNp.stop;
    }
    const verb = SOURCE_AFTER_VERBS.exec(text.slice(j, j + 12));
    if (verb) j += verb[0].length;
    else if (isThatAt(text, j)) j += 3;
    else if (!spaceEnds) return null; // "รายงานของ X" without ว่า is a mention, not a report
    return { entry, cue: { start: at, end }, contentStart: j, cited, after, gap: 0 };
  }
  if (entry.frame === "citing") {
    // Standalone "X อ้างแหล่งข่าว... ว่า": X reports what the cited one said.
    // "อ้างแหล่งข่าว...": the cited one starts at แหล่งข่าว, after the verb อ้าง.
    const citedFrom = entry.form === "อ้างแหล่งข่าว" ? at + "อ้าง".length : end;
    const citedNp = nounPhraseUntil(
      text,
      citedFrom,
      paragraph.end,
      (k) => isThatAt(text, k) || SOURCE_AFTER_VERBS.test(text.slice(k, k + 12)),
    );
    if (!citedNp) return null;
    const verb = SOURCE_AFTER_VERBS.exec(text.slice(citedNp.stop, citedNp.stop + 12));
    const contentStart = citedNp.stop + (verb ? verb[0].length : 3);
    return { entry, cue: { start: at, end }, contentStart, cited: cutTimePhrase(text, citedNp), after: null, gap: 0 };
  }
  if (entry.complement === "object") {
    return { entry, cue: { start: at, end }, contentStart: end, cited: null, after: null, gap: 0 };
  }
  for (const particle of THAI_CUE_PARTICLES) {
    if (text.startsWith(particle, end)) {
      end += particle.length;
      break;
    }
  }
  const spaced = text[end] === " " && isThatAt(text, end + 1) ? 1 : 0;
  if (isThatAt(text, end + spaced))
    return {
      entry,
      cue: { start: at, end: end + spaced + 3 },
      contentStart: end + spaced + 3,
      cited: null,
      after: null,
      gap: 0,
    };
  const citing = CITING.find(
    (c) => text.startsWith(c.form, end) || (text[end] === " " && text.startsWith(c.form, end + 1)),
  );
  if (citing) {
    const from = text.indexOf(citing.form, end) + citing.form.length;
    const citedNp = nounPhraseUntil(text, from, paragraph.end, (k) => isThatAt(text, k));
    if (!citedNp) return null;
    return {
      entry,
      cue: { start: at, end },
      contentStart: citedNp.stop + 3,
      cited: cutTimePhrase(text, citedNp),
      after: null,
      gap: 0,
    };
  }
  // "แหล่งข่าวเผย กรมสรรพากร...": a headline-style cue whose content follows a space.
  if (entry.bare && text[end] === " " && /[\u0E00-\u0E7F]/.test(text[end + 1] ?? "")) {
    const next = end + 1;
    if (!OPENERS.some((o) => text.startsWith(o, next)) && !THAI_PRONOUNS.some((p) => text.startsWith(p, next)))
      return { entry, cue: { start: at, end }, contentStart: next, cited: null, after: null, gap: 0 };
  }
  // '"QUOTE" นาย X กล่าว': a quotation, then its speaker and a verb that ends the sentence.
  const after = text.slice(end, end + 2);
  if (after.length === 0 || /^(?:\s|[.,;!?)]|$)/.test(after) || end >= paragraph.end) {
    const quote = [...quotes]
      .reverse()
      .find((q) => q.end < at && at - q.end <= MAX_SPEAKER && !/["“”]/.test(text.slice(q.end + 1, at)));
    if (quote)
      return {
        entry,
        cue: { start: at, end },
        contentStart: end,
        cited: null,
        after: null,
        gap: 0,
        quoteBefore: quote,
      };
    // "CONTENT สำนักข่าว X (Y) รายงาน": the attribution after the claim, a titled speaker after a space.
    const before = contentBeforeSpeaker(text, paragraph, at);
    if (before && (entry.kind === "report" || entry.kind === "statement"))
      return {
        entry,
        cue: { start: at, end },
        contentStart: end,
        cited: null,
        after: null,
        gap: 0,
        quoteBefore: before,
      };
  }
  // "กล่าวในการประชุมว่า", "ยกย่องกองทัพว่า", "ตอบสั้นๆ ว่า": an object or adverbial between the verb and ว่า.
  for (let j = end; j < Math.min(end + 40, paragraph.end); j++) {
    if (j > end && text[j] === " " && isThatAt(text, j + 1))
      return { entry, cue: { start: at, end: j + 4 }, contentStart: j + 4, cited: null, after: null, gap: j - end };
    if (/\s/.test(text[j]!) || OPENING_QUOTES.has(text[j]!) || inside(j, quotes)) break;
    // Another verb inside the gap ("ระบุในแถลงการณ์ว่า") belongs to this cue's adverbial: the first verb leads.
    if (isThatAt(text, j))
      return { entry, cue: { start: at, end: j + 3 }, contentStart: j + 3, cited: null, after: null, gap: j - end };
  }
  return null;
}

/** Where the sentence holding `at` starts: after a full stop, a dateline dash, or the paragraph start. */
function sentenceStart(text: string, paragraph: TextRange, at: number): number {
  let from = paragraph.start;
  const head = text.slice(paragraph.start, at);
  const dateline = /^[^\n]{0,40}?\d{1,2}\s*[\u0E00-\u0E7F]{1,3}\.[\u0E00-\u0E7F]{1,3}\.(?:\s*\d{2,4})?\s*[-–—]\s*/.exec(
    head,
  );
  if (dateline) from = paragraph.start + dateline[0].length;
  for (let j = at - 1; j > from; j--) {
    if (/[.!?]/.test(text[j]!) && /\s/.test(text[j + 1] ?? "") && !isAbbreviationStop(text, j)) return j + 1;
  }
  return from;
}

/** Where a source named at the end of a sentence ends: before a pronoun, connective or new cue after a space. */
function sourceEnd(text: string, paragraph: TextRange, from: number): number {
  for (let j = from; j < Math.min(paragraph.end, from + MAX_SPEAKER); j++) {
    if (/[.!?]/.test(text[j]!) && !isAbbreviationStop(text, j)) return j;
    if (!/\s/.test(text[j]!)) continue;
    const k = j + 1;
    if (
      THAI_PRONOUNS.some((p) => text.startsWith(p, k)) ||
      OPENERS.some((o) => text.startsWith(o, k)) ||
      CUES.some((c) => c.frame === "verb" && text.startsWith(c.form, k))
    )
      return j;
  }
  return Math.min(paragraph.end, from + MAX_SPEAKER);
}

/**
 * The claim before a speaker and a verb that close a sentence ("ผู้นำ...เมื่อวันเสาร์ สำนักข่าวกลาง
 * เกาหลี (เคซีเอ็นเอ) รายงาน"): the speaker opens with a title after a space, the claim is what
 * stands between the sentence start and it. Null when nothing fits.
 */
function contentBeforeSpeaker(text: string, paragraph: TextRange, cueStart: number): TextRange | null {
  const from = sentenceStart(text, paragraph, cueStart);
  const window = text.slice(from, cueStart);
  for (let j = window.length - 1; j > 0; j--) {
    if (!/\s/.test(window[j - 1]!) || !startsWithTitle(window, j)) continue;
    if (cueStart - (from + j) > MAX_SPEAKER) return null;
    const content = trimRange(text, { start: from, end: from + j });
    return content.end - content.start >= 10 && !/["“”]/.test(text.slice(content.start, content.end)) ? content : null;
  }
  return null;
}

/** A noun phrase from `from` to the first index where `stop` holds (at most 150 characters, no quote). */
function nounPhraseUntil(
  text: string,
  from: number,
  limit: number,
  stop: (at: number) => boolean,
): (Mention & { stop: number }) | null {
  for (let j = from; j < Math.min(from + MAX_SPEAKER, limit); j++) {
    if (OPENING_QUOTES.has(text[j]!)) return null;
    if (j > from && stop(j)) {
      const range = trimRange(text, { start: from, end: j });
      return range.end > range.start ? { ...range, text: text.slice(range.start, range.end), stop: j } : null;
    }
  }
  return null;
}

/** Cuts a trailing time phrase or auxiliary off a noun phrase ("KCNA เมื่อวันที่ 16 ก.ย." -> KCNA). */
function cutTimePhrase(text: string, np: Mention): Mention {
  let end = np.end;
  const time = /\s?(?:เมื่อ|ในวัน|ก่อนหน้านี้|ล่าสุด)/.exec(np.text.slice(1));
  if (time) end = np.start + 1 + time.index;
  const cut = stripThaiAuxiliaries(text.slice(np.start, end));
  return { start: np.start, end: np.start + cut.length, text: cut };
}

function buildAttribution(
  text: string,
  paragraph: TextRange,
  quotes: TextRange[],
  hit: CueHit,
  boundary: number,
  previous: Attribution[],
): (Attribution & { next: ClauseEnd["stop"] }) | null {
  const content = contentSpan(text, paragraph, quotes, hit);
  if (!content) return null;
  const span = { start: content.start, end: content.end };
  const cueText = text.slice(hit.cue.start, hit.cue.end);
  const cue = { start: hit.cue.start, end: hit.cue.end, text: cueText, entry: hit.entry };
  let speaker: Mention | null;
  const via: Mention[] = [];
  let rule: string;
  let explanation: string;
  let confidence = hit.entry.weight;
  if (hit.after) {
    speaker = hit.cited ?? hit.after;
    if (hit.cited) via.push(hit.after);
    rule = hit.cited ? "th.source_after.citing" : "th.source_after";
    explanation = hit.cited
      ? `"${cueText}" names the reporter after it ("${hit.after.text}"), which cites "${hit.cited.text}"`
      : `"${cueText}" names the source after it: "${hit.after.text}"`;
  } else {
    const left = speakerBefore(text, paragraph, quotes, hit.cue.start, Math.max(boundary, hit.quoteBefore?.end ?? 0));
    const last = previous[previous.length - 1];
    const subject = left === "shared" ? subjectOfClauseBefore(text, last?.span.end ?? boundary, hit.cue.start) : null;
    if (subject) {
      // "ด้าน ผู้ว่าฯ X สั่งปิดชายหาด และเน้นย้ำว่า ...": the subject of the clause the cue is joined to.
      speaker = subject;
      rule = "th.verb.joined_subject";
      explanation = `"${cueText}" is joined by และ to a clause whose subject is "${subject.text}"`;
      confidence -= 0.15;
    } else if (left === "shared") {
      if (!last) return null;
      speaker = last.speaker;
      via.push(...last.via);
      rule = "th.verb.shared_subject";
      explanation = `"${cueText}" follows a connective with no new subject: the speaker of the previous claim ("${speaker.text}") carries on`;
      confidence -= 0.15;
    } else {
      if (!left && hit.cited && hit.entry.frame === "citing") {
        speaker = hit.cited;
        rule = "th.citing.lead";
        explanation = `"${cueText}" opens the sentence: "${hit.cited.text}" is the source the publisher cites`;
        const said = text.slice(span.start, span.end);
        const hedge =
          hit.entry.stance === "asserts"
            ? THAI_HEDGES.find((h) => findThaiWord(said, h, THAI_NOMINAL_PREFIXES) !== -1)
            : undefined;
        return {
          speaker,
          via,
          cue,
          span,
          stance: hedge ? "hedges" : hit.entry.stance,
          hedged: hedge !== undefined,
          confidence: Math.round((confidence - 0.1) * 100) / 100,
          rule,
          explanation,
          next: content.next,
        } as Attribution & { next: ClauseEnd["stop"] };
      }
      if (!left) return null;
      if (hit.cited) {
        speaker = hit.cited;
        via.push(left);
        rule = "th.verb.citing";
        explanation = `"${left.text}" ${hit.entry.gloss}, citing "${hit.cited.text}", with "${cueText}"`;
      } else {
        speaker = left;
        rule = hit.quoteBefore
          ? "th.quote.speaker_verb"
          : hit.entry.frame === "citing"
            ? "th.citing"
            : hit.entry.complement === "object"
              ? "th.verb.object"
              : hit.gap > 0
                ? "th.verb.gap_that"
                : "th.verb.that";
        explanation = hit.quoteBefore
          ? `a quotation, then "${left.text}" and the cue "${cueText}" (${hit.entry.gloss}) ending the sentence`
          : hit.entry.complement === "object"
            ? `"${left.text}" before the cue "${cueText}" (${hit.entry.gloss}); the claim is what follows the verb`
            : `"${left.text}" before the cue "${cueText}" (${hit.entry.gloss}); the claim is what follows ว่า`;
      }
      if (hit.gap > 0) confidence -= 0.1;
      const outlet = hit.gap > 0 && !hit.cited ? outletTold(text, hit) : null;
      if (outlet) {
        via.push(outlet);
        rule += "+told_outlet";
        explanation += `; told to "${outlet.text}", which carries it`;
      }
    }
  }
  if (
    !/^(?:นาย|นาง|ปธน|ประธาน|สำนัก|สถานี|โฆษก|รัฐมนตรี|[A-Z])/.test(speaker.text) &&
    !SPEAKER_TITLES.some((t) => speaker!.text.startsWith(t.form))
  )
    confidence -= 0.1;
  const said = text.slice(span.start, span.end);
  const hedge =
    hit.entry.stance === "asserts"
      ? THAI_HEDGES.find((h) => findThaiWord(said, h, THAI_NOMINAL_PREFIXES) !== -1)
      : undefined;
  const stance = hedge ? "hedges" : hit.entry.stance;
  if (hedge) explanation += `; hedged by "${hedge}"`;
  return {
    speaker,
    via,
    cue,
    span,
    stance,
    hedged: stance === "hedges",
    confidence: Math.round(Math.max(0.1, Math.min(0.99, confidence)) * 100) / 100,
    rule,
    explanation,
    next: content.next,
  } as Attribution & { next: ClauseEnd["stop"] };
}

/**
 * The speaker phrase left of a cue: from the last clause opener (or the first title after it) to
 * the cue, without auxiliaries. "shared" when a coordinating connective sits right before the cue.
 */
function speakerBefore(
  text: string,
  paragraph: TextRange,
  quotes: TextRange[],
  cueStart: number,
  boundary: number,
): Mention | "shared" | null {
  let from = Math.max(paragraph.start, boundary, cueStart - MAX_SPEAKER);
  for (const q of quotes) if (q.end < cueStart && q.end + 1 > from) from = q.end + 1;
  let window = text.slice(from, cueStart);
  // "แหล่งข่าว...ซึ่งไม่ประสงค์จะเปิดเผยชื่อ กล่าวว่า": the aside describes the speaker; drop it.
  const aside = new RegExp(`(?:ซึ่ง|ที่)(?:${THAI_ANONYMITY_ASIDES.join("|")})\\s*$`).exec(window);
  if (aside) window = window.slice(0, aside.index);
  const trimmed = stripThaiAuxiliaries(window);
  if (THAI_SHARED_SUBJECT.some((c) => trimmed.endsWith(c))) {
    const before = trimmed.slice(0, trimmed.length - THAI_SHARED_SUBJECT.find((c) => trimmed.endsWith(c))!.length);
    if (before.length === 0 || /\s$/.test(before) || trimmed.length <= 8) return "shared";
  }
  // The last clause opener before the cue. "ซึ่งเป็น..." after a name describes it: not a new clause.
  let start = 0;
  for (let j = trimmed.length - 1; j >= 0; j--) {
    const opener = OPENERS.find((o) => trimmed.startsWith(o, j));
    // An opener glued inside a word or a title ("รัฐมนตรีด้านการคลัง") does not open a clause.
    if (
      opener &&
      !(THAI_APPOSITIVE_OPENERS.includes(opener) && trimmed.startsWith("เป็น", j + opener.length) && j > 0) &&
      (j === 0 ||
        /\s/.test(trimmed[j - 1]!) ||
        startsWithTitle(trimmed, j + opener.length) ||
        THAI_GLUED_OPENERS.includes(opener))
    ) {
      start = j + opener.length;
      break;
    }
  }
  let phrase = trimmed.slice(start);
  let offset = start;
  const title = speakerTitle(phrase);
  if (title !== -1) {
    // A name written without an honorific before its office ("เอมิลี ฮาร์ต โฆษกกระทรวง..."): one to
    // three words at the clause start, none of them a connective or a time phrase.
    const before = phrase.slice(0, title).trim();
    const words = before.split(/\s+/).filter(Boolean);
    const titleEntry = SPEAKER_TITLES.find((t) => phrase.startsWith(t.form, title))!;
    const nameBefore =
      title > 0 &&
      /\s$/.test(phrase.slice(0, title)) &&
      titleEntry.type === "person" &&
      // Honorifics and ranks (นาย, ดร., พล.อ.) are followed by the name, not preceded by it.
      titleEntry.kind !== null &&
      !titleEntry.form.includes(".") &&
      words.length >= 1 &&
      words.length <= 3 &&
      words.every(
        (w) =>
          w.length >= 2 &&
          w.length <= 20 &&
          !/[0-9"“”()]/.test(w) &&
          !OPENERS.some((o) => w.startsWith(o)) &&
          !THAI_AUXILIARIES.includes(w),
      ) &&
      !/(?:เมื่อ|วันที่|ที่ผ่านมา|การ)/.test(before);
    const from = nameBefore ? phrase.indexOf(words[0]!) : title;
    offset += from;
    phrase = phrase.slice(from);
    // A time phrase between the name and the cue belongs to neither ("นายX เมื่อวันจันทร์กล่าวว่า").
    const time = /\s(?:เมื่อ|ในวัน|ก่อนหน้านี้)/.exec(phrase);
    if (time) phrase = phrase.slice(0, time.index);
  } else {
    const lastSpace = phrase.trimEnd().lastIndexOf(" ");
    if (lastSpace !== -1 && !/\([^)]*$/.test(phrase.slice(0, lastSpace))) {
      offset += lastSpace + 1;
      phrase = phrase.slice(lastSpace + 1);
    }
  }
  // "ข้อมูลของกระทรวง X ที่ระบุว่า": a relativiser after a space belongs to the cue, not the name.
  phrase = stripThaiAuxiliaries(phrase).replace(/\s+(?:ที่|ซึ่ง)$/, "");
  const lead = phrase.length - phrase.trimStart().length;
  phrase = phrase.trim();
  if (phrase.length < 2 || phrase.length > MAX_SPEAKER) return null;
  return { start: from + offset + lead, end: from + offset + lead + phrase.length, text: phrase };
}

/**
 * The subject of a clause with no cue of its own between the last claim and a joined cue
 * ("... ด้านผู้ว่าราชการจังหวัด X Y สั่งปิดชายหาด และ<cue>"): a title on a word edge after a clause
 * opener, then the words up to the predicate (the last space-separated chunk before และ).
 */
function subjectOfClauseBefore(text: string, from: number, cueStart: number): Mention | null {
  const gap = text.slice(from, cueStart);
  const join = gap.search(/\s+(?:และ|พร้อม(?:ทั้ง)?)(?:ยัง)?(?:ได้)?\s*$/);
  if (join === -1) return null;
  for (let j = 0; j < join; j++) {
    if (!startsWithTitle(gap, j)) continue;
    const before = gap.slice(0, j).trimEnd();
    const edge =
      j === 0 || /\s/.test(gap[j - 1]!) || OPENERS.some((o) => before.endsWith(o) && /(?:^|\s)\S*$/.test(before));
    if (!edge || !OPENERS.some((o) => before.endsWith(o))) continue;
    const chunks = gap.slice(j, join).split(/\s+/);
    if (chunks.length < 2 || chunks.length > 5) return null;
    const phrase = chunks.slice(0, -1).join(" ");
    const start = from + j;
    return { start, end: start + phrase.length, text: phrase };
  }
  return null;
}

/** The outlet between a verb and its ว่า ("ให้สัมภาษณ์กับสำนักข่าว X ว่า"): it reported what it was told. */
function outletTold(text: string, hit: CueHit): Mention | null {
  const gapStart = hit.cue.start + hit.entry.form.length;
  const gap = text.slice(gapStart, gapStart + hit.gap);
  const to = TOLD_TO.exec(gap);
  if (!to || !OUTLET_TITLES.some((t) => gap.startsWith(t.form, to[0].length))) return null;
  const name = gap.slice(to[0].length).trimEnd();
  const start = gapStart + to[0].length;
  return name.length > 0 ? { start, end: start + name.length, text: name } : null;
}

function startsWithTitle(text: string, at: number): boolean {
  return SPEAKER_TITLES.some((t) => text.startsWith(t.form, at));
}

/**
 * Index of the title that opens the speaker in a phrase (-1 if none): the first one on a word edge
 * (phrase start, after a space or a bracket), so "รัฐมนตรี" inside "คณะรัฐมนตรี" is not one. The
 * publisher's own reporter asking ("เมื่อผู้สื่อข่าวถาม... นายกฯ ตอบว่า") gives way to a later title.
 */
function speakerTitle(phrase: string): number {
  const edges: number[] = [];
  for (let j = 0; j < phrase.length; j++) {
    if (!startsWithTitle(phrase, j)) continue;
    if (j === 0 || /[\s(]/.test(phrase[j - 1]!)) edges.push(j);
  }
  const first = edges.find((j) => !THAI_OWN_REPORTER_TITLES.some((t) => phrase.startsWith(t, j))) ?? -1;
  if (first !== -1 || edges.length > 0) return first !== -1 ? first : edges[0]!;
  // No title on a word edge: one glued to a function word ("ข้อมูลของกระทรวง...") still opens the speaker.
  for (let j = 0; j < phrase.length; j++)
    if (startsWithTitle(phrase, j) && /(?:ของ|กับ)$/.test(phrase.slice(0, j))) return j;
  return -1;
}

/** Where a clause scanned from some index ends, and the connective that ended it (if any). */
interface ClauseEnd {
  end: number;
  /** The connective after the space that ended the clause, and where it starts. */
  stop: { at: number; word: string } | null;
}

/** Scans a clause from `start`: it ends at a space before a clause opener, a sentence end or the paragraph end. */
function scanClause(text: string, paragraph: TextRange, quotes: TextRange[], start: number): ClauseEnd {
  for (let j = start + 1; j < paragraph.end; j++) {
    if (inside(j, quotes)) continue;
    const c = text[j]!;
    if (/\s/.test(c) && j - start >= 6) {
      let k = j;
      while (k < paragraph.end && /\s/.test(text[k]!)) k++;
      const next = text.startsWith("และ", k) ? k + 3 : k;
      const marker = THAI_CONTRAST_MARKERS.find((m) => text.startsWith(m.form, k) || text.startsWith(`ซึ่ง${m.form}`, k));
      if (marker || SOURCE_AFTER.some((c) => text.startsWith(c.form, next)))
        return { end: j, stop: { at: k, word: marker ? marker.form : "" } };
      // "... และกล่าวว่า", "... พร้อมระบุว่า": the same speaker goes on with a new cue.
      const afterJoin = JOINED_CUE.exec(text.slice(k, k + 12));
      if (afterJoin && CUES.some((c) => c.frame === "verb" && text.startsWith(c.form, k + afterJoin[0].length)))
        return { end: j, stop: { at: k, word: "" } };
      const continuer = CONTINUERS.find((e) => text.startsWith(e, k));
      if (continuer) return { end: j, stop: { at: k, word: continuer } };
      if (ENDERS.some((e) => text.startsWith(e, k))) return { end: j, stop: { at: k, word: "" } };
      // '... ภายในเดือนมิถุนายน "เราใกล้ถึงแล้ว" นายX กล่าว': a quotation with its own speaker after it.
      if (OPENING_QUOTES.has(text[k]!)) {
        const quote = quotes.find((q) => q.start === k + 1);
        if (quote && quotedThenCue(text, paragraph, quote.end + 1)) return { end: j, stop: { at: k, word: "" } };
      }
      const shifter = THAI_TOPIC_SHIFTERS.find((w) => text.startsWith(w, k));
      if (shifter && startsWithTitle(text, k + shifter.length + (text[k + shifter.length] === " " ? 1 : 0)))
        return { end: j, stop: { at: k, word: "" } };
      if (titledSpeakerAhead(text, paragraph, k) && !JOINING_BEFORE.test(text.slice(Math.max(start, j - 6), j)))
        return { end: j, stop: { at: k, word: "" } };
      // A new subject noun phrase after a space ("... ทางทหาร การพบกันครั้งนี้...") starts a new sentence.
      if (
        j - start >= 25 &&
        NEW_SUBJECT.test(text.slice(k, k + 4)) &&
        !JOINING_BEFORE.test(text.slice(Math.max(start, j - 6), j))
      ) {
        return { end: j, stop: { at: k, word: "" } };
      }
    }
    if ((c === "." && !isAbbreviationStop(text, j) && /\s/.test(text[j + 1] ?? " ")) || c === "!" || c === "?")
      return { end: j + 1, stop: null };
  }
  return { end: paragraph.end, stop: null };
}

// Honorifics and ranks (นาย, นางสาว, ดร., พล.อ.): an office (รัฐมนตรี) after a space is more often an apposition.
const NAME_TITLES = SPEAKER_TITLES.filter(
  (t) => t.type === "person" && t.nameFollows && (t.kind === null || t.form.includes(".")),
);
const VERB_CUES = CUES.filter((c) => c.frame === "verb");

/**
 * Whether a titled name at `at` is the subject of a cue close ahead ("... จะปิดโรงงาน นายอนุชา
 * ... โฆษกรัฐบาล กล่าวว่า"): a new sentence, not the object of the clause before it.
 */
function titledSpeakerAhead(text: string, paragraph: TextRange, at: number): boolean {
  // The longest title decides: "นายอำเภอ" (an office, after a name) is not the honorific "นาย".
  const title = SPEAKER_TITLES.find((t) => text.startsWith(t.form, at));
  if (!title || !NAME_TITLES.includes(title)) return false;
  const window = text.slice(at, Math.min(paragraph.end, at + 90));
  const that = window.indexOf("ว่า");
  if (that === -1) return false;
  const verb = window.slice(0, that).replace(/(?:ด้วย|อีก|เพิ่มเติม|ไว้|ยัง)+$/, "");
  return VERB_CUES.some((c) => c.complement === "that" && verb.endsWith(c.form));
}

/** Whether a speaker and a verb cue with no ว่า follow a closing quotation mark ('" นายX กล่าว'). */
function quotedThenCue(text: string, paragraph: TextRange, from: number): boolean {
  const after = text.slice(from, Math.min(paragraph.end, from + 60));
  return VERB_CUES.some((c) => {
    const at = after.indexOf(c.form);
    return at > 0 && !after.slice(0, at + c.form.length + 3).includes("ว่า");
  });
}

const CONTINUERS = [...THAI_CONTINUERS].sort((a, b) => b.length - a.length);

/** The claim's span: a quotation, or the clause after the cue up to the next clause opener. */
function contentSpan(
  text: string,
  paragraph: TextRange,
  quotes: TextRange[],
  hit: CueHit,
): (TextRange & { next: ClauseEnd["stop"] }) | null {
  if (hit.quoteBefore) return { ...hit.quoteBefore, next: null };
  let start = hit.contentStart;
  while (start < paragraph.end && /\s/.test(text[start]!)) start++;
  if (start >= paragraph.end) return null;
  const quote = quotes.find((q) => q.start === start + 1);
  if (quote) return { start: quote.start, end: quote.end, next: null };
  const spanStart = hit.entry.complement === "object" && !hit.cited && !hit.after ? hit.cue.start : start;
  const clause = scanClause(text, paragraph, quotes, start);
  return { ...trimRange(text, { start: spanStart, end: clause.end }), next: clause.stop };
}

/**
 * Reported speech that goes on past its first clause ("... ซึ่งขาดแคลน... แต่การที่...") becomes
 * further claims of the same speaker, up to the next attribution or a connective that returns
 * the text to the publisher.
 */
function continuations(
  text: string,
  paragraph: TextRange,
  quotes: TextRange[],
  attribution: Attribution,
  next: ClauseEnd["stop"],
  limit: number,
): Attribution[] {
  const out: Attribution[] = [];
  let stop = next;
  for (let n = 0; stop?.word && CONTINUERS.includes(stop.word) && n < 8; n++) {
    // "แต่ข้อเท็จจริงคือ ...", "ซึ่งเป็น...": the publisher's own aside, not more reported speech.
    if (THAI_PUBLISHER_ASIDES.some((a) => text.startsWith(a, stop!.at))) break;
    const start = stop.at + stop.word.length;
    if (start >= limit) break;
    const clause = scanClause(text, paragraph, quotes, start);
    const span = trimRange(text, { start, end: Math.min(clause.end, limit) });
    if (span.end - span.start < 6) break;
    const content = text.slice(span.start, span.end);
    const hedge =
      attribution.cue.entry.stance === "asserts"
        ? THAI_HEDGES.find((h) => findThaiWord(content, h, THAI_NOMINAL_PREFIXES) !== -1)
        : undefined;
    // A coordinated clause ("A ไปพร้อมกับ B", "A รวมถึง B") stays under A's hedge.
    const previous = out[out.length - 1] ?? attribution;
    const inherited = !hedge && THAI_COORDINATING.includes(stop.word) && previous.stance === "hedges";
    const stance = hedge || inherited ? "hedges" : attribution.cue.entry.stance === "denies" ? "denies" : "asserts";
    out.push({
      ...attribution,
      span,
      stance,
      hedged: stance === "hedges",
      confidence: Math.round((attribution.confidence - 0.2 - 0.05 * n) * 100) / 100,
      rule: `${attribution.rule}+continuation`,
      explanation: `the reported speech of "${attribution.speaker.text}" (${attribution.cue.entry.gloss} with "${attribution.cue.text}") goes on after "${stop.word}"${hedge ? `; hedged by "${hedge}"` : inherited ? "; hedged like the clause it is coordinated with" : ""}`,
    });
    if (clause.end >= limit) break;
    stop = clause.stop;
  }
  return out;
}

/**
 * Whether a stretch of Thai holds a predicate word that starts and ends on ICU word boundaries
 * (ICU cuts verbs into syllables: เพิ่มขึ้น is เพิ่ม|ขึ้น, so a word may span segments; "ได้" is
 * not inside "รายได้"). With `afterSubject`, the stretch must not open with one: it needs a subject.
 */
function hasPredicate(stretch: string, afterSubject: boolean): boolean {
  if (afterSubject && THAI_PREDICATE_WORDS.some((w) => stretch.startsWith(w))) return false;
  const segments = wordSegments(stretch);
  const ends = new Set(segments.map((w) => w.index + w.segment.length));
  return segments.some(
    (w) =>
      (!afterSubject || w.index > 0) &&
      THAI_PREDICATE_WORDS.some((p) => stretch.startsWith(p, w.index) && ends.has(w.index + p.length)) &&
      // "การมี", "ความเป็น", "รายได้": a noun, not a predicate.
      ![...THAI_NOMINAL_PREFIXES, ...THAI_PREDICATE_NOUN_HEADS].some((n) => stretch.startsWith(n, w.index - n.length)),
  );
}

/**
 * "X กล่าวว่า ราคาข้าวจะสูงขึ้น และรัฐบาลจะช่วยชาวนา": two statements joined by และ become two
 * claims of the same speaker. Only when both sides are clauses: A holds a predicate word and B
 * has its own subject before one. A noun list ("ไทยและจีนจะ...", "ช่วยชาวนาและชาวประมง") and a
 * second predicate of A's subject ("...40 ปีและไม่เคย...") stay one claim; so does a quotation.
 */
function splitCoordinated(text: string, quotes: TextRange[], a: Attribution): Attribution[] {
  if (a.cue.entry.complement !== "that" || quotes.some((q) => q.start === a.span.start)) return [a];
  const said = text.slice(a.span.start, a.span.end);
  for (let at = said.indexOf("และ", 6); at !== -1; at = said.indexOf("และ", at + 3)) {
    if (inside(a.span.start + at, quotes) || !isThaiWordAt(said, at, 3)) continue;
    const left = trimRange(text, { start: a.span.start, end: a.span.start + at });
    const right = trimRange(text, { start: a.span.start + at + 3, end: a.span.end });
    if (left.end - left.start < 6 || right.end - right.start < 6) continue;
    // Matched on the raw string: ICU cuts หลังจากนั้น into หลัง|จาก|นั้น.
    if (THAI_SEQUENCE_OPENERS.some((o) => text.startsWith(o, right.start))) continue;
    if (
      !hasPredicate(text.slice(left.start, left.end), false) ||
      !hasPredicate(text.slice(right.start, right.end), true)
    )
      continue;
    const part = (span: TextRange, n: number): Attribution => {
      const content = text.slice(span.start, span.end);
      const hedge =
        a.cue.entry.stance === "asserts"
          ? THAI_HEDGES.find((h) => findThaiWord(content, h, THAI_NOMINAL_PREFIXES) !== -1)
          : undefined;
      const stance = a.stance === "denies" ? "denies" : hedge ? "hedges" : a.cue.entry.stance;
      return {
        ...a,
        span,
        stance,
        hedged: stance === "hedges",
        confidence: n === 0 ? a.confidence : Math.round((a.confidence - 0.1) * 100) / 100,
        rule: n === 0 ? a.rule : `${a.rule}+and`,
        explanation:
          n === 0
            ? a.explanation.replace(/; hedged by "[^"]*"/, "") + (hedge ? `; hedged by "${hedge}"` : "")
            : `the reported speech of "${a.speaker.text}" (${a.cue.entry.gloss} with "${a.cue.text}") goes on with a second clause after "และ"${hedge ? `; hedged by "${hedge}"` : ""}`,
        denies: n === 0 ? a.denies : undefined,
      };
    };
    return [part(left, 0), ...splitCoordinated(text, quotes, part(right, 1))];
  }
  return [a];
}

/**
 * Folds a report into the claim it carries: when a cue sits inside another claim's content and
 * its speaker opens that content, the outer speaker becomes a reporter (or relay) of the inner
 * claim. Other cues inside a claim's content are part of that content.
 */
export function foldNested(text: string, found: Attribution[]): Attribution[] {
  const out: Attribution[] = [];
  for (const attribution of found) {
    const outer = out.find((a) => attribution.cue.start >= a.span.start && attribution.cue.start < a.span.end);
    if (!outer) {
      out.push(attribution);
      continue;
    }
    const nestedHere =
      attribution.speaker.start <= outer.span.start + 1 &&
      attribution.speaker.start >= outer.span.start &&
      attribution.rule !== "th.verb.shared_subject";
    const clauseStart = independentClauseStart(text, outer, attribution);
    if (!nestedHere && clauseStart !== null) {
      // A later clause with its own cue and subject ("... ด้านนาย Y มองว่า") ends the claim before it.
      outer.span = trimRange(text, { start: outer.span.start, end: clauseStart });
      out.push(attribution);
      continue;
    }
    if (nestedHere) {
      const nested: Attribution = {
        ...attribution,
        via: [...attribution.via, outer.speaker, ...outer.via],
        rule: `${attribution.rule}+nested`,
        explanation: `${attribution.explanation}; carried by "${outer.speaker.text}" (${outer.cue.entry.gloss} with "${outer.cue.text}")${outer.via.length ? `, relayed by ${outer.via.map((v) => `"${v.text}"`).join(", ")}` : ""}`,
        confidence: Math.round(Math.min(attribution.confidence, outer.confidence) * 95) / 100,
      };
      out.splice(out.indexOf(outer), 1, nested);
    }
  }
  void text;
  return out;
}

/**
 * "X ปฏิเสธรายงานของ Y และระบุว่า Z", "X หักล้างคำกล่าวของ Y โดยระบุว่า Z": one denial whose content
 * is Z and whose object is what it denies. The object clause stops being a claim of its own.
 */
function mergeDenialObjects(text: string, found: Attribution[]): void {
  for (let i = found.length - 2; i >= 0; i--) {
    const object = found[i]!;
    const said = found[i + 1]!;
    if (object.rule !== "th.verb.object" || object.cue.entry.kind !== "denial") continue;
    if (said.rule !== "th.verb.shared_subject" || said.cue.start - object.span.end > 12) continue;
    const denied = text.slice(object.span.start, object.span.end);
    found.splice(i, 2, {
      ...said,
      stance: "denies",
      hedged: false,
      denies: { ...object.span, text: denied },
      rule: `${object.rule}+${said.rule}`,
      explanation: `${said.explanation}; what is said is the content of "${denied}"`,
    });
  }
}

/**
 * Where the clause of `inner` starts when it is a new sentence inside `outer`'s content, not part
 * of it: after a space, with a subject of its own (or the shared one after "และ"/"โดย"), and not a
 * nominal ("การที่รัฐบาลประกาศว่า" stays inside). Null when it belongs to the content.
 */
function independentClauseStart(text: string, outer: Attribution, inner: Attribution): number | null {
  const shared = inner.rule === "th.verb.shared_subject";
  let start = shared ? inner.cue.start : Math.min(inner.speaker.start, inner.cue.start);
  if (!shared && /^(?:การ|ความ|ที่|ซึ่ง)/.test(inner.speaker.text)) return null;
  for (let changed = true; changed; ) {
    changed = false;
    const lead = THAI_CLAUSE_LEADS.find((w) => text.startsWith(w, start - w.length));
    if (lead && start - lead.length > outer.span.start) {
      start -= lead.length;
      changed = true;
    }
    while (start > outer.span.start && text[start - 1] === " " && /\s/.test(text[start - 2] ?? "")) start--;
  }
  if (start <= outer.span.start + 6 || !/\s/.test(text[start - 1] ?? "")) return null;
  return start - 1;
}

/** "ปฏิเสธรายงาน(ดังกล่าว)": a denial of a report named before it. */
const DENIED_REPORT = /^ปฏิเสธ(?:รายงาน|ข่าว)/;

/** Contrast markers ("สวนทางกับ"): the claim before the marker against those reported after it. */
function findContrasts(
  text: string,
  paragraph: TextRange,
  attributions: Attribution[],
  earlier: Attribution[] = [],
): ContrastFinding[] {
  const out: ContrastFinding[] = [];
  for (const denial of attributions) {
    if (!DENIED_REPORT.test(text.slice(denial.cue.start, denial.cue.start + 20))) continue;
    const report = [...earlier, ...attributions]
      .filter((a) => a.cue.start < denial.cue.start && a.cue.entry.kind === "report" && a !== denial)
      .pop();
    if (report) out.push({ before: denial, after: report, marker: "ปฏิเสธรายงาน", gloss: "denies the report" });
  }
  for (const marker of THAI_CONTRAST_MARKERS) {
    const within = text.slice(0, paragraph.end);
    for (let at = within.indexOf(marker.form, paragraph.start); at !== -1; at = within.indexOf(marker.form, at + 1)) {
      const before = [...attributions].reverse().find((a) => a.span.end <= at + 1 && at - a.span.end < 40);
      if (!before) continue;
      for (const after of attributions) {
        if (after.cue.start > at && after.cue.start < at + 400 && after !== before)
          out.push({ before, after, marker: marker.form, gloss: marker.gloss });
      }
    }
  }
  return out;
}
