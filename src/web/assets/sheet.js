// @ts-check
// The review step's pure rules (no DOM): which stored source a proposed one may be, what a
// reviewer's decisions make of the proposed sheet, and when a sheet may not be imported yet.

/**
 * @typedef {{ source: string, role: string }} SheetLink
 * @typedef {{ key: string, quote: string, start: number, end: number, gloss: string, kind: string,
 *   hedged: boolean, cue: string | null, statedOn: string | null, topics: string[], chains: SheetLink[][],
 *   stances: { proposition: string, stance: string }[], in?: "title" | "body" }} SheetClaim in: the text the
 *   span is into (the body when left out; "title" for a headline claim)
 * @typedef {{ slug: string, name: string, names: string[], kind: string, country: string | null,
 *   stateControlled: boolean, affiliation: string | null, description: string | null }} SheetSource
 * @typedef {{ from: string, to: string, type: string, rationale: string, status?: string, origin?: string }} SheetRelation
 * @typedef {{ slug: string, title: string, publisher: string, section: string | null, language: string,
 *   url: string | null, publishedAt: string, body: string }} SheetArticle
 * @typedef {{ format: string, article: SheetArticle, sources: SheetSource[], propositions: { key: string, text: string }[],
 *   claims: SheetClaim[], relations: SheetRelation[] }} ClaimSheet
 * @typedef {{ key: string, cue: string, stance: string, confidence: number, rule: string, explanation: string,
 *   speaker: { slug: string, text: string, known: boolean }, cueStart: number, cueEnd: number }} ClaimProposal
 * @typedef {{ from: string, to: string, rule: string, reason: string, confidence: number }} RelationProposal
 * @typedef {{ claim: string, storedClaimId: number, articleSlug: string, speaker: string, quote: string, reason: string }} StoredContradiction
 * @typedef {{ sheet: ClaimSheet, proposals: { claims: ClaimProposal[], sources: { slug: string, status: string, reason: string }[],
 *   relations: RelationProposal[], warnings: string[] }, storedContradictions?: StoredContradiction[] }} Extraction
 * @typedef {{ id: string, from: string, to: string, type: string, rationale: string, rule: string,
 *   stored: { id: number | null, ref: string, quote: string, speaker: string } | null }} RelationCandidate
 * @typedef {{ status: "proposed" | "accepted" | "rejected", edits: Partial<SheetClaim> }} ClaimDecision
 * @typedef {{ action: "create" | "map" | "merge", target: string, edits: Partial<SheetSource> }} SourceChoice
 * @typedef {{ slug: string, name: string, stored: boolean }} PublisherChoice
 * @typedef {{ title: string, publisher: PublisherChoice | null, section: string, url: string, publishedAt: string }} ArticleFields
 * @typedef {{ claims: Record<string, ClaimDecision>, relations: Record<string, "proposed" | "accepted" | "rejected">,
 *   sources: Record<string, SourceChoice>, article: ArticleFields }} Review
 * @typedef {{ slug: string, name: string, names: string[], kind?: string }} NamedSource
 */

/** What the extractor writes when it found no publisher (and what an import refuses). */
export const PLACEHOLDER_PUBLISHER = /^unknown-publisher(?:-\d+)?$/;

/** Titles, honorifics and kinds of outlet that say nothing about who a source is ("นาย", "สำนักข่าว", "Dr."). */
const HONORIFICS =
  /^(?:นางสาว|นาย|นาง|ดร\.?|พล\.?อ\.?|สำนักข่าว|หนังสือพิมพ์|สถานีโทรทัศน์|สถานีวิทยุ|mr\.?|mrs\.?|ms\.?|dr\.?)\s*/u;

/**
 * A name reduced to what identifies it: NFKC, lower case, no honorific, no spaces or punctuation
 * (Thai writes names with and without the space between given and family name).
 * @param {string} name
 */
export function normaliseName(name) {
  // The prefix first: NFKC splits SARA AM (ำ) in two, which the Thai words above are not written with.
  const text = name.normalize("NFC").toLowerCase().trim().replace(HONORIFICS, "");
  return text.normalize("NFKC").replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** @param {string} text */
function bigrams(text) {
  const points = Array.from(text);
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (let i = 0; i + 1 < points.length; i++) {
    const pair = `${points[i]}${points[i + 1]}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/**
 * How alike two names are, 0..1, compared normalised: 1 for the same name, high when one holds
 * the other ("Reuters" in "Reuters news agency"), else the Dice coefficient of their bigrams.
 * @param {string} a
 * @param {string} b
 */
export function nameSimilarity(a, b) {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 3 && long.includes(short)) return 0.6 + (0.35 * short.length) / long.length;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  for (const [pair, count] of gx) shared += Math.min(count, gy.get(pair) ?? 0);
  const total = [...gx.values(), ...gy.values()].reduce((sum, n) => sum + n, 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Every name a source goes by: its English name, every stored or proposed name, its slug. @param {NamedSource} s */
function namesOf(s) {
  return [s.name, ...s.names, s.slug.replace(/-\d+$/, "").replaceAll("-", " ")];
}

/**
 * The stored sources a proposed one most likely is, best first: compared by every name of
 * either (Thai and Latin), normalised. Only matches scoring at least `floor`.
 * @template {NamedSource} S
 * @param {NamedSource} proposed
 * @param {S[]} stored
 * @param {number} [limit]
 * @param {number} [floor]
 * @returns {{ source: S, score: number }[]}
 */
export function bestMatches(proposed, stored, limit = 3, floor = 0.5) {
  const mine = namesOf(proposed);
  return stored
    .map((source) => {
      const theirs = namesOf(source);
      let score = 0;
      for (const a of mine) for (const b of theirs) score = Math.max(score, nameSimilarity(a, b));
      return { source, score: Math.round(score * 100) / 100 };
    })
    .filter((match) => match.score >= floor)
    .sort((a, b) => b.score - a.score || a.source.name.localeCompare(b.source.name))
    .slice(0, limit);
}

/**
 * A claim's identity across re-proposals of the same text: its span ("title:" first for a
 * headline claim's).
 * @param {{ start: number, end: number, in?: string }} claim
 */
export function claimSignature(claim) {
  return `${claim.in === "title" ? "title:" : ""}${claim.start}:${claim.end}`;
}

/**
 * Every relation the extraction puts forward, once each: the sheet's own (within the text, or
 * to a stored claim as `article-slug/key`) and the stored contradictions listed beside it.
 * `storedRefs` names each stored claim id's `article-slug/key`.
 * @param {Extraction} extraction
 * @param {Map<number, { ref: string, quote: string, speaker: string }>} storedRefs
 * @returns {RelationCandidate[]}
 */
export function relationCandidates(extraction, storedRefs) {
  const { sheet } = extraction;
  const signatureOf = (/** @type {string} */ ref) => {
    const claim = sheet.claims.find((c) => c.key === ref);
    return claim ? claimSignature(claim) : ref;
  };
  const storedClaim = (/** @type {string} */ ref) => {
    for (const [id, known] of storedRefs) if (known.ref === ref) return { id, ...known };
    return { id: null, ref, quote: "", speaker: "" };
  };
  /** @type {RelationCandidate[]} */
  const candidates = [];
  const seen = new Set();
  /** @param {Omit<RelationCandidate, "id">} candidate */
  const add = (candidate) => {
    const ends = [signatureOf(candidate.from), signatureOf(candidate.to)];
    if (candidate.type !== "supports") ends.sort();
    const id = `${candidate.type}|${ends.join("|")}`;
    if (seen.has(id)) return;
    seen.add(id);
    candidates.push({ id, ...candidate });
  };
  sheet.relations.forEach((relation, i) => {
    const storedEnd = [relation.from, relation.to].find((ref) => ref.includes("/"));
    add({
      from: relation.from,
      to: relation.to,
      type: relation.type,
      rationale: relation.rationale,
      rule: extraction.proposals.relations[i]?.rule ?? "proposed",
      stored: storedEnd ? storedClaim(storedEnd) : null,
    });
  });
  for (const stored of extraction.storedContradictions ?? []) {
    const known = storedRefs.get(stored.storedClaimId);
    if (!known) continue;
    add({
      from: stored.claim,
      to: known.ref,
      type: "contradicts",
      rationale: stored.reason,
      rule: "stored_claim",
      stored: { id: stored.storedClaimId, ref: known.ref, quote: known.quote, speaker: known.speaker },
    });
  }
  return candidates;
}

/**
 * Keeps a review's decisions for the claims, relations and sources a new extraction still
 * proposes (the same text proposed again); everything new starts undecided.
 * @param {Review | null} previous
 * @param {Extraction} extraction
 * @param {RelationCandidate[]} candidates
 * @returns {Review}
 */
export function carryReview(previous, extraction, candidates) {
  const { sheet } = extraction;
  /** @type {Review} */
  const review = {
    claims: {},
    relations: {},
    sources: {},
    article: previous?.article ?? {
      title: sheet.article.title,
      publisher: null,
      section: sheet.article.section ?? "",
      url: sheet.article.url ?? "",
      publishedAt: sheet.article.publishedAt,
    },
  };
  for (const claim of sheet.claims) {
    const signature = claimSignature(claim);
    review.claims[signature] = previous?.claims[signature] ?? { status: "proposed", edits: {} };
  }
  for (const candidate of candidates) review.relations[candidate.id] = previous?.relations[candidate.id] ?? "proposed";
  for (const source of sheet.sources)
    review.sources[source.slug] = previous?.sources[source.slug] ?? { action: "create", target: "", edits: {} };
  return review;
}

/**
 * The claim sheet the review makes: the article's fields as set, the accepted claims as edited
 * with their chains naming the sources chosen (stored, created, or merged into another proposal),
 * the accepted relations whose claims are kept, and the new sources still used.
 * @param {ClaimSheet} sheet
 * @param {Review} review
 * @param {RelationCandidate[]} candidates
 * @returns {ClaimSheet}
 */
export function assembleSheet(sheet, review, candidates) {
  /** @type {Map<string, string>} */
  const rename = new Map();
  for (const source of sheet.sources) {
    const choice = review.sources[source.slug];
    if (choice && choice.action !== "create" && choice.target && choice.target !== source.slug)
      rename.set(source.slug, choice.target);
  }
  const publisher = review.article.publisher;
  if (publisher && publisher.slug !== sheet.article.publisher) rename.set(sheet.article.publisher, publisher.slug);
  const resolve = (/** @type {string} */ slug) => {
    let current = slug;
    for (let hops = 0; hops < 10 && rename.has(current); hops++) current = /** @type {string} */ (rename.get(current));
    return current;
  };

  const claims = sheet.claims
    .filter((claim) => review.claims[claimSignature(claim)]?.status === "accepted")
    .map((claim) => {
      const edited = { ...claim, ...(review.claims[claimSignature(claim)]?.edits ?? {}) };
      const chains = edited.chains.map((chain) => {
        const seen = new Set();
        return chain
          .map((link) => ({ ...link, source: resolve(link.source) }))
          .filter((link) => !seen.has(link.source) && seen.add(link.source));
      });
      return { ...edited, chains };
    });
  const keys = new Set(claims.map((claim) => claim.key));
  const kept = (/** @type {string} */ ref) => ref.includes("/") || keys.has(ref);
  const relations = candidates
    .filter((c) => review.relations[c.id] === "accepted" && kept(c.from) && kept(c.to))
    .map((c) => ({
      from: c.from,
      to: c.to,
      type: c.type,
      rationale: c.rationale,
      status: "proposed",
      origin: "curated",
    }));

  const publisherSlug = resolve(sheet.article.publisher);
  const used = new Set([publisherSlug, ...claims.flatMap((claim) => claim.chains.flat().map((link) => link.source))]);
  const sources = sheet.sources
    .filter((source) => !rename.has(source.slug) && used.has(source.slug))
    .map((source) => {
      const merged = sheet.sources.filter((other) => other !== source && resolve(other.slug) === source.slug);
      const edits = review.sources[source.slug]?.edits ?? {};
      const names = [...new Set([...source.names, ...merged.flatMap((other) => [other.name, ...other.names])])];
      return { ...source, ...edits, names };
    });
  if (publisher && !publisher.stored && !sources.some((source) => source.slug === publisher.slug)) {
    sources.unshift({
      slug: publisher.slug,
      name: publisher.name,
      names: [publisher.name],
      kind: "publisher",
      country: null,
      stateControlled: false,
      affiliation: null,
      description: null,
    });
  }
  const fields = review.article;
  return {
    ...sheet,
    article: {
      ...sheet.article,
      title: fields.title.trim() || sheet.article.title,
      publisher: publisherSlug,
      section: fields.section.trim() || null,
      url: fields.url.trim() || null,
      publishedAt: fields.publishedAt,
    },
    sources,
    claims,
    relations,
  };
}

/**
 * Why the sheet may not be imported yet, or null: the reviewer must name the publisher and
 * accept at least one claim.
 * @param {ClaimSheet} sheet
 */
export function importBlocker(sheet) {
  if (PLACEHOLDER_PUBLISHER.test(sheet.article.publisher))
    return "Set the publisher first: the extractor found none, and a placeholder is never stored as a source.";
  if (sheet.claims.length === 0) return "Accept at least one claim first.";
  return null;
}

/**
 * "2023-09-20T12:14:00+07:00" -> { local: "2023-09-20T12:14", offset: "+07:00" }; "…Z" has offset "+00:00".
 * @param {string} iso
 */
export function splitOffset(iso) {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!match) return { local: "", offset: "+07:00" };
  return { local: match[1] ?? "", offset: match[2] === "Z" ? "+00:00" : (match[2] ?? "+00:00") };
}

/**
 * A local date-time and an offset as one ISO 8601 instant with its offset, or null when either is malformed.
 * @param {string} local "2023-09-20T12:14"
 * @param {string} offset "+07:00"
 */
export function joinOffset(local, offset) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/.test(local) || !/^[+-]\d{2}:\d{2}$/.test(offset)) return null;
  return `${local.length === 16 ? `${local}:00` : local}${offset}`;
}

/**
 * A slug for a new source's name (Latin letters and digits; a Thai-only name gets a short hash).
 * @param {string} name
 */
export function slugForName(name) {
  const latin = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  if (latin) return latin;
  let hash = 0;
  for (const point of Array.from(name)) hash = (hash * 31 + (point.codePointAt(0) ?? 0)) >>> 0;
  return `source-${hash.toString(36)}`;
}
