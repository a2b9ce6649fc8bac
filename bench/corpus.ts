import type { ClaimSheetInput } from "../src/domain/sheets/claimSheet.js";
import { CLAIM_SHEET_FORMAT } from "../src/domain/sheets/claimSheet.js";
import { codePointLength } from "../src/domain/text/codePoints.js";
import type { ChainRole, ClaimKind, ReviewStatus, SourceKind, Stance } from "../src/domain/vocabulary.js";
import * as P from "./phrases.js";
import { mulberry32, pick, pickWeighted, randomInt, zipf } from "./random.js";

/** How big a corpus to generate. The same options and seed always give the same sheets. */
export interface CorpusOptions {
  claims: number;
  articles: number;
  sources: number;
  seed: number;
}

export const DEFAULT_CLAIMS = 1_000_000;

/** Defaults scale with the claim count: 50 claims an article, 5,000 sources at a million claims. */
export function corpusOptions(claims: number, overrides: Partial<CorpusOptions> = {}): CorpusOptions {
  return {
    claims,
    articles: overrides.articles ?? Math.max(1, Math.round(claims / 50)),
    sources: overrides.sources ?? Math.max(100, Math.min(5_000, Math.round(claims / 200))),
    seed: overrides.seed ?? 42,
  };
}

type SheetSource = ClaimSheetInput["sources"][number];
type SheetClaim = ClaimSheetInput["claims"][number];

/** Articles of one story share propositions, so stances across articles can contradict. */
const ARTICLES_PER_STORY = 8;
const PROPOSITIONS_PER_STORY = 4;
const TOPICS = 300;
const COUNTRIES = ["TH", "US", "RU", "CN", "JP", "KR", "KP", null] as const;
const KIND_WEIGHTS: [ClaimKind, number][] = [
  ["statement", 35],
  ["report", 25],
  ["denial", 10],
  ["assessment", 10],
  ["announcement", 8],
  ["warning", 5],
  ["expectation", 5],
  ["editorial", 2],
];
const SPEAKER_KINDS: [SourceKind, number][] = [
  ["official", 40],
  ["government", 10],
  ["analyst", 15],
  ["head_of_state", 2],
  ["military", 8],
  ["think_tank", 5],
  ["international_body", 3],
  ["anonymous", 10],
  ["group", 7],
];
const CHAIN_LENGTHS: [number, number][] = [
  [1, 10],
  [2, 40],
  [3, 30],
  [4, 15],
  [5, 5],
];
const STATUSES: [ReviewStatus, number][] = [
  ["proposed", 60],
  ["confirmed", 25],
  ["dismissed", 10],
  ["needs_evidence", 5],
];

/** The fixed population of sources: outlets first (publishers among them), then speakers. */
export function generateSources(options: CorpusOptions): { all: SheetSource[]; publishers: number; outlets: number } {
  const random = mulberry32(options.seed ^ 0x5eed);
  const outlets = Math.max(10, Math.round(options.sources * 0.06));
  const publishers = Math.max(3, Math.round(outlets * 0.15));
  const governments = Math.max(1, Math.round((options.sources - outlets) * 0.02));
  const all: SheetSource[] = [];
  for (let i = 0; i < options.sources; i++) {
    if (i < outlets) {
      const word = pick(random, P.OUTLET_WORDS);
      const suffix = pick(random, P.OUTLET_SUFFIXES);
      const kind: SourceKind =
        i < publishers ? "publisher" : pick(random, ["news_agency", "broadcaster", "newspaper"] as const);
      all.push({
        slug: `${word}-${suffix}-${i}`.toLowerCase(),
        name: `${word} ${suffix} ${i}`,
        names: [`${word} ${suffix} ${i}`, `สำนักข่าว${word} ${i}`],
        kind,
        country: pick(random, COUNTRIES),
        stateControlled: random() < 0.15,
        affiliation: null,
        description: null,
      });
      continue;
    }
    const g = randomInt(random, P.LATIN_GIVEN.length);
    const f = randomInt(random, P.LATIN_FAMILY.length);
    const isGovernment = i < outlets + governments;
    const kind: SourceKind = isGovernment ? "government" : pickWeighted(random, SPEAKER_KINDS);
    const latin = isGovernment
      ? `Government of ${P.LATIN_FAMILY[f]} ${i}`
      : `${P.LATIN_GIVEN[g]} ${P.LATIN_FAMILY[f]} ${i}`;
    const affiliated = !isGovernment && (kind === "official" || kind === "military") && random() < 0.6;
    all.push({
      slug: latin.toLowerCase().replace(/ /g, "-"),
      name: latin,
      names: isGovernment
        ? [latin, `รัฐบาล${P.THAI_FAMILY[f]} ${i}`]
        : [latin, `${P.THAI_GIVEN[g]} ${P.THAI_FAMILY[f]} ${i}`],
      kind,
      country: pick(random, COUNTRIES),
      stateControlled: false,
      // Governments come first among speakers, so the one named here already exists.
      affiliation: affiliated ? all[outlets + randomInt(random, governments)]!.slug : null,
      description: random() < 0.1 ? `Synthetic source ${i}` : null,
    });
  }
  return { all, publishers, outlets };
}

/** The topic slugs, most common first. */
export function topicSlug(rank: number): string {
  const word = P.TOPIC_WORDS[rank % P.TOPIC_WORDS.length]!;
  return rank < P.TOPIC_WORDS.length ? word : `${word}-${Math.floor(rank / P.TOPIC_WORDS.length)}`;
}

function isoWithOffset(utcMs: number): string {
  return new Date(utcMs + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "+07:00");
}

/**
 * Yields one claim sheet per article: Thai (70%) or English bodies made of the claims' quotes,
 * chains of 1-5 links through a long tail of speakers and outlets, topics, stances on the
 * story's propositions and a few relations between the article's claims.
 */
export function* generateCorpus(options: CorpusOptions): Generator<ClaimSheetInput> {
  const random = mulberry32(options.seed);
  const { all: sources, publishers, outlets } = generateSources(options);
  const bySlug = new Map(sources.map((s) => [s.slug, s]));
  const speakerCount = sources.length - outlets;
  const pickSpeaker = zipf(speakerCount);
  const pickOutlet = zipf(outlets);
  const pickPublisher = zipf(publishers, 0.8);
  const pickTopic = zipf(TOPICS);
  const start = Date.UTC(2019, 0, 1);
  const span = 5 * 365 * 86_400_000;
  let claimNumber = 0;

  for (let a = 0; a < options.articles; a++) {
    const claimCount =
      Math.floor(((a + 1) * options.claims) / options.articles) - Math.floor((a * options.claims) / options.articles);
    const thai = random() < 0.7;
    const publisher = sources[pickPublisher(random)]!;
    const used = new Map<string, SheetSource>([[publisher.slug, publisher]]);
    const use = (source: SheetSource): string => {
      used.set(source.slug, source);
      if (source.affiliation) used.set(source.affiliation, bySlug.get(source.affiliation)!);
      return source.slug;
    };
    const story = Math.floor(a / ARTICLES_PER_STORY);
    const publishedMs = start + Math.floor((a * span) / options.articles);
    const title = thai
      ? `${pick(random, P.THAI_SUBJECTS)}${pick(random, P.THAI_CUES)}${pick(random, P.THAI_OBJECTS)} (ข่าวที่ ${a + 1})`
      : `${pick(random, P.ENGLISH_SUBJECTS)} ${pick(random, P.ENGLISH_CUES)} ${pick(random, P.ENGLISH_OBJECTS)} (report ${a + 1})`;
    let body = `${title}\n\n`;
    let offset = codePointLength(body);
    const claims: SheetClaim[] = [];
    const stancedPropositions = new Set<number>();

    for (let c = 0; c < claimCount; c++) {
      claimNumber++;
      const kind = pickWeighted(random, KIND_WEIGHTS);
      const o = randomInt(random, P.ENGLISH_OBJECTS.length);
      const cueIndex = kind === "denial" ? 2 : randomInt(random, P.THAI_CUES.length);
      const quote = thai
        ? `${pick(random, P.THAI_SUBJECTS)}${P.THAI_CUES[cueIndex]}${P.THAI_OBJECTS[o]}${pick(random, P.THAI_TAILS)} (${claimNumber})`
        : `${pick(random, P.ENGLISH_SUBJECTS)} ${P.ENGLISH_CUES[cueIndex]} ${P.ENGLISH_OBJECTS[o]}${pick(random, P.ENGLISH_TAILS)} (${claimNumber}).`;
      const quoteLength = codePointLength(quote);
      body += quote;
      const claimStart = offset;
      offset += quoteLength;
      const filler =
        random() < 0.3 ? (thai ? " ทั้งนี้ยังไม่มีการยืนยันจากฝ่ายอื่น " : " Other parties have not confirmed this. ") : " ";
      body += filler;
      offset += codePointLength(filler);

      const length = pickWeighted(random, CHAIN_LENGTHS);
      const chains: SheetClaim["chains"] = [];
      let speakerSlug = publisher.slug;
      if (length === 1) {
        chains.push([{ source: publisher.slug, role: "speaker" }]);
      } else {
        speakerSlug = use(sources[outlets + pickSpeaker(random)]!);
        const chain: { source: string; role: ChainRole }[] = [{ source: speakerSlug, role: "speaker" }];
        const taken = new Set([speakerSlug, publisher.slug]);
        for (let l = 1; l < length - 1; l++) {
          let outlet = sources[pickOutlet(random)]!;
          while (taken.has(outlet.slug)) outlet = sources[randomInt(random, outlets)]!;
          taken.add(outlet.slug);
          chain.push({ source: use(outlet), role: l === 1 ? "reporter" : "relay" });
        }
        chain.push({ source: publisher.slug, role: "publisher" });
        chains.push(chain);
        if (random() < 0.05) {
          let outlet = sources[pickOutlet(random)]!;
          while (outlet.slug === speakerSlug || outlet.slug === publisher.slug)
            outlet = sources[randomInt(random, outlets)]!;
          chains.push([
            { source: speakerSlug, role: "speaker" },
            { source: use(outlet), role: "reporter" },
            { source: publisher.slug, role: "publisher" },
          ]);
        }
      }
      const topics = new Set<string>();
      const topicCount = pickWeighted(random, [
        [0, 15],
        [1, 45],
        [2, 30],
        [3, 10],
      ] as [number, number][]);
      for (let t = 0; t < topicCount; t++) topics.add(topicSlug(pickTopic(random)));
      const stances: { proposition: string; stance: Stance }[] = [];
      if (random() < 0.08) {
        const p = randomInt(random, PROPOSITIONS_PER_STORY);
        stancedPropositions.add(p);
        const stance: Stance =
          kind === "denial"
            ? "denies"
            : pickWeighted(random, [
                ["asserts", 60],
                ["denies", 25],
                ["hedges", 15],
              ] as [Stance, number][]);
        stances.push({ proposition: `p${story}.${p}`, stance });
      }
      claims.push({
        key: `c${c + 1}`,
        quote,
        start: claimStart,
        end: claimStart + quoteLength,
        gloss: `${pick(random, P.ENGLISH_SUBJECTS)} ${P.ENGLISH_CUES[cueIndex]} ${P.ENGLISH_OBJECTS[o]}`,
        kind,
        hedged: random() < 0.1,
        cue: thai ? P.THAI_CUES[cueIndex]! : P.ENGLISH_CUES[cueIndex]!,
        statedOn: random() < 0.5 ? isoWithOffset(publishedMs - randomInt(random, 3) * 86_400_000).slice(0, 10) : null,
        topics: [...topics],
        chains,
        stances,
      });
    }

    const relations: ClaimSheetInput["relations"] = [];
    const relationKeys = new Set<string>();
    const relationCount = claims.length < 2 ? 0 : 1 + randomInt(random, 3);
    for (let r = 0; r < relationCount; r++) {
      const from = randomInt(random, claims.length);
      let to = randomInt(random, claims.length - 1);
      if (to >= from) to++;
      const type = pick(random, ["contradicts", "supports", "qualifies"] as const);
      // A relation and its reverse count as the same one (contradicts is symmetric).
      const key = `${Math.min(from, to)}:${Math.max(from, to)}:${type}`;
      if (relationKeys.has(key)) continue;
      relationKeys.add(key);
      relations.push({
        from: claims[from]!.key,
        to: claims[to]!.key,
        type,
        rationale: `Synthetic ${type} relation ${r + 1} of article ${a + 1}`,
        status: pickWeighted(random, STATUSES),
      });
    }

    yield {
      format: CLAIM_SHEET_FORMAT,
      article: {
        slug: `bench-article-${a + 1}`,
        title,
        publisher: publisher.slug,
        section: thai ? "ต่างประเทศ" : "World",
        language: thai ? "th" : "en",
        url: `https://news.example/${a + 1}`,
        publishedAt: isoWithOffset(publishedMs),
        body: body.trimEnd(),
      },
      sources: [...used.values()],
      propositions: [...stancedPropositions].map((p) => ({
        key: `p${story}.${p}`,
        text: `Story ${story}: ${P.ENGLISH_OBJECTS[(story + p) % P.ENGLISH_OBJECTS.length]}`,
      })),
      claims,
      relations,
    };
  }
}
