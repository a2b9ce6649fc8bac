import type { ClaimKind, SourceKind } from "../vocabulary.js";
import { THAI_AUXILIARIES, THAI_NAME_ENDERS } from "./lexicon/connectives.js";
import { THAI_CUES } from "./lexicon/cues.js";
import { OUTLETS, type OutletEntry } from "./lexicon/outlets.js";
import { THAI_ROLE_CONTINUERS } from "./lexicon/thaiWords.js";
import { ENGLISH_TITLES, THAI_TITLES, type TitleEntry } from "./lexicon/titles.js";
import { slugify, uniqueSlug } from "./slugs.js";
import { hasThai, wordSegments } from "./textTools.js";
import type { KnownSource, Mention } from "./types.js";

/** A source an attribution resolves to: a stored one, or one proposed for the reviewer. */
export interface ResolvedSource {
  slug: string;
  name: string;
  /** Every form of the name seen in the text (and, for stored sources, stored). */
  names: string[];
  kind: SourceKind;
  known: boolean;
  /** Why it was recognised, or how its kind was guessed. */
  reason: string;
  /** Name forms used only for matching later mentions (a person's single name tokens). */
  aliases: string[];
}

const MEDIA = new Set<SourceKind>(["news_agency", "broadcaster", "newspaper"]);
const THAI_BY_LENGTH = [...THAI_TITLES].sort((a, b) => b.form.length - a.form.length);
const ENGLISH_BY_LENGTH = [...ENGLISH_TITLES].sort((a, b) => b.form.length - a.form.length);
// A name glued to a reporting verb ends where the verb starts ("นายเอกกล่าวว่า").
const ENDERS = [
  ...THAI_NAME_ENDERS,
  ...THAI_CUES.filter((c) => c.frame === "verb" && c.form.length >= 3).map((c) => c.form),
].sort((a, b) => b.length - a.length);
const ROLE_ENDERS = ENDERS.filter((e) => !THAI_ROLE_CONTINUERS.includes(e));

/** The Thai title a string starts with (longest first), if any. */
export function thaiTitleAt(text: string, at = 0): TitleEntry | undefined {
  return THAI_BY_LENGTH.find((t) => text.startsWith(t.form, at));
}

/** The first title found anywhere in a string, with where it is. */
function firstTitleIn(
  text: string,
  entries: readonly TitleEntry[],
  english: boolean,
): { entry: TitleEntry; at: number } | undefined {
  let best: { entry: TitleEntry; at: number } | undefined;
  const lower = text.toLowerCase();
  for (const entry of entries) {
    const at = english
      ? lower.includes(entry.form.toLowerCase())
        ? text.search(titlePattern(entry).first)
        : -1
      : text.indexOf(entry.form);
    if (
      at !== -1 &&
      (best === undefined || at < best.at || (at === best.at && entry.form.length > best.entry.form.length))
    )
      best = { entry, at };
  }
  return best;
}

function lastTitleIn(text: string): { entry: TitleEntry; at: number } | undefined {
  let best: { entry: TitleEntry; at: number } | undefined;
  const lower = text.toLowerCase();
  for (const entry of ENGLISH_BY_LENGTH) {
    if (!lower.includes(entry.form.toLowerCase())) continue;
    for (const m of text.matchAll(titlePattern(entry).every)) {
      const end = m.index + entry.form.length;
      if (
        !best ||
        end > best.at + best.entry.form.length ||
        (end === best.at + best.entry.form.length && m.index < best.at)
      )
        best = { entry, at: m.index };
    }
  }
  return best;
}

// Compiled once per title: building them on every speaker phrase was most of the extraction time.
const titlePatterns = new Map<TitleEntry, { first: RegExp; every: RegExp }>();
function titlePattern(entry: TitleEntry): { first: RegExp; every: RegExp } {
  let patterns = titlePatterns.get(entry);
  if (!patterns) {
    const form = escapeRegExp(entry.form);
    patterns = {
      first: new RegExp(`\\b${form}(?![A-Za-z])`, "i"),
      every: new RegExp(`(?<![A-Za-z])${form}(?![A-Za-z])`, "gi"),
    };
    titlePatterns.set(entry, patterns);
  }
  return patterns;
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Index at which a personal name glued to the next word ends ("ปูตินแห่งรัสเซีย" -> after ปูติน). */
export function nameTokenEnd(token: string, enders: readonly string[] = ENDERS): number {
  let starts: Set<number> | null = null;
  for (let p = 2; p < token.length; p++) {
    const ender = enders.find((e) => token.startsWith(e, p));
    if (!ender) continue;
    // A short function word that ends the token is its last syllable, glued to nothing ("บุญมา", "พรหมมา").
    if (ender.length < 3 && p + ender.length === token.length) continue;
    if (ender.length >= 3) return p;
    starts ??= new Set(wordSegments(token).map((s) => s.index));
    // The function word must be a whole segment: มา is not a word inside ดีมาก (ดี|มาก).
    if (starts.has(p) && (starts.has(p + ender.length) || p + ender.length >= token.length)) return p;
  }
  return token.length;
}

/** Strips Thai auxiliaries ("ได้ออกมา", "ก็") from the end of a speaker phrase. */
export function stripThaiAuxiliaries(text: string): string {
  let out = text.trimEnd();
  for (let changed = true; changed; ) {
    changed = false;
    for (const aux of THAI_AUXILIARIES) {
      if (out.length > aux.length && out.endsWith(aux)) {
        out = out.slice(0, -aux.length).trimEnd();
        changed = true;
      }
    }
  }
  return out;
}

interface ParsedName {
  /** The source's name as written (title + name for people; the organisation's name). */
  name: string;
  extraNames: string[];
  aliases: string[];
  kind: SourceKind;
  reason: string;
  person: boolean;
}

/**
 * Recognises the sources of an article: stored ones by any of their names, and new ones proposed
 * from the titles around the names (สำนักข่าว -> news agency, โฆษก -> official...). One directory
 * per text, so that "นายเพสคอฟ" later resolves to the "นายดมิทรี เพสคอฟ" met earlier.
 */
export class SourceDirectory {
  private readonly known: { source: KnownSource; names: string[] }[];
  private readonly proposed: ResolvedSource[] = [];
  private readonly taken = new Set<string>();

  constructor(
    private readonly text: string,
    known: KnownSource[],
  ) {
    this.known = known.map((source) => ({
      source,
      names: [...new Set([source.name, ...source.names].map(normalizeName).filter((n) => n.length >= 2))],
    }));
    for (const source of known) this.taken.add(source.slug);
  }

  /** New sources proposed so far, in the order they were first met. */
  newSources(): ResolvedSource[] {
    return this.proposed;
  }

  /** Adds a source by hand (the publisher given on the command line). */
  propose(name: string, kind: SourceKind, reason: string, slug?: string): ResolvedSource {
    const source: ResolvedSource = {
      slug: uniqueSlug(slug ?? slugify(name), this.taken),
      name,
      names: [name],
      kind,
      known: false,
      reason,
      aliases: [],
    };
    this.taken.add(source.slug);
    this.proposed.push(source);
    return source;
  }

  /** A stored source by slug. */
  knownBySlug(slug: string): ResolvedSource | undefined {
    const hit = this.known.find((k) => k.source.slug === slug);
    return hit ? fromKnown(hit.source, "given by slug") : undefined;
  }

  /**
   * The source a speaker phrase names. `cueKind` helps guess the kind of an untitled name
   * (whoever "reports" is most likely an outlet).
   */
  resolve(mention: Mention, cueKind: ClaimKind | null = null): ResolvedSource | null {
    const phrase = normalizeName(mention.text);
    if (phrase.length === 0) return null;
    const stored = this.matchKnown(phrase);
    if (stored) return stored;
    const parsed = hasThai(phrase) ? this.parseThai(phrase, mention.start, cueKind) : parseEnglish(phrase, cueKind);
    if (!parsed) return null;
    // "สำนักข่าวรอยเตอร์" is Reuters: stored under its English name, or proposed with it as the slug.
    const outlet = outletNamed([parsed.name, ...parsed.extraNames]);
    if (outlet) {
      for (const form of [outlet.english, ...outlet.latin, ...outlet.thai]) {
        const hit = this.matchKnown(form);
        if (hit) return { ...hit, reason: `"${phrase}" is ${outlet.english}, stored as "${hit.name}"` };
      }
      for (const form of [outlet.english, ...outlet.latin])
        if (!parsed.extraNames.includes(form) && parsed.name !== form) parsed.extraNames.push(form);
      parsed.kind = outlet.kind;
      parsed.reason = `"${parsed.name}" is the outlet ${outlet.english}`;
    }
    const same = this.matchProposed(parsed);
    if (same) {
      for (const name of [parsed.name, ...parsed.extraNames]) if (!same.names.includes(name)) same.names.push(name);
      for (const alias of parsed.aliases) if (!same.aliases.includes(alias)) same.aliases.push(alias);
      return same;
    }
    const latin =
      outlet?.english ?? [parsed.name, ...parsed.extraNames].find((n) => /^[A-Za-z][A-Za-z0-9 .&'-]*$/.test(n));
    const title = thaiTitleAt(parsed.name);
    const dropTitle =
      title && (title.type === "person" || MEDIA.has(title.kind!)) && parsed.name.length > title.form.length + 1;
    const untitled = dropTitle ? parsed.name.slice(title!.form.length) : parsed.name;
    const source: ResolvedSource = {
      slug: uniqueSlug(
        parsed.kind === "anonymous" && !latin
          ? `anonymous-${slugify(untitled)}`.slice(0, 60).replace(/-+$/, "")
          : slugify(latin ?? untitled),
        this.taken,
      ),
      name: parsed.name,
      names: [...new Set([parsed.name, ...parsed.extraNames])],
      kind: parsed.kind,
      known: false,
      reason: parsed.reason,
      aliases: parsed.aliases,
    };
    this.taken.add(source.slug);
    this.proposed.push(source);
    return source;
  }

  private matchKnown(phrase: string): ResolvedSource | null {
    let best: { source: KnownSource; at: number; length: number; name: string } | undefined;
    for (const { source, names } of this.known) {
      for (const name of names) {
        const at = findName(phrase, name);
        if (at === -1) continue;
        if (!best || at < best.at || (at === best.at && name.length > best.length))
          best = { source, at, length: name.length, name };
      }
    }
    // A known name deep inside a long phrase is usually a modifier ("โฆษกทำเนียบX": the spokesman,
    // not X), unless only titles stand before it ("ปธน.ปูติน" for a stored "ปูติน").
    if (best && best.at > 0 && startsWithTitle(phrase) && !onlyTitles(phrase.slice(0, best.at))) best = undefined;
    if (best) return fromKnown(best.source, `stored name "${best.name}" found in "${phrase}"`);
    // "นายเพสคอฟ" or "ปธน.ปูติน" for a stored "นายดมิทรี เพสคอฟ" / "ประธานาธิบดีวลาดิเมียร์ ปูติน":
    // a titled mention of one part of a stored personal name.
    const title = thaiTitleAt(phrase);
    if (title?.type === "person" && title.nameFollows) {
      const person = splitPersonName(phrase.slice(title.form.length));
      if (person) {
        const hit = this.known.find(({ names }) =>
          names.some((n) => personParts(n)?.some((p) => person.parts.includes(p))),
        );
        if (hit) return fromKnown(hit.source, `"${person.name}" is part of a stored name of "${hit.source.name}"`);
      }
    }
    return null;
  }

  private matchProposed(parsed: ParsedName): ResolvedSource | undefined {
    const forms = [parsed.name, ...parsed.extraNames, ...parsed.aliases];
    // "กรมอุตุฯ" after "กรมอุตุนิยมวิทยา": ฯ shortens a name met before.
    const stem = parsed.name.endsWith("ฯ") ? parsed.name.slice(0, -1).trim() : "";
    // "ministry says" in a headline, then "The agriculture ministry said": a bare head noun is the
    // fuller name met before or after it.
    const head = (n: string) => (/^[a-z]+$/.test(n) ? n : null);
    const lastWord = (n: string) => n.split(" ").pop()!.toLowerCase();
    return this.proposed.find(
      (s) =>
        (stem.length >= 3 && s.names.some((n) => n.startsWith(stem) && n.length > stem.length)) ||
        (!parsed.person &&
          s.aliases.length === 0 &&
          s.kind === parsed.kind &&
          (s.names.some((n) => head(n) !== null && /\s/.test(parsed.name) && lastWord(parsed.name) === n) ||
            (head(parsed.name) !== null && s.names.some((n) => /\s/.test(n) && lastWord(n) === parsed.name)))) ||
        forms.some((f) => s.names.includes(f)) ||
        // "Weber said" after "Karl Weber": a surname alone names the person met before.
        (parsed.extraNames.length === 0 && !parsed.name.includes(" ") && s.aliases.includes(parsed.name)) ||
        (parsed.person && parsed.aliases.some((a) => s.aliases.includes(a)) && !differentGivenNames(parsed, s)),
    );
  }

  private parseThai(phrase: string, at: number, cueKind: ClaimKind | null): ParsedName | null {
    const title = thaiTitleAt(phrase);
    const paren = /\(([A-Za-z][A-Za-z0-9.&-]{1,15})\)/.exec(phrase);
    // "ผู้ว่าราชการจังหวัดภูเก็ต ประพันธ์ เกษมสุข": an office with its complement, then the name.
    const chunks = phrase.split(" ");
    if (
      title?.type === "person" &&
      !title.nameFollows &&
      chunks.length >= 2 &&
      chunks.length <= 3 &&
      chunks[0]!.length > title.form.length &&
      chunks.slice(1).every((c) => c.length >= 2 && !thaiTitleAt(c) && !/[0-9A-Za-z()"]/.test(c))
    ) {
      const name = chunks.slice(1).join(" ");
      return {
        name,
        extraNames: [phrase],
        aliases: chunks.slice(1),
        kind: title.kind ?? "official",
        reason: `a name after the office "${chunks[0]}": kind from the title "${title.form}"`,
        person: true,
      };
    }
    if (title?.type === "person" && title.nameFollows) {
      const person = this.parseThaiPerson(phrase, title);
      if (person) return person;
    }
    if (title) {
      // An office without a name ("โฆษกกระทรวง...") or an organisation ("สำนักข่าว...").
      let name = paren ? phrase.slice(0, paren.index).trim() : phrase;
      if (!paren && title.type === "organisation") {
        const of = name.indexOf("ของ", title.form.length + 2);
        if (of !== -1) name = name.slice(0, of);
      }
      const extra = paren ? [paren[1]!] : [];
      const bare = name.slice(title.form.length).trim();
      // "ซินหัว" alone names สำนักข่าวซินหัว; "ขาว" alone does not name ทำเนียบขาว.
      if (title.type === "organisation" && MEDIA.has(title.kind!) && !paren && bare.length >= 3 && !thaiTitleAt(bare))
        extra.push(bare);
      const kind = title.kind ?? "official";
      return {
        name,
        extraNames: extra,
        aliases: [],
        kind,
        reason: `kind from the title "${title.form}"`,
        person: title.type === "person",
      };
    }
    if (phrase.length > 60) return null;
    const latin = /^[A-Za-z][A-Za-z0-9 .&-]*$/.test(phrase);
    const kind: SourceKind = phrase.includes("และ")
      ? "group"
      : cueKind === "report" || latin
        ? "news_agency"
        : "government";
    const reason =
      kind === "group"
        ? "untitled names joined by และ: a group"
        : kind === "news_agency"
          ? "untitled name that reports: guessed an outlet"
          : "untitled proper name: guessed a government";
    void at;
    return { name: phrase, extraNames: paren ? [paren[1]!] : [], aliases: [], kind, reason, person: false };
  }

  private parseThaiPerson(phrase: string, title: TitleEntry): ParsedName | null {
    const rest = phrase.slice(title.form.length);
    const tokens = splitPersonName(rest);
    if (!tokens) return null;
    const nameText = title.form + tokens.name;
    let role = rest.slice(tokens.length).trim();
    let kind = title.kind;
    let reason = title.kind ? `kind from the title "${title.form}"` : "";
    const aliases = tokens.parts;
    // The role may be given only at an earlier (or later) mention: "นายเพสคอฟ" after "นายดมิทรี เพสคอฟ โฆษก...".
    if (role.length === 0) role = this.roleElsewhere(aliases) ?? "";
    const roleTitle = role ? firstTitleIn(role, THAI_TITLES, false) : undefined;
    if (roleTitle && roleTitle.at === 0 && roleTitle.entry.kind) {
      kind = roleTitle.entry.kind;
      reason = `kind from the role "${roleTitle.entry.form}"`;
    }
    if (role && /ศูนย์|สถาบัน|มหาวิทยาลัย|มูลนิธิ/.test(role) && kind !== "head_of_state") {
      kind = "analyst";
      reason = "works at a research centre or university: analyst";
    }
    if (!kind) {
      kind = "official";
      reason = "a named person with no role given: guessed official";
    }
    const full = this.fullNameElsewhere(aliases);
    const names = full && full !== nameText ? [full, nameText] : [nameText];
    return { name: names[0]!, extraNames: names.slice(1), aliases, kind, reason, person: true };
  }

  /** The role written after another mention of the same person in the text. */
  private roleElsewhere(aliases: string[]): string | null {
    for (const m of personMentions(this.text)) {
      if (m.role && samePerson(m.parts, aliases)) return m.role;
    }
    return null;
  }

  /** The longest written form of the same person's name elsewhere in the text. */
  private fullNameElsewhere(aliases: string[]): string | null {
    let best: string | null = null;
    for (const m of personMentions(this.text)) {
      if (samePerson(m.parts, aliases) && (best === null || m.name.length > best.length)) best = m.name;
    }
    return best;
  }
}

/** Whether two name-part lists can name one person: full names must share the given name. */
function samePerson(a: string[], b: string[]): boolean {
  if (a.length >= 2 && b.length >= 2) return a[0] === b[0];
  return a.some((p) => b.includes(p));
}

/** Two full personal names that share a family name but not a given name ("Karin Holt", "Jonas Holt"). */
function differentGivenNames(parsed: ParsedName, source: ResolvedSource): boolean {
  const given = (name: string) => {
    const bare = hasThai(name) ? name.slice(thaiTitleAt(name)?.form.length ?? 0) : name;
    const parts = bare.trim().split(/\s+/);
    return parts.length >= 2 ? parts[0]! : null;
  };
  const mine = given(parsed.name);
  return mine !== null && source.names.some((n) => given(n) !== null && given(n) !== mine);
}

function fromKnown(source: KnownSource, reason: string): ResolvedSource {
  return {
    slug: source.slug,
    name: source.name,
    names: source.names,
    kind: source.kind,
    known: true,
    reason,
    aliases: [],
  };
}

/** The well-known outlet one of these names is (a Thai form with or without its title, or a Latin one). */
export function outletNamed(names: readonly string[]): OutletEntry | undefined {
  for (const raw of names) {
    const name = normalizeName(raw);
    const title = hasThai(name) ? thaiTitleAt(name) : undefined;
    const bare = title?.type === "organisation" ? name.slice(title.form.length).trim() : name;
    const lower = name.toLowerCase().replace(/^the\s+/, "");
    const hit = OUTLETS.find(
      (o) =>
        o.thai.includes(name) ||
        o.thai.includes(bare) ||
        [o.english, ...o.latin].some((l) => l.toLowerCase().replace(/^the\s+/, "") === lower),
    );
    if (hit) return hit;
  }
  return undefined;
}

/** Collapses runs of spaces and normalises to NFC. */
export function normalizeName(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Whether a string is nothing but Thai titles ("ปธน.", "นาย", "โฆษก สำนักข่าว"). */
function onlyTitles(text: string): boolean {
  let rest = text.trim();
  while (rest.length > 0) {
    const title = thaiTitleAt(rest);
    // "โฆษก" + a stored organisation is the spokesman, not the organisation: only titles that
    // name the one that follows (นาย, ปธน., สำนักข่าว) may stand before a stored name.
    if (!title || (title.type === "person" && !title.nameFollows)) return false;
    rest = rest.slice(title.form.length).trim();
  }
  return true;
}

/** The name parts of a titled Thai personal name ("นายดมิทรี เพสคอฟ" -> ดมิทรี, เพสคอฟ), else null. */
function personParts(name: string): string[] | null {
  const title = thaiTitleAt(name);
  if (title?.type !== "person" || !title.nameFollows) return null;
  return name
    .slice(title.form.length)
    .split(" ")
    .filter((p) => p.length >= 2 && !thaiTitleAt(p));
}

function startsWithTitle(phrase: string): boolean {
  return thaiTitleAt(phrase) !== undefined || firstTitleIn(phrase, ENGLISH_TITLES, true)?.at === 0;
}

function findName(phrase: string, name: string): number {
  if (hasThai(name)) return phrase.indexOf(name);
  const m = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(name)}(?![A-Za-z0-9])`, "i").exec(phrase);
  return m ? m.index : -1;
}

/**
 * A Thai personal name after its title: one word, or two separated by one space when the second
 * is not a title or role ("ดมิทรี เพสคอฟ โฆษก..." -> ดมิทรี เพสคอฟ). A name glued to the next word
 * is cut where a function word starts.
 */
export function splitPersonName(rest: string): { name: string; parts: string[]; length: number } | null {
  const first = /^[^\s"“(]+/.exec(rest);
  if (!first) return null;
  const firstEnd = nameTokenEnd(first[0]);
  const part1 = first[0].slice(0, firstEnd);
  if (part1.length < 2) return null;
  if (firstEnd < first[0].length) return { name: part1, parts: [part1], length: part1.length };
  const after = rest.slice(first[0].length);
  const second = /^ ([^\s"“(]+)/.exec(after);
  if (second && !thaiTitleAt(second[1]!) && !/^[A-Za-z0-9]/.test(second[1]!)) {
    const end = nameTokenEnd(second[1]!);
    const part2 = second[1]!.slice(0, end);
    // "กัมพูชา ออกมาตอบโต้": a second word that opens with an auxiliary or a cue is the predicate.
    // "อรทัย มีสุข ผู้อำนวยการ...": a word between the given name and a title is the family name,
    // even when it opens like a function word (มี, ได้).
    const beforeTitle = end === second[1]!.length && thaiTitleAt(after, second[0].length + 1) !== undefined;
    const isWord =
      part2.length < 2 ||
      (!beforeTitle && THAI_NAME_ENDERS.some((e) => part2.startsWith(e))) ||
      THAI_AUXILIARIES.some((a) => a.length >= 2 && second[1]!.startsWith(a)) ||
      THAI_CUES.some((c) => c.frame === "verb" && second[1]!.startsWith(c.form));
    if (!isWord) return { name: `${part1} ${part2}`, parts: [part1, part2], length: part1.length + 1 + part2.length };
  }
  return { name: part1, parts: [part1], length: part1.length };
}

interface PersonMention {
  name: string;
  parts: string[];
  role: string | null;
}

const mentionCache = new WeakMap<object, PersonMention[]>();
const textKeys = new Map<string, object>();

/** Every titled person named in a Thai text ("นาย X Y ROLE"), with the role written after the name. */
export function personMentions(text: string): PersonMention[] {
  let key = textKeys.get(text);
  if (!key) {
    key = {};
    textKeys.clear();
    textKeys.set(text, key);
  }
  const cached = mentionCache.get(key);
  if (cached) return cached;
  const out: PersonMention[] = [];
  const titles = THAI_BY_LENGTH.filter((t) => t.type === "person" && t.nameFollows);
  for (let at = 0; at < text.length; at++) {
    const title = titles.find((t) => text.startsWith(t.form, at));
    if (!title) continue;
    const rest = text.slice(at + title.form.length, at + title.form.length + 200);
    const name = splitPersonName(rest);
    if (!name) continue;
    let role: string | null = null;
    const after = rest.slice(name.length);
    if (after.startsWith(" ") && thaiTitleAt(after, 1)) {
      const roleText = /^[^\s"“]+/.exec(after.slice(1))![0];
      const cut = nameTokenEnd(roleText, ROLE_ENDERS);
      role = roleText.slice(0, Math.max(cut, 2));
    }
    out.push({ name: title.form + name.name, parts: name.parts, role });
    at += title.form.length + name.length - 1;
  }
  mentionCache.set(key, out);
  return out;
}

/** Parses an English speaker phrase ("Kremlin spokesman Dmitry Peskov", "Kyodo", "sources close to..."). */
function parseEnglish(phrase: string, cueKind: ClaimKind | null): ParsedName | null {
  // "a report by the group Green Earth", "data from the ministry": the source is who made it.
  const cleaned = phrase
    .replace(
      /^(?:an?|the)\s+(?:new\s+|recent\s+)?(?:report|statement|study|survey|analysis|data|figures|estimates?)\s+(?:by|from|of)\s+/i,
      "",
    )
    // "a police statement", "an army bulletin": the one that issued it.
    .replace(
      /^(?:[Aa]n?|[Tt]he)\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)\s+(?:statement|bulletin|announcement|communique)$/,
      "$1",
    )
    .replace(/^(?:the|a|an)\s+/i, "")
    .replace(/[,;:]+$/, "")
    .trim();
  if (cleaned.length === 0 || cleaned.length > 90) return null;
  // "Anna Berg, a researcher at X" / "Anna Berg, who speaks for X": the name, then who she is.
  const appositive = /^([A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*)+),\s+(.+)$/u.exec(cleaned);
  if (
    appositive &&
    !/^(?:In|On|At|From|For|After|Before|During|Since|By|With|Despite|Contrary|According)\b/.test(appositive[1]!)
  ) {
    const name = appositive[1]!;
    const role = appositive[2]!;
    const roleHead = role.split(/\s+(?:of|at|from|in|close to|with|for)\s+/)[0]!;
    const roleTitle = lastTitleIn(roleHead);
    const atResearch = /\b(?:institute|university|center|centre|think tank|foundation)\b/i.test(role);
    const kind: SourceKind =
      roleTitle?.entry.type === "person" && roleTitle.entry.kind
        ? roleTitle.entry.kind
        : atResearch
          ? "analyst"
          : "official";
    const parts = name.split(/\s+/);
    return {
      name,
      extraNames: [],
      aliases: [parts[parts.length - 1]!],
      kind,
      reason: roleTitle
        ? `kind from the role "${roleTitle.entry.form}"`
        : atResearch
          ? "works at a research body: analyst"
          : "a named person: guessed official",
      person: true,
    };
  }
  // The head noun of an English noun phrase comes last, before its modifiers ("police official",
  // "sources close to officials"): take the last title before the first preposition.
  const head = cleaned.split(/\s+(?:of|at|from|in|close to|with|for|familiar with)\s+/)[0]!;
  const title = lastTitleIn(head) ?? firstTitleIn(cleaned, ENGLISH_BY_LENGTH, true);
  // A capitalised personal name: the last run of capitalised words ("Kremlin spokesman Dmitry Peskov").
  const capitalRuns = [
    ...cleaned.matchAll(/(?:[A-Z][\p{L}'’-]+\.?)(?:\s+(?:[A-Z][\p{L}'’-]+\.?|de|van|von|bin|al-[A-Z][\p{L}]+))*/gu),
  ];
  const acronym = /\(([A-Z][A-Za-z0-9.&-]{1,15})\)/.exec(cleaned);
  const titleKind = title?.entry.kind ?? null;
  if (title && title.entry.type === "person") {
    const afterTitle = cleaned.slice(title.at + title.entry.form.length).trim();
    const nameRun = /^(?:[A-Z][\p{L}'’-]+\.?)(?:\s+[A-Z][\p{L}'’-]+\.?)*/u.exec(afterTitle);
    const person = nameRun && !firstTitleIn(nameRun[0], ENGLISH_TITLES, true) ? nameRun[0] : null;
    if (person) {
      const parts = person.split(/\s+/);
      const kind = titleKind ?? "official";
      return {
        name: person,
        extraNames: [],
        aliases: [parts[parts.length - 1]!],
        kind,
        reason: `kind from the title "${title.entry.form}"`,
        person: true,
      };
    }
    // A name before an appositive role: "Dmitry Peskov, the Kremlin spokesman".
    const before = capitalRuns.find((r) => r.index === 0 && !firstTitleIn(r[0], ENGLISH_TITLES, true));
    // ... only when a comma sets the role off: "Two senior officials" is no one's name.
    if (before && title.at > before[0].length && cleaned[before[0].length] === ",") {
      const parts = before[0].split(/\s+/);
      return {
        name: before[0],
        extraNames: [],
        aliases: [parts[parts.length - 1]!],
        kind: titleKind ?? "official",
        reason: `kind from the role "${title.entry.form}"`,
        person: true,
      };
    }
    return {
      name: cleaned,
      extraNames: [],
      aliases: [],
      kind: titleKind ?? "official",
      reason: `kind from "${title.entry.form}"`,
      person: false,
    };
  }
  if (title && title.entry.type === "organisation") {
    const name = acronym ? cleaned.slice(0, acronym.index).trim() : cleaned;
    // "the opposition newspaper Dagblad", "regional broadcaster NTV-Sever": a description, then the name.
    const described = /^[a-z][a-z -]*\s+([A-Z][\p{L}0-9'’&.-]*(?:\s+[A-Z][\p{L}0-9'’&.-]*)*)$/u.exec(name);
    if (described && MEDIA.has(title.entry.kind!))
      return {
        name: described[1]!,
        extraNames: [name, ...(acronym ? [acronym[1]!] : [])],
        aliases: [],
        kind: title.entry.kind!,
        reason: `"${name}": a ${title.entry.form} named ${described[1]}`,
        person: false,
      };
    return {
      name,
      extraNames: acronym ? [acronym[1]!] : [],
      aliases: [],
      kind: title.entry.kind ?? "group",
      reason: `kind from "${title.entry.form}"`,
      person: false,
    };
  }
  // "group Green Earth", "rights group Amnesty": a common noun, then the name.
  const named = /^([a-z][a-z -]{1,30}?)\s+([A-Z][\p{L}'’&.-]*(?:\s+[A-Z][\p{L}'’&.-]*)*)$/u.exec(cleaned);
  if (named) {
    return {
      name: named[2]!,
      extraNames: [],
      aliases: [],
      kind: "group",
      reason: `named "${named[1]}": guessed a group`,
      person: false,
    };
  }
  // "city's fire chief Arno Védrine", "63-year-old farmer Ruud Ostrander": a description, then a full name.
  const describedPerson = /^([a-z0-9][^,]{1,40}?)\s+([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)+)$/u.exec(cleaned);
  if (describedPerson) {
    const parts = describedPerson[2]!.split(/\s+/);
    return {
      name: describedPerson[2]!,
      extraNames: [],
      aliases: [parts[parts.length - 1]!],
      kind: "official",
      reason: `a named person described as "${describedPerson[1]}": guessed official`,
      person: true,
    };
  }
  if (!/^[A-Z0-9]/.test(cleaned)) {
    // "residents", "local farmers": an untitled description of who spoke.
    if (cleaned.split(/\s+/).length > 4) return null;
    // "a harbour pilot", "an official": one unnamed person.
    if (/^an?\s+[a-z]/.test(phrase) && !/[A-Z]/.test(cleaned))
      return {
        name: cleaned,
        extraNames: [],
        aliases: [],
        kind: "anonymous",
        reason: `one unnamed person ("${phrase}"): anonymous`,
        person: false,
      };
    return {
      name: cleaned,
      extraNames: [],
      aliases: [],
      kind: "group",
      reason: "untitled description: guessed a group",
      person: false,
    };
  }
  const words = cleaned.split(/\s+/);
  if (words.length > 6) return null;
  // Untitled: a one-word capitalised name that reports is most likely an outlet; two or three capitalised words a person.
  const looksPerson = words.length >= 2 && words.length <= 3 && words.every((w) => /^[A-Z][a-z'’-]+$/.test(w));
  const kind: SourceKind = looksPerson ? "official" : cueKind === "report" ? "news_agency" : "group";
  return {
    name: cleaned,
    extraNames: acronym ? [acronym[1]!] : [],
    aliases: looksPerson ? [words[words.length - 1]!] : [],
    kind,
    reason: looksPerson
      ? "untitled personal name: guessed official"
      : kind === "news_agency"
        ? "untitled name that reports: guessed an outlet"
        : "untitled name: guessed a group",
    person: looksPerson,
  };
}
