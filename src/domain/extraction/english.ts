import { ENGLISH_ABBREVIATIONS, ENGLISH_AUXILIARIES, ENGLISH_CLAUSE_OPENERS } from "./lexicon/connectives.js";
import { ENGLISH_CONTRAST_MARKERS, ENGLISH_REPORT_ANAPHORS } from "./lexicon/contrast.js";
import { type CueEntry, ENGLISH_CUES } from "./lexicon/cues.js";
import {
  ENGLISH_ANONYMITY_ASIDES,
  ENGLISH_CUE_NEGATIONS,
  ENGLISH_DESCRIPTION_NOUNS,
  ENGLISH_FIGURE_NOUNS,
  ENGLISH_LEADING_ADVERBIALS,
  ENGLISH_SOURCE_NOUNS,
} from "./lexicon/englishWords.js";
import { OUTLETS } from "./lexicon/outlets.js";
import { ENGLISH_HEDGES } from "./lexicon/stance.js";
import { escapeRegExp } from "./sources.js";
import { isAbbreviationStop, paragraphs, trimRange } from "./textTools.js";
import type { Attribution, ContrastFinding, Mention, TextRange } from "./types.js";

const VERBS = ENGLISH_CUES.filter((c) => c.frame === "verb");
const VERB_RE = new RegExp(
  `\\b(${VERBS.map((c) => escapeRegExp(c.form))
    .sort((a, b) => b.length - a.length)
    .join("|")})\\b`,
  "g",
);
const ACCORDING = ENGLISH_CUES.find((c) => c.form === "according to")!;
const SAID = ENGLISH_CUES.find((c) => c.form === "said")!;
const CITING = ENGLISH_CUES.find((c) => c.form === "citing")!;
const PRONOUNS = /^(?:he|she|they)$/i;
// Case-sensitive, with capitalised forms for a sentence start, except "May" (the month).
const HEDGE_RE = new RegExp(
  `\\b(?:${[
    ...ENGLISH_HEDGES,
    ...ENGLISH_HEDGES.filter((h) => h !== "may").map((h) => h[0]!.toUpperCase() + h.slice(1)),
  ]
    .map(escapeRegExp)
    .join("|")})\\b`,
);
/** "did not say", "declined to say": a negated attribution reports nothing said. */
const NEGATED_BEFORE = new RegExp(`\\b(?:${ENGLISH_CUE_NEGATIONS.map(escapeRegExp).join("|")})\\s+$`, "i");
/** "The agency", "the ministry": a definite description that stands for a source named before. */
const DEFINITE_DESCRIPTION = new RegExp(`^the\\s+(${ENGLISH_DESCRIPTION_NOUNS.join("|")})$`, "i");
/**
 * The adverbials a reporting verb may take before its content or the sentence's end: "in a
 * bulletin", "on Tuesday", "in a post on X", "at a news conference in the capital", "during a
 * visit to the dam on Friday", "late on Monday", "last week". A phrase opens with a preposition
 * and runs at most four words; a word that makes a clause (an auxiliary, "that", a subject
 * pronoun) ends it, so "said in the end it failed" is not a said-clause and its adverbial.
 */
const ADVERBIAL_WORD = String.raw`(?!(?:that|is|are|was|were|will|would|has|have|had|could|can|may|might|must|should|did|does|do|he|she|it|they|we|i)\b)[\w'’.&-]+`;
const ADVERBIAL_PHRASE = (prepositions: string) =>
  String.raw`(?:(?:late|early|earlier|later)\s+)?(?:(?:${prepositions})\s+(?:${ADVERBIAL_WORD}\s+){0,3}?${ADVERBIAL_WORD}|(?:last|this|next)\s+\w+|yesterday|today|tonight)`;
const FIRST_PREPOSITIONS = "in|on|at|during|through|via|from|after|before|over";
const ADVERBIALS = String.raw`(?:${ADVERBIAL_PHRASE(FIRST_PREPOSITIONS)}(?:,?\s+${ADVERBIAL_PHRASE(`${FIRST_PREPOSITIONS}|to|for|with|of|by|near`)}){0,3})`;
/** "said in a bulletin on Monday that ...": adverbials, then the content's "that". */
const ADVERBIALS_BEFORE_THAT = new RegExp(String.raw`^\s*,?\s*${ADVERBIALS}\s*,?\s+that\s+`, "i");
/** ", the BBC reported" / ", according to X" closing the content of a leading frame: who carried it. */
const TRAILING_CARRIER = new RegExp(
  String.raw`,\s+(?:according to\s+(.+?)|((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}|the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+(?:reported|said|wrote|added))(?:\s+${ADVERBIALS})?$`,
);
const AUX_RE = new RegExp(`(?:\\s+(?:${ENGLISH_AUXILIARIES.map(escapeRegExp).join("|")}))+$`, "i");
const OPENER_RE = new RegExp(`^(?:${ENGLISH_CLAUSE_OPENERS.map(escapeRegExp).join("|")})\\b,?\\s*`, "i");
/**
 * "Dmitry Peskov, the Kremlin spokesman," / "Anna Berg, who chairs the board,": a name, then a
 * description of it. A leading adverbial ("In Moscow, officials said") is not one.
 */
const APPOSITIVE = new RegExp(
  `^(?!(?:${ENGLISH_LEADING_ADVERBIALS.join("|")})\\b)[A-Z][\\w.'’-]*(?:\\s+[A-Z][\\w.'’-]*)*,\\s+(?:a|an|the|who|which|whose|one|[a-z]+\\s+of)\\s`,
);

/** A word that makes a clause of a phrase (an auxiliary, or a past form). */
const CLAUSE_VERB =
  /\b(?:is|are|was|were|will|would|had|has|have|could|can|may|might|must|should|did|does|do|[a-z]{3,}ed)\b/i;

/** Verbs that may come before their speaker after the claim (", said X."). */
const INVERTED_VERBS = new Set([
  "said",
  "says",
  "added",
  "wrote",
  "stated",
  "warned",
  "insisted",
  "explained",
  "noted",
]);

/** Cue kinds whose content is a clause ("said that ..."), not an object ("denied the report"). */
const THAT_CLAUSE_KINDS = new Set(["statement", "report", "warning", "announcement", "expectation"]);

/** "put the death toll at": the only use of "put" that reports something. */
const FIGURE_AT = new RegExp(
  `^\\s+(?:the|its|their|a)\\s+(?:[\\w-]+\\s+)?(?:${ENGLISH_FIGURE_NOUNS.map(escapeRegExp).join("|")})\\s+at\\b`,
  "i",
);
const ANONYMITY_ASIDE = new RegExp(`,\\s+(?:${ENGLISH_ANONYMITY_ASIDES.map(escapeRegExp).join("|")})\\b`, "i");

/** Objects of "told" that are the audience, not the content ("told reporters that"). */
const AUDIENCE_RE =
  /^(?:reporters|journalists|the press|lawmakers|parliament|an? [\w-]+ (?:conference|interview|briefing)|(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s*(?:,\s*)?/;

/** "told the committee that", "told his party's congress that": whoever was told, up to "that". */
const TOLD_BEFORE_THAT = /^(?:the|a|an|his|her|their|its)\s+(?:[\w.&'’-]+\s+){0,3}?[\w.&'’-]+\s+(?=that\s)/i;

const OUTLET_NAMES = new Set(OUTLETS.flatMap((o) => [o.english, ...o.latin]));
/** Whether a name is a wire service or broadcaster a desk meets every day ("Reuters", "the BBC"). */
function isKnownOutlet(name: string): boolean {
  return OUTLET_NAMES.has(name.replace(/^the\s+/i, ""));
}

/** Sentences of an English paragraph: full stops that are not abbreviations, ! and ?. */
export function englishSentences(text: string, paragraph: TextRange): TextRange[] {
  const out: TextRange[] = [];
  let start = paragraph.start;
  let quoted = false;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const c = text[i]!;
    // A quotation may hold several sentences: '"A. B," he said.' is one attribution.
    const wasQuoted = quoted;
    if (c === "“") quoted = true;
    else if (c === "”") quoted = false;
    else if (c === '"') quoted = !quoted;
    // '..." said X. "Next quote."' or '"A. B." Next sentence': a quotation that closes on a full
    // stop ends the sentence when a new one starts after it.
    if (wasQuoted && !quoted && /[.!?]/.test(text[i - 1] ?? "") && /^\s+["“A-Z]/.test(text.slice(i + 1, i + 3))) {
      out.push(trimRange(text, { start, end: i + 1 }));
      start = i + 1;
      continue;
    }
    if (quoted) continue;
    if ((c === "." || c === "!" || c === "?") && !(c === "." && isAbbreviationStop(text, i, ENGLISH_ABBREVIATIONS))) {
      let end = i + 1;
      while (end < paragraph.end && /["”’)]/.test(text[end]!)) end++;
      if (end >= paragraph.end || /\s/.test(text[end]!)) {
        out.push(trimRange(text, { start, end }));
        start = end;
        i = end - 1;
      }
    }
  }
  if (paragraph.end > start) {
    const last = trimRange(text, { start, end: paragraph.end });
    if (last.end > last.start) out.push(last);
  }
  return out;
}

/**
 * A sentence's independent clauses: "X insists A, but critics say B" holds two attributions.
 * Commas inside a quotation do not split.
 */
export function clausesOf(text: string, sentence: TextRange): TextRange[] {
  const s = text.slice(sentence.start, sentence.end);
  const out: TextRange[] = [];
  let from = 0;
  let quoted = false;
  const re = /[;"“”]|,\s+(?:but|while|whereas)\s+/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0] === "“") quoted = true;
    else if (m[0] === "”") quoted = false;
    else if (m[0] === '"') quoted = !quoted;
    else if (!quoted) {
      out.push(trimRange(text, { start: sentence.start + from, end: sentence.start + m.index }));
      from = m.index + m[0].length;
    }
  }
  out.push(trimRange(text, { start: sentence.start + from, end: sentence.end }));
  return out.filter((r) => r.end > r.start);
}

const mention = (text: string, start: number, end: number): Mention | null => {
  const r = trimRange(text, { start, end }, ",;:");
  return r.end > r.start ? { ...r, text: text.slice(r.start, r.end) } : null;
};

function plausibleSpeaker(phrase: string): boolean {
  const words = phrase.split(/\s+/);
  if (words.length === 0 || words.length > 14) return false;
  if (/^(?:that|which|who|what|when|if|as|it|this|there)\b/i.test(phrase)) return false;
  if (/^(?:the|a|an|some|several|many|two|three|senior|western|local|state)$/i.test(phrase)) return false;
  if (
    /^[A-Z0-9"“]/.test(phrase) ||
    /^(?:the|a|an|some|several|two|three|many|senior|western|local|state|officials|analysts|experts|sources|diplomats|people|he|she|they)\b/i.test(
      phrase,
    )
  )
    return true;
  // "military intelligence", "state media": a short phrase headed by a noun for a source.
  if (words.length <= 3 && ENGLISH_SOURCE_NOUNS.includes(words[words.length - 1]!.toLowerCase())) return true;
  // "envoy Lars Tenby", "spokeswoman Maj. Ana Reyl": a lowercase role, then a name (a rank first).
  if (/^(?:[a-z][a-z-]*\s+){1,3}(?:[A-Z][a-z]{1,4}\.\s+)?[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)*$/u.test(phrase))
    return true;
  // "critics say", "local residents said": a short plural description of who spoke.
  return words.length <= 4 && /^[a-z][a-z-]*s$/.test(words[words.length - 1]!);
}

/**
 * Attributions of an English text: "X said (that) ...", "... , X said.", "\"...,\" X said",
 * "according to X", and relays ("X, citing Y, reported that Z said ...").
 */
export function extractEnglish(text: string): { attributions: Attribution[]; contrasts: ContrastFinding[] } {
  const attributions: Attribution[] = [];
  const contrasts: ContrastFinding[] = [];
  for (const paragraph of paragraphs(text)) {
    const inParagraph: Attribution[] = [];
    let lastSentence: TextRange | null = null;
    for (const sentence of englishSentences(text, paragraph).flatMap((r) => clausesOf(text, r))) {
      const previousSentence = lastSentence;
      lastSentence = sentence;
      let found = extractSentence(text, sentence, attributions[attributions.length - 1] ?? null);
      // '"A," she said. "B."': a quotation standing alone right after an attributed one goes on with it.
      const previous = inParagraph[inParagraph.length - 1];
      if (!found && previous && previousSentence && previous.span.end <= previousSentence.end + 1)
        found = continuedQuote(text, sentence, previous);
      // A pronoun with no one named before it cannot be attributed.
      if (!found || PRONOUNS.test(found.speaker.text) || /^(?:we|i|you|it)$/i.test(found.speaker.text)) continue;
      const description = DEFINITE_DESCRIPTION.exec(found.speaker.text);
      if (description) {
        // "The agency added": the latest source named with that noun ("Meteorological Agency of Norland").
        const noun = new RegExp(`\\b${description[1]!}\\b`, "i");
        const named = [...attributions]
          .reverse()
          .find((a) => a.speaker !== found!.speaker && noun.test(a.speaker.text));
        const phrase = named
          ? null
          : [
              ...text
                .slice(0, found.speaker.start)
                .matchAll(new RegExp(`\\b[Tt]he\\s+((?:[\\w-]+\\s+){1,3}${description[1]!})\\b`, "g")),
            ]
              // "the valley said the board": a phrase that holds a reporting verb is two phrases.
              .filter((m) => !VERBS.some((v) => new RegExp(`\\b${escapeRegExp(v.form)}\\b`).test(m[1]!)))
              .pop();
        if (phrase) {
          const start = phrase.index + phrase[0].length - phrase[1]!.length;
          found = {
            ...found,
            speaker: { start, end: start + phrase[1]!.length, text: phrase[1]! },
            explanation: `${found.explanation}; "${found.speaker.text}" is taken to be "${phrase[1]}", named before`,
          };
        }
        if (named)
          found = {
            ...found,
            speaker: named.speaker,
            via: found.via.length ? found.via : named.via,
            explanation: `${found.explanation}; "${found.speaker.text}" is taken to be "${named.speaker.text}", named before`,
          };
      }
      const nested = nestedIn(text, found);
      attributions.push(nested);
      inParagraph.push(nested);
      if (found.follow) {
        attributions.push(found.follow);
        inParagraph.push(found.follow);
      }
      // "X denied the report": the denial contradicts the latest report before it.
      if (
        nested.stance === "denies" &&
        /^(?:the|these|those|such)?\s*(?:reports?|claims?|allegations?)\b/i.test(
          text.slice(nested.span.start, nested.span.end),
        )
      ) {
        const report = attributions
          .slice(0, -1)
          .reverse()
          .find((a) => a.cue.entry.kind === "report");
        if (report)
          contrasts.push({ before: nested, after: report, marker: "denied the report", gloss: "denies the report" });
      }
      for (const marker of ENGLISH_CONTRAST_MARKERS) {
        const at = text.slice(sentence.start, sentence.end).toLowerCase().indexOf(marker.form);
        if (at === -1) continue;
        const phrase = s0(text, sentence)
          .slice(at, at + 80)
          .split(",")[0]!;
        const earlier = attributions.slice(0, -1).reverse();
        const named = earlier.find((a) =>
          (a.speaker.text.match(/[A-Z][\w-]+/g) ?? []).some((w) => phrase.includes(w.toLowerCase())),
        );
        const opposite = earlier.find((a) => (a.stance === "denies") !== (nested.stance === "denies"));
        // Only a marker that names an earlier speaker ("contrary to Vale's denial") links two claims;
        // "despite reports" alone names no one.
        const prior = named;
        void opposite;
        if (prior && prior !== nested)
          contrasts.push({ before: nested, after: prior, marker: marker.form, gloss: marker.gloss });
      }
    }
  }
  return { attributions, contrasts };
}

const s0 = (text: string, r: TextRange) => text.slice(r.start, r.end).toLowerCase();

function build(
  text: string,
  speaker: Mention,
  via: Mention[],
  entry: CueEntry,
  cue: TextRange,
  span: TextRange,
  rule: string,
  explanation: string,
  confidence: number,
): Attribution {
  const content = text.slice(span.start, span.end);
  const hedge = entry.stance === "asserts" ? HEDGE_RE.exec(content) : null;
  return {
    speaker,
    via,
    cue: { ...cue, text: text.slice(cue.start, cue.end), entry },
    span,
    stance: hedge ? "hedges" : entry.stance,
    hedged: hedge !== null,
    confidence: Math.round(confidence * 100) / 100,
    rule,
    explanation: hedge ? `${explanation}; hedged by "${hedge[0]}"` : explanation,
  };
}

/** An attribution, and a second claim its sentence goes on with (", adding that ..."). */
type Found = Attribution & { follow?: Attribution };

function extractSentence(text: string, sentence: TextRange, previous: Attribution | null): Found | null {
  const s = text.slice(sentence.start, sentence.end);
  const at = (i: number) => sentence.start + i;
  const endTrim = s.replace(/[.!?"”’]+$/, "").length;

  // "According to X, CONTENT." and "CONTENT, according to X."
  const according = /\baccording to\b/i.exec(s);
  if (according) {
    const cue = { start: at(according.index), end: at(according.index + according[0].length) };
    if (according.index <= 2 || /^\W*$/.test(s.slice(0, according.index))) {
      const comma = s.indexOf(",", according.index);
      if (comma !== -1) {
        const speaker = mention(text, cue.end, at(comma));
        const span = trimRange(text, { start: at(comma + 1), end: at(endTrim) });
        if (speaker)
          return build(
            text,
            speaker,
            [],
            ACCORDING,
            cue,
            span,
            "en.according_to.lead",
            `"according to" names the source before the claim: "${speaker.text}"`,
            0.9,
          );
      }
    } else if (/,\s+(?:quoting|citing)\s+/i.test(s.slice(according.index, endTrim))) {
      // "CONTENT, according to A, quoting B.": B said it, A carried it.
      const relay = /,\s+(?:quoting|citing)\s+/i.exec(s.slice(according.index, endTrim))!;
      const reporter = mention(text, cue.end, at(according.index + relay.index));
      const cited = mention(text, at(according.index + relay.index + relay[0].length), at(endTrim));
      const span = trimRange(text, { start: sentence.start, end: cue.start }, ",");
      if (reporter && cited && span.end > span.start)
        return build(
          text,
          cited,
          [reporter],
          ACCORDING,
          cue,
          span,
          "en.according_to.trail_citing",
          `"according to ${reporter.text}" after the claim, quoting "${cited.text}"`,
          0.85,
        );
    } else if (s.slice(according.index + according[0].length, endTrim).includes(",")) {
      // "The deal, according to officials, was signed": the claim is the whole sentence.
      const comma = s.indexOf(",", according.index);
      const speaker = mention(text, cue.end, at(comma));
      const span = trimRange(text, { start: sentence.start, end: at(endTrim) });
      if (speaker)
        return build(
          text,
          speaker,
          [],
          ACCORDING,
          cue,
          span,
          "en.according_to.inside",
          `"according to" names the source inside the sentence: "${speaker.text}"`,
          0.85,
        );
    } else {
      const speaker = mention(text, cue.end, at(endTrim));
      const span = trimRange(text, { start: sentence.start, end: cue.start }, ",");
      if (speaker && span.end > span.start)
        return build(
          text,
          speaker,
          [],
          ACCORDING,
          cue,
          span,
          "en.according_to.trail",
          `"according to" names the source after the claim: "${speaker.text}"`,
          0.9,
        );
    }
  }

  // "\"QUOTE,\" X said." / "\"QUOTE,\" said X."
  const quoteFirst = /^["“]([^"”]+)[,.!?]?["”],?\s+(.+)$/.exec(s);
  if (quoteFirst) {
    const tail = quoteFirst[2]!;
    const tailStart = s.length - tail.length;
    const verbAfter = /^(said|says|added|told [\w ]+?|stated|insisted|warned|wrote)\s+(.+?)[.!?]?$/.exec(tail);
    const verbBefore = /^(.+?)\s+(said|says|added|stated|insisted|warned|wrote|told [\w ]+?)\b/.exec(tail);
    const quote = trimRange(text, { start: at(1), end: at(1 + quoteFirst[1]!.length) }, ",.");
    if (verbBefore && plausibleSpeaker(verbBefore[1]!)) {
      const speaker = mention(text, at(tailStart), at(tailStart + verbBefore[1]!.length))!;
      const entry = VERBS.find((c) => c.form === verbBefore[2]!.split(" ")[0]) ?? VERBS[0]!;
      const cueStart = at(tailStart + verbBefore[1]!.length + 1);
      // '"...," she told a rally, adding that B.': B is a second claim of the same speaker.
      const adding = /,\s+(adding|saying|noting|warning)\s+(?:that\s+)?/i.exec(tail);
      // '"...," X told Reuters.': the outlet told carries the quotation, as in "told Reuters that".
      const toldStart = tailStart + verbBefore[1]!.length + 1 + "told ".length;
      const audience = entry.form === "told" ? AUDIENCE_RE.exec(s.slice(toldStart, endTrim)) : null;
      const outlet = audience ? mention(text, at(toldStart), at(toldStart + audience[0].length)) : null;
      const quoted: Found = build(
        text,
        resolvePronoun(speaker, previous),
        outlet && isKnownOutlet(outlet.text) ? [outlet] : [],
        entry,
        { start: cueStart, end: cueStart + entry.form.length },
        quote,
        "en.quote.speaker_verb",
        `a quotation followed by "${speaker.text} ${entry.form}"`,
        0.92,
      );
      if (adding) {
        const from = at(tailStart + adding.index + adding[0].length);
        const span = trimRange(text, { start: from, end: at(endTrim) }, ',"”');
        const addEntry =
          adding[1]!.toLowerCase() === "warning" ? (VERBS.find((c) => c.form === "warned") ?? entry) : SAID;
        if (span.end - span.start >= 3)
          quoted.follow = build(
            text,
            quoted.speaker,
            [],
            addEntry,
            { start: at(tailStart + adding.index + 2), end: at(tailStart + adding.index + 2 + adding[1]!.length) },
            span,
            "en.quote.adding",
            `"${adding[1]}" after the quotation's attribution goes on with the same speaker`,
            0.85,
          );
      }
      return quoted;
    }
    if (verbAfter) {
      const verbLength = verbAfter[1]!.length;
      const speaker = mention(text, at(tailStart + verbLength + 1), at(endTrim));
      const entry = VERBS.find((c) => c.form === verbAfter[1]!.split(" ")[0]) ?? VERBS[0]!;
      if (speaker && plausibleSpeaker(speaker.text)) {
        return build(
          text,
          speaker,
          [],
          entry,
          { start: at(tailStart), end: at(tailStart) + entry.form.length },
          quote,
          "en.quote.verb_speaker",
          `a quotation followed by "${entry.form} ${speaker.text}"`,
          0.92,
        );
      }
    }
  }

  // Verb cues, first plausible one wins.
  for (const m of s.matchAll(VERB_RE)) {
    const verb = m[1]!;
    let entry = VERBS.find((c) => c.form === verb)!;
    const vStart = m.index!;
    const vEnd = vStart + verb.length;
    const before = s.slice(0, vStart);
    if ((before.match(/["“”]/g) ?? []).length % 2 === 1) continue; // inside a quotation
    if ((verb === "put" || verb === "puts") && !FIGURE_AT.test(s.slice(vEnd))) continue;
    // "X was quoted as saying (that) CONTENT": X said it, whoever quoted it.
    const quotedAs = verb === "quoted" ? /^(.+?)\s+(?:was|were|is|has been)\s+$/i.exec(before) : null;
    const asSaying = quotedAs ? /^\s+as saying\s+(?:that\s+)?/i.exec(s.slice(vEnd)) : null;
    if (quotedAs && asSaying) {
      const speaker = mention(text, sentence.start, at(quotedAs[1]!.length));
      const span = trimRange(text, { start: at(vEnd + asSaying[0].length), end: at(endTrim) }, ',"“”');
      if (speaker && plausibleSpeaker(speaker.text.replace(OPENER_RE, "")) && span.end - span.start >= 3)
        return build(
          text,
          resolvePronoun(speaker, previous),
          [],
          SAID,
          { start: at(vStart), end: at(vEnd) },
          span,
          "en.quoted_as_saying",
          `"${speaker.text}" was quoted as saying the claim`,
          0.8,
        );
    }
    // "CONTENT, said X[, a spokesman for Y]." (the verb before its speaker, closing the sentence).
    // Only when what comes before is a clause (it has a verb) and what comes after is a short
    // name without one: "Her deputy, Emil Darr, said the doses were late" is a leading frame.
    const head = s.slice(vEnd, endTrim).split(",")[0]!.trim();
    if (
      /,\s*["”]?\s*$/.test(before) &&
      INVERTED_VERBS.has(verb) &&
      CLAUSE_VERB.test(before) &&
      !/,\s+(?:who|which|whose|citing|quoting)\b/i.test(before) &&
      !CLAUSE_VERB.test(head) &&
      head.split(/\s+/).length <= 6
    ) {
      let speaker = mention(text, at(vEnd), at(endTrim));
      // ", said Reuters, citing two sources.": the sources said it, Reuters carried it.
      const citing = speaker ? /^(.+?),\s+(?:citing|quoting)\s+(.+)$/i.exec(speaker.text) : null;
      const via: Mention[] = [];
      if (speaker && citing) {
        via.push(mention(text, speaker.start, speaker.start + citing[1]!.length)!);
        speaker = mention(text, speaker.end - citing[2]!.length, speaker.end);
      }
      if (
        speaker &&
        !/^(?:on|in|at|to|by|for|that|this|it|yesterday|today|last|earlier|later)\b/i.test(speaker.text) &&
        plausibleSpeaker(speaker.text.split(",")[0]!)
      ) {
        const dateline = /^[^—–\n]*\([^)]*\)\s*[—–-]\s*/.exec(s);
        const span = trimRange(
          text,
          { start: sentence.start + (dateline ? dateline[0].length : 0), end: at(before.lastIndexOf(",")) },
          ',"“”',
        );
        if (span.end - span.start >= 3)
          return build(
            text,
            resolvePronoun(speaker, previous),
            via,
            entry,
            { start: at(vStart), end: at(vEnd) },
            span,
            "en.verb.trailing_inverted",
            `"${verb} ${speaker.text}" after the claim`,
            entry.weight - 0.02,
          );
      }
    }
    if (NEGATED_BEFORE.test(before)) continue;
    // "had been told", "was said": a passive is no one's attribution.
    if (/\b(?:been|being|be|was|were|is|are)\s+$/i.test(before)) continue;

    // Trailing: "CONTENT, X said." (verb at the end of the sentence), perhaps "..., quoting Y".
    let tail = s.slice(vEnd, endTrim);
    const quotingTail = /,\s+(?:quoting|citing)\s+([^,]+)$/i.exec(tail);
    if (quotingTail) tail = tail.slice(0, quotingTail.index);
    const lastComma = before.lastIndexOf(",");
    // The tail may go on with a subordinate clause: "..., the bank said on Tuesday, as prices rose."
    if (
      new RegExp(
        `^\\s*${verb === "told" || verb === "tells" ? "(?:(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}[\\w-]+|reporters|journalists|lawmakers|[A-Z][\\w-]+)?" : ""}\\s*${ADVERBIALS}?\\s*(?:,\\s*(?:as|while|after|when|because|since|adding|noting|although|though|even as|amid)\\b.*)?$`,
        "i",
      ).test(tail) ||
      (/^\s*(?:told\s+(?:an?|the)?\s*[\w -]+?)?\s*(?:on \w+\.?(?: \d{1,2})?|in a statement|in an interview|last \w+|this \w+)?\s*(?:,\s*(?:as|while|after|when|because|since|adding|noting|although|though|even as|amid)\b.*)?$/i.test(
        tail,
      ) &&
        lastComma > 0)
    ) {
      // "..., the head of the utility, Petra Olvan, told": the name after its description.
      let nameComma = lastComma;
      let contentEnd = lastComma;
      if (/^\s*$/.test(before.slice(lastComma + 1))) {
        nameComma = before.lastIndexOf(",", lastComma - 1);
        contentEnd = nameComma;
      }
      const described = before.lastIndexOf(",", nameComma - 1);
      if (
        described > 0 &&
        /^\s*(?:the|a|an)\s+[a-z]/.test(before.slice(described + 1, nameComma)) &&
        /^\s*[A-Z]/.test(before.slice(nameComma + 1))
      )
        contentEnd = described;
      const speaker = mention(text, at(nameComma + 1), at(nameComma === lastComma ? vStart : lastComma));
      if (speaker && plausibleSpeaker(speaker.text)) {
        const speakerText = speaker.text.replace(AUX_RE, "");
        const spk = { ...speaker, end: speaker.start + speakerText.length, text: speakerText };
        const dateline = /^[^—–\n]*\([^)]*\)\s*[—–-]\s*/.exec(s);
        const span = trimRange(
          text,
          { start: sentence.start + (dateline ? dateline[0].length : 0), end: at(contentEnd) },
          ',"“”',
        );
        if (quotingTail) {
          // "CONTENT, the agency said, quoting a pilot.": the pilot said it, the agency carried it.
          const citedStart = at(vEnd + quotingTail.index + quotingTail[0].length - quotingTail[1]!.length);
          const cited = mention(text, citedStart, citedStart + quotingTail[1]!.length);
          if (cited)
            return build(
              text,
              cited,
              [resolvePronoun(spk, previous)],
              entry.kind === "statement" ? SAID : entry,
              { start: at(vStart), end: at(vEnd) },
              span,
              "en.verb.trailing_quoting",
              `"${spk.text} ${verb}" after the claim, quoting "${cited.text}"`,
              entry.weight - 0.05,
            );
        }
        return build(
          text,
          resolvePronoun(spk, previous),
          [],
          entry,
          { start: at(vStart), end: at(vEnd) },
          span,
          "en.verb.trailing",
          `"${spk.text} ${verb}" after the claim`,
          entry.weight,
        );
      }
    }

    // Leading: "X said (that) CONTENT".
    // "KYIV, Ukraine (AP) — Ukraine's air force said": the dateline is not the speaker.
    let speakerText = before
      .replace(/^[^—–]*\([^)]*\)\s*[—–-]\s*/, "")
      .replace(/^[^—–]*[—–]\s*/, "")
      .replace(OPENER_RE, "");
    const openerLength = before.length - speakerText.length;
    speakerText = speakerText.replace(/\s+$/, "").replace(AUX_RE, "").replace(/,$/, "");
    const speakerStart = openerLength;
    let via: Mention[] = [];
    let speaker = mention(text, at(speakerStart), at(speakerStart + speakerText.length));
    if (!speaker) continue;
    // "X, citing Y, reported ..." : Y said it, X reported it.
    const citing = /^(.+?),\s+(?:citing|quoting)\s+(.+?),?$/i.exec(speaker.text);
    if (citing) {
      const reporter = mention(text, speaker.start, speaker.start + citing[1]!.length)!;
      const cited = mention(text, speaker.start + speaker.text.length - citing[2]!.length, speaker.end)!;
      speaker = cited;
      via = [reporter];
    } else {
      // "Dmitry Peskov, the Kremlin spokesman, said": keep the appositive with the name;
      // otherwise a comma ends a leading phrase ("Contrary to ..., KCNA reported").
      // "A government spokesman, who declined to be named, said": the relative clause describes the speaker.
      // "Two officials, speaking on condition of anonymity, said": the aside says how, not who.
      const aside = ANONYMITY_ASIDE.exec(speaker.text);
      if (aside && !speaker.text.slice(aside.index + 1).includes(","))
        speaker = mention(text, speaker.start, speaker.start + aside.index)!;
      const relative = APPOSITIVE.test(speaker.text) ? null : /^(.+?),\s+(?:who|which)\s[^,]*$/.exec(speaker.text);
      if (relative) speaker = mention(text, speaker.start, speaker.start + relative[1]!.length)!;
      const comma = speaker.text.lastIndexOf(",");
      if (comma !== -1 && !APPOSITIVE.test(speaker.text)) {
        speaker = mention(text, speaker.start + comma + 1, speaker.end)!;
      }
      if (!speaker || !plausibleSpeaker(speaker.text)) continue;
    }
    let contentStart = vEnd;
    let rest = s.slice(contentStart);
    // "X reported on Monday, citing Y, that ..."
    const citingAfter = /^(?:\s+on \w+)?,?\s+(?:citing|quoting)\s+(.+?)(?:,\s*(?:that\s+)?|\s+that\s+)/i.exec(rest);
    if (citingAfter && via.length === 0) {
      const citedStart = at(contentStart + rest.indexOf(citingAfter[1]!));
      const cited = mention(text, citedStart, citedStart + citingAfter[1]!.length)!;
      via = [speaker];
      speaker = cited;
      contentStart += citingAfter[0].length;
      rest = s.slice(contentStart);
    }
    // "X quoted Y as saying (that) ..."
    const quoted = verb === "quoted" || verb === "cited" ? /^\s+(.+?)\s+as saying\s+(?:that\s+)?/.exec(rest) : null;
    if (quoted) {
      entry = SAID;
      const citedStart = at(contentStart + rest.indexOf(quoted[1]!));
      via = [speaker];
      speaker = mention(text, citedStart, citedStart + quoted[1]!.length)!;
      contentStart += quoted[0].length;
      rest = s.slice(contentStart);
    }
    if (verb === "told" || verb === "tells") {
      const audience = TOLD_BEFORE_THAT.exec(rest.trimStart()) ?? AUDIENCE_RE.exec(rest.trimStart());
      if (audience) {
        const audienceStart = contentStart + rest.length - rest.trimStart().length;
        // "told Reuters that ...": the outlet the speaker told carries the claim.
        const outlet = mention(text, at(audienceStart), at(audienceStart + audience[0].length));
        if (outlet && via.length === 0 && isKnownOutlet(outlet.text)) via = [outlet];
        contentStart = audienceStart + audience[0].length;
        rest = s.slice(contentStart);
      }
    }
    // "said in a bulletin on Monday that", "said at a news conference in the capital that".
    const lead =
      ADVERBIALS_BEFORE_THAT.exec(rest) ??
      /^\s*(?:on (?:social media|(?:his|her|its|their) (?:website|blog|account)|Facebook|Telegram|X|Twitter)(?:\s+on \w+)?(?=\s+that\b)|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\s*|(?:on|last|this) \w+\s*|in an? (?:statement|interview|post|briefing)(?: [^,]*?)?(?=\s+that\b|,)|at a (?:news|press) conference|during a (?:briefing|visit))?\s*[,:]?\s*(?:that\s+)?/i.exec(
        rest,
      )!;
    contentStart += lead[0].length;
    // Trailing ", citing Y." moves the speaker too.
    let contentEnd = endTrim;
    // The publisher's own aside ends the claim: ", a claim that could not be verified".
    const aside =
      /,\s+(?:a claim|an assertion|an allegation|which (?:could|can)not be|which was not|though (?:it|this) could not)\b/i.exec(
        s.slice(contentStart, contentEnd),
      );
    if (aside) contentEnd = contentStart + aside.index;
    const anonymity = ANONYMITY_ASIDE.exec(s.slice(contentStart, contentEnd));
    if (anonymity) contentEnd = contentStart + anonymity.index;
    // ", though engineers have warned of cracks": the publisher's counterpoint, not the speaker's claim.
    const though = /,\s+(?:though|although|even though)\s/i.exec(s.slice(contentStart, contentEnd));
    if (though) contentEnd = contentStart + though.index;
    const contrast = new RegExp(
      `,\\s+(?:${ENGLISH_CONTRAST_MARKERS.map((m) => escapeRegExp(m.form)).join("|")})\\b`,
      "i",
    ).exec(s.slice(contentStart, endTrim));
    if (contrast) contentEnd = contentStart + contrast.index;
    const citingTail = /,\s+(?:citing|quoting)\s+([^,]+)$/i.exec(s.slice(contentStart, endTrim));
    if (citingTail && via.length === 0) {
      const citedStart = at(contentStart + citingTail.index + citingTail[0].length - citingTail[1]!.length);
      via = [speaker];
      speaker = mention(text, citedStart, citedStart + citingTail[1]!.length)!;
      contentEnd = contentStart + citingTail.index;
    }
    // "X criticised the decision, saying (that) ...": what was said follows "saying".
    const carrier = via.length === 0 ? TRAILING_CARRIER.exec(s.slice(contentStart, contentEnd)) : null;
    if (carrier) {
      const name = (carrier[1] ?? carrier[2])!;
      const nameStart = at(contentStart + carrier.index + carrier[0].indexOf(name));
      via = [mention(text, nameStart, nameStart + name.length)!];
      contentEnd = contentStart + carrier.index;
    }
    // "X dismissed the report as ... and said CONTENT": the object first, then what was said.
    const saying =
      /,\s+(?:saying|adding|noting|arguing|warning)\s+(?:that\s+)?/i.exec(s.slice(contentStart, contentEnd)) ??
      (entry.kind === "denial" || entry.kind === "assessment"
        ? /\s+and\s+(?:also\s+)?(?:said|added|insisted|stressed|noted|stated|maintained|argued)\s+(?:that\s+)?/i.exec(
            s.slice(contentStart, contentEnd),
          )
        : null);
    const object = saying ? s.slice(contentStart, contentStart + saying.index) : "";
    // "X said A, adding that B": when the cue takes a clause, A is a claim too, B a second one.
    const first =
      saying && /^,/.test(saying[0]) && THAT_CLAUSE_KINDS.has(entry.kind) && object.trim().split(/\s+/).length >= 3
        ? trimRange(text, { start: at(contentStart), end: at(contentStart + saying.index) }, ',"“”')
        : null;
    if (saying) contentStart += saying.index + saying[0].length;
    let span = trimRange(text, { start: at(contentStart), end: at(contentEnd) }, ",");
    if (text[span.start] === '"' || text[span.start] === "“")
      span = trimRange(text, { start: span.start + 1, end: span.end }, '"”');
    if (span.end - span.start < 3) continue;
    const viaText = via.length ? `, carried by ${via.map((v) => `"${v.text}"`).join(", ")}` : "";
    const deniedAt = entry.kind === "denial" ? ENGLISH_REPORT_ANAPHORS.exec(object) : null;
    const built = build(
      text,
      resolvePronoun(speaker, previous),
      via,
      entry,
      { start: at(vStart), end: at(vEnd) },
      span,
      via.length ? "en.verb.citing" : "en.verb.lead",
      `"${speaker.text}" before the cue "${verb}"${viaText}; the claim follows it`,
      entry.weight - (/^[a-z]/.test(speaker.text) ? 0.1 : 0),
    );
    if (deniedAt) {
      const from = at(contentStart - object.length - saying![0].length + deniedAt.index);
      built.denies = { start: from, end: from + deniedAt[0].length, text: deniedAt[0] };
    }
    if (first) {
      const lead: Found = build(
        text,
        built.speaker,
        via,
        entry,
        built.cue,
        first,
        built.rule,
        built.explanation,
        built.confidence,
      );
      lead.follow = {
        ...built,
        rule: `${built.rule}+adding`,
        confidence: Math.round((built.confidence - 0.05) * 100) / 100,
      };
      return lead;
    }
    return built;
  }
  void CITING;
  return null;
}

/** A sentence that is one quotation and nothing else, credited to the speaker of the quotation before it. */
function continuedQuote(text: string, sentence: TextRange, previous: Attribution): Attribution | null {
  const s = text.slice(sentence.start, sentence.end);
  const quote = /^["“]([^"”]+)["”]$/.exec(s);
  if (!quote) return null;
  const span = trimRange(text, { start: sentence.start + 1, end: sentence.end - 1 });
  return {
    ...previous,
    span,
    rule: "en.quote.continued",
    explanation: `a quotation standing alone right after one by "${previous.speaker.text}" goes on with it`,
    confidence: Math.round((previous.confidence - 0.15) * 100) / 100,
    denies: undefined,
  };
}

/** "He said": the speaker of the previous claim, when there is one. */
function resolvePronoun(speaker: Mention, previous: Attribution | null): Mention {
  return PRONOUNS.test(speaker.text) && previous ? previous.speaker : speaker;
}

/** "X reported that Z said ...": Z is the speaker, X carries the claim. */
function nestedIn(text: string, outer: Attribution): Attribution {
  const content = text.slice(outer.span.start, outer.span.end);
  // A quotation is direct speech: a verb inside it ("We expect...") is not a nested report.
  if (outer.rule.startsWith("en.quote")) return outer;
  const inner = extractSentence(text, outer.span, null);
  if (inner?.rule !== "en.verb.lead") return outer;
  // "X insisted A, though engineers have warned B": a subordinate clause is not a nested report.
  if (/^(?:though|although|even though|while|whereas|but|as|because|since|after|when|if)\b/i.test(inner.speaker.text))
    return outer;
  const lead = text.slice(outer.span.start, inner.speaker.start);
  // The inner speaker opens the content, perhaps after its description ("Her deputy, Emil Darr, said").
  if (inner.speaker.start !== outer.span.start && !/^[A-Za-z'’ ]{0,40},\s*$/.test(lead)) return outer;
  void content;
  return {
    ...inner,
    via: [...inner.via, outer.speaker, ...outer.via],
    rule: `${inner.rule}+nested`,
    explanation: `${inner.explanation}; carried by "${outer.speaker.text}" (${outer.cue.entry.gloss})`,
    confidence: Math.round(Math.min(inner.confidence, outer.confidence) * 95) / 100,
  };
}
