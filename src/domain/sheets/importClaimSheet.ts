import type { Db } from "../../db/client.js";
import { inChunks } from "../../db/inChunks.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { invalidSheet, type ProblemDetail } from "../../errors.js";
import { deriveContradictions, pairKey, type StanceRecord } from "../contradictions/deriveContradictions.js";
import type { Stance } from "../vocabulary.js";
import { utcOffsetMinutes } from "../articles/publishedAt.js";
import { toProblemDetails } from "../../validation.js";
import { ClaimSheet, parseClaimRef } from "./claimSheet.js";
import { checkClaimSheet, sha256Hex } from "./checkClaimSheet.js";

export type Tx = Prisma.TransactionClient;

export interface ImportResult {
  articleSlug: string;
  /** created; already_present (same body SHA-256, left as it was); updated (replaced in place). */
  status: "created" | "already_present" | "updated";
  claims: number;
  sources: number;
  relations: number;
  derivedContradictions: number;
}

export interface ImportOptions {
  /**
   * Replace an article already stored with the same body: its claims (and their relations) are
   * deleted and written again from the sheet; its metadata, the sheet's sources and propositions
   * are updated. Without it such an article is reported as already present.
   */
  update?: boolean;
  /** Called after each sheet is written, with how many of how many (for progress on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

/** Who recorded the relations a sheet brings, in their review history. */
export const IMPORT_ACTOR = "claim-sheet import";

/**
 * Validates one claim sheet (shape, then cross-references against the sheet and the stored
 * sources and claims) and writes it in one transaction: nothing is written unless everything is
 * valid. An article whose body is already stored (same SHA-256) is reported, not duplicated, or
 * replaced with `update`.
 */
export async function importClaimSheet(db: Db, input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const parsed = ClaimSheet.safeParse(input);
  if (!parsed.success) throw invalidSheet(toProblemDetails(parsed.error));
  return (await writeSheets(db, [parsed.data], (_i, path) => path, options))[0]!;
}

/**
 * Imports one claim sheet or an array of them (what the JSON export writes) in one transaction,
 * in order: a later sheet's relations may name an earlier sheet's claims. Every problem of every
 * sheet is reported at once (paths start with `[i]` for an array); nothing is written if any.
 */
export async function importClaimSheets(db: Db, input: unknown, options: ImportOptions = {}): Promise<ImportResult[]> {
  if (!Array.isArray(input)) return [await importClaimSheet(db, input, options)];
  if (input.length === 0) throw invalidSheet([{ path: "", code: "too_small", message: "must hold at least one claim sheet" }]);
  // Each sheet is parsed on its own so that the well-formed ones are still checked in depth.
  const shapeProblems: ProblemDetail[] = [];
  const sheets: ClaimSheet[] = [];
  const positions: number[] = [];
  input.forEach((item, i) => {
    const parsed = ClaimSheet.safeParse(item);
    if (parsed.success) {
      sheets.push(parsed.data);
      positions.push(i);
    } else {
      shapeProblems.push(...toProblemDetails(parsed.error).map((p) => ({ ...p, path: p.path === "" ? `[${i}]` : `[${i}].${p.path}` })));
    }
  });
  return writeSheets(db, sheets, (i, path) => `[${positions[i]}].${path}`, options, shapeProblems);
}

interface StoredArticle {
  id: number;
  slug: string;
  bodySha256: string;
  claims: number;
}

/** Checks the parsed sheets (adding to problems found already) and writes them if there are none. */
async function writeSheets(
  db: Db,
  sheets: ClaimSheet[],
  at: (sheetIndex: number, path: string) => string,
  options: ImportOptions,
  problemsSoFar: ProblemDetail[] = [],
): Promise<ImportResult[]> {
  const hashes = sheets.map((sheet) => sha256Hex(sheet.article.body));
  const stored = await findStoredArticles(db, sheets, hashes);
  const problems = [...problemsSoFar, ...(await checkSheets(db, sheets, hashes, stored, at))];
  if (problems.length > 0) throw invalidSheet(problems);

  return db.$transaction(
    async (tx) => {
      const results: ImportResult[] = [];
      for (const [i, sheet] of sheets.entries()) {
        const existing = stored.byHash.get(hashes[i]!);
        if (existing && !options.update) {
          results.push({
            articleSlug: existing.slug,
            status: "already_present",
            claims: existing.claims,
            sources: 0,
            relations: 0,
            derivedContradictions: 0,
          });
        } else {
          results.push(await writeSheet(tx, sheet, hashes[i]!, existing, options));
        }
        options.onProgress?.(i + 1, sheets.length);
      }
      return results;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

async function findStoredArticles(db: Db, sheets: ClaimSheet[], hashes: string[]) {
  const select = { id: true, slug: true, bodySha256: true, _count: { select: { claims: true } } } as const;
  const rows = [
    ...(await inChunks(hashes, (chunk) => db.article.findMany({ where: { bodySha256: { in: chunk } }, select }))),
    ...(await inChunks(sheets.map((s) => s.article.slug), (chunk) => db.article.findMany({ where: { slug: { in: chunk } }, select }))),
  ];
  const articles: StoredArticle[] = rows.map((r) => ({ id: r.id, slug: r.slug, bodySha256: r.bodySha256, claims: r._count.claims }));
  return {
    byHash: new Map(articles.map((a) => [a.bodySha256, a])),
    bySlug: new Map(articles.map((a) => [a.slug, a])),
  };
}

/** Every problem of every sheet, given what is stored and what earlier sheets bring. */
async function checkSheets(
  db: Db,
  sheets: ClaimSheet[],
  hashes: string[],
  stored: Awaited<ReturnType<typeof findStoredArticles>>,
  at: (sheetIndex: number, path: string) => string,
): Promise<ProblemDetail[]> {
  const referencedSources = new Set(
    sheets.flatMap((sheet) => [
      sheet.article.publisher,
      ...sheet.sources.flatMap((s) => s.affiliation ?? []),
      ...sheet.claims.flatMap((c) => c.chains.flat().map((l) => l.source)),
    ]),
  );
  const storedSources = new Set(
    (await inChunks([...referencedSources], (chunk) => db.source.findMany({ where: { slug: { in: chunk } }, select: { slug: true } }))).map(
      (s) => s.slug,
    ),
  );
  const storedClaims = await findReferencedClaims(db, sheets);

  const problems: ProblemDetail[] = [];
  const earlierSources = new Set<string>();
  const earlierClaims = new Set<string>();
  const earlierSlugs = new Map<string, number>();
  const earlierHashes = new Map<string, number>();
  sheets.forEach((sheet, i) => {
    const slug = sheet.article.slug;
    const sameSlug = stored.bySlug.get(slug);
    if (sameSlug && sameSlug.bodySha256 !== hashes[i]) {
      problems.push({ path: at(i, "article.slug"), code: "slug_taken", message: `article "${slug}" exists with another body` });
    }
    if (earlierSlugs.has(slug) || earlierHashes.has(hashes[i]!)) {
      const other = earlierSlugs.get(slug) ?? earlierHashes.get(hashes[i]!);
      problems.push({ path: at(i, "article"), code: "duplicate_article", message: `the same article as sheet ${other}` });
    }
    earlierSlugs.set(slug, i);
    earlierHashes.set(hashes[i]!, i);
    const knownSources = { has: (s: string) => storedSources.has(s) || earlierSources.has(s) };
    const knownClaims = {
      has: (article: string, key: string) => storedClaims.has(`${article}/${key}`) || earlierClaims.has(`${article}/${key}`),
    };
    for (const problem of checkClaimSheet(sheet, knownSources, knownClaims)) {
      problems.push({ ...problem, path: at(i, problem.path) });
    }
    for (const source of sheet.sources) earlierSources.add(source.slug);
    for (const claim of sheet.claims) earlierClaims.add(`${slug}/${claim.key}`);
  });
  return problems;
}

/** `article/key` of every stored claim the sheets' relations name in another article. */
async function findReferencedClaims(db: Db, sheets: ClaimSheet[]): Promise<Set<string>> {
  const keysByArticle = new Map<string, Set<string>>();
  for (const sheet of sheets) {
    for (const relation of sheet.relations) {
      for (const ref of [relation.from, relation.to]) {
        const { article, key } = parseClaimRef(ref);
        if (article === null || article === sheet.article.slug) continue;
        const keys = keysByArticle.get(article) ?? new Set<string>();
        keys.add(key);
        keysByArticle.set(article, keys);
      }
    }
  }
  const found = new Set<string>();
  for (const [article, keys] of keysByArticle) {
    const rows = await inChunks([...keys], (chunk) =>
      db.claim.findMany({ where: { article: { slug: article }, key: { in: chunk } }, select: { key: true } }),
    );
    for (const row of rows) found.add(`${article}/${row.key}`);
  }
  return found;
}

/** Writes one checked sheet: a new article, or the replacement of a stored one with the same body. */
async function writeSheet(
  tx: Tx,
  sheet: ClaimSheet,
  bodySha256: string,
  existing: StoredArticle | undefined,
  options: ImportOptions,
): Promise<ImportResult> {
  const sourceIds = await upsertSources(tx, sheet, options.update === true);
  const articleData = {
    slug: sheet.article.slug,
    title: sheet.article.title,
    publisherId: sourceIds.get(sheet.article.publisher)!,
    section: sheet.article.section,
    language: sheet.article.language,
    url: sheet.article.url,
    publishedAt: new Date(sheet.article.publishedAt),
    publishedUtcOffset: utcOffsetMinutes(sheet.article.publishedAt),
    body: sheet.article.body,
    bodySha256,
  };
  let articleId: number;
  if (existing) {
    // Deleting the claims cascades to their chains, topics, stances and relations.
    await tx.claim.deleteMany({ where: { articleId: existing.id } });
    articleId = (await tx.article.update({ where: { id: existing.id }, data: articleData, select: { id: true } })).id;
  } else {
    articleId = (await tx.article.create({ data: articleData, select: { id: true } })).id;
  }
  const derived = await addClaims(tx, articleId, sheet, sourceIds, options.update === true);
  return {
    articleSlug: sheet.article.slug,
    status: existing ? "updated" : "created",
    claims: sheet.claims.length,
    sources: sheet.sources.length,
    relations: sheet.relations.length,
    derivedContradictions: derived,
  };
}

/**
 * Writes a checked sheet's claims into a stored article: chains, propositions, topics, stances,
 * relations, then the contradictions their stances imply. Returns how many were derived.
 */
export async function addClaims(
  tx: Tx,
  articleId: number,
  sheet: ClaimSheet,
  sourceIds: Map<string, number>,
  updatePropositions: boolean,
): Promise<number> {
  const claimIds = await createClaims(tx, articleId, sheet, sourceIds);
  const propositionIds = await upsertPropositions(tx, sheet, updatePropositions);
  const topicIds = await upsertTopics(tx, sheet);
  await tx.claimTopic.createMany({
    data: sheet.claims.flatMap((claim) =>
      claim.topics.map((topic) => ({ claimId: claimIds.get(claim.key)!, topicId: topicIds.get(topic)! })),
    ),
  });
  await tx.claimStance.createMany({
    data: sheet.claims.flatMap((claim) =>
      claim.stances.map((s) => ({
        claimId: claimIds.get(claim.key)!,
        propositionId: propositionIds.get(s.proposition)!,
        stance: s.stance,
      })),
    ),
  });
  const resolve = await claimResolver(tx, sheet, claimIds);
  for (const relation of sheet.relations) {
    await tx.relation.create({
      data: {
        fromClaimId: resolve(relation.from),
        toClaimId: resolve(relation.to),
        type: relation.type,
        rationale: relation.rationale,
        status: relation.status,
        origin: relation.origin,
        events: { create: { actor: IMPORT_ACTOR, toStatus: relation.status, version: 1, note: "imported from claim sheet" } },
      },
    });
  }
  return proposeDerivedContradictions(tx, [...propositionIds.values()]);
}

/** Claim ids for a sheet's relation references: its own keys, or `article/key` of stored claims. */
async function claimResolver(tx: Tx, sheet: ClaimSheet, claimIds: Map<string, number>): Promise<(ref: string) => number> {
  const others = new Map<string, number>();
  const refs = [...new Set(sheet.relations.flatMap((r) => [r.from, r.to]))].map((ref) => ({ ref, ...parseClaimRef(ref) }));
  for (const { ref, article, key } of refs) {
    if (article === null || article === sheet.article.slug) continue;
    const row = await tx.claim.findFirstOrThrow({ where: { key, article: { slug: article } }, select: { id: true } });
    others.set(ref, row.id);
  }
  return (ref) => {
    const { article, key } = parseClaimRef(ref);
    return article === null || article === sheet.article.slug ? claimIds.get(key)! : others.get(ref)!;
  };
}

/** Creates the sheet's sources that are not stored yet; stored ones are kept as they are, or updated with `update`. */
export async function upsertSources(tx: Tx, sheet: ClaimSheet, update: boolean): Promise<Map<string, number>> {
  const slugs = new Set([
    ...sheet.sources.map((s) => s.slug),
    ...sheet.claims.flatMap((c) => c.chains.flat().map((l) => l.source)),
    sheet.article.publisher,
  ]);
  const stored = await inChunks([...slugs], (chunk) => tx.source.findMany({ where: { slug: { in: chunk } }, select: { id: true, slug: true } }));
  const ids = new Map(stored.map((s) => [s.slug, s.id]));
  const fresh = sheet.sources.filter((s) => !ids.has(s.slug));
  const refreshed = update ? sheet.sources.filter((s) => ids.has(s.slug)) : [];
  for (const source of refreshed) {
    await tx.sourceName.deleteMany({ where: { sourceId: ids.get(source.slug)! } });
    await tx.source.update({
      where: { id: ids.get(source.slug)! },
      data: {
        name: source.name,
        kind: source.kind,
        countryCode: source.country,
        stateControlled: source.stateControlled,
        description: source.description,
        affiliationId: null,
        names: { create: source.names.map((name, position) => ({ name, position })) },
      },
    });
  }
  for (const source of fresh) {
    const created = await tx.source.create({
      data: {
        slug: source.slug,
        name: source.name,
        kind: source.kind,
        countryCode: source.country,
        stateControlled: source.stateControlled,
        description: source.description,
        names: { create: source.names.map((name, position) => ({ name, position })) },
      },
      select: { id: true },
    });
    ids.set(source.slug, created.id);
  }
  for (const source of [...refreshed, ...fresh]) {
    if (source.affiliation === null) continue;
    const affiliationId =
      ids.get(source.affiliation) ??
      (await tx.source.findUniqueOrThrow({ where: { slug: source.affiliation }, select: { id: true } })).id;
    await tx.source.update({ where: { id: ids.get(source.slug)! }, data: { affiliationId } });
  }
  return ids;
}

async function createClaims(
  tx: Tx,
  articleId: number,
  sheet: ClaimSheet,
  sourceIds: Map<string, number>,
): Promise<Map<string, number>> {
  const created = await tx.claim.createManyAndReturn({
    select: { id: true, key: true },
    data: sheet.claims.map((claim) => ({
      articleId,
      key: claim.key,
      quote: claim.quote,
      start: claim.start,
      end: claim.end,
      gloss: claim.gloss,
      kind: claim.kind,
      hedged: claim.hedged,
      cue: claim.cue,
      statedOn: claim.statedOn,
    })),
  });
  const claimIds = new Map(created.map((c) => [c.key, c.id]));
  await tx.attributionLink.createMany({
    data: sheet.claims.flatMap((claim) =>
      claim.chains.flatMap((chain, chainIndex) =>
        chain.map((link, position) => ({
          claimId: claimIds.get(claim.key)!,
          chain: chainIndex,
          position,
          sourceId: sourceIds.get(link.source)!,
          role: link.role,
        })),
      ),
    ),
  });
  return claimIds;
}

// Topics and propositions are looked up and created in one statement each, not one per row:
// a sheet names dozens of topics and the per-statement cost dominates large imports.
async function upsertPropositions(tx: Tx, sheet: ClaimSheet, update: boolean): Promise<Map<string, number>> {
  const keys = sheet.propositions.map((p) => p.key);
  if (keys.length === 0) return new Map();
  const stored = await inChunks(keys, (chunk) => tx.proposition.findMany({ where: { key: { in: chunk } }, select: { id: true, key: true } }));
  const ids = new Map(stored.map((p) => [p.key, p.id]));
  const fresh = sheet.propositions.filter((p) => !ids.has(p.key));
  if (update) {
    for (const proposition of sheet.propositions.filter((p) => ids.has(p.key))) {
      await tx.proposition.update({ where: { id: ids.get(proposition.key)! }, data: { text: proposition.text } });
    }
  }
  if (fresh.length > 0) {
    const created = await tx.proposition.createManyAndReturn({
      data: fresh.map((p) => ({ key: p.key, text: p.text })),
      select: { id: true, key: true },
    });
    for (const p of created) ids.set(p.key, p.id);
  }
  return ids;
}

async function upsertTopics(tx: Tx, sheet: ClaimSheet): Promise<Map<string, number>> {
  const slugs = [...new Set(sheet.claims.flatMap((c) => c.topics))];
  if (slugs.length === 0) return new Map();
  const stored = await inChunks(slugs, (chunk) => tx.topic.findMany({ where: { slug: { in: chunk } }, select: { id: true, slug: true } }));
  const ids = new Map(stored.map((t) => [t.slug, t.id]));
  const fresh = slugs.filter((slug) => !ids.has(slug));
  if (fresh.length > 0) {
    const created = await tx.topic.createManyAndReturn({ data: fresh.map((slug) => ({ slug })), select: { id: true, slug: true } });
    for (const t of created) ids.set(t.slug, t.id);
  }
  return ids;
}

/** Creates relations with their first review event, in two statements whatever their number. */
async function createRelations(
  tx: Tx,
  relations: Prisma.RelationCreateManyInput[],
  note: string,
): Promise<void> {
  if (relations.length === 0) return;
  const created = await tx.relation.createManyAndReturn({ data: relations, select: { id: true, status: true } });
  await tx.relationEvent.createMany({
    data: created.map((relation) => ({ relationId: relation.id, actor: IMPORT_ACTOR, toStatus: relation.status, version: 1, note })),
  });
}

/**
 * Proposes contradictions between claims, stored or new, that take opposite stances on the
 * given propositions. Returns how many were proposed.
 */
async function proposeDerivedContradictions(tx: Tx, propositionIds: number[]): Promise<number> {
  if (propositionIds.length === 0) return 0;
  const rows = await inChunks(propositionIds, (chunk) => tx.claimStance.findMany({
    where: { propositionId: { in: chunk } },
    select: {
      claimId: true,
      propositionId: true,
      stance: true,
      proposition: { select: { text: true } },
      claim: {
        select: {
          links: { where: { chain: 0, position: 0 }, select: { source: { select: { id: true, name: true } } } },
        },
      },
    },
  }));
  const stances: StanceRecord[] = rows.map((row) => ({
    claimId: row.claimId,
    propositionId: row.propositionId,
    propositionText: row.proposition.text,
    stance: row.stance as Stance,
    speakerId: row.claim.links[0]!.source.id,
    speakerName: row.claim.links[0]!.source.name,
  }));
  const claimIds = [...new Set(stances.map((s) => s.claimId))];
  const involved = new Set(claimIds);
  const existing = (
    await inChunks(claimIds, (chunk) =>
      tx.relation.findMany({ where: { type: "contradicts", fromClaimId: { in: chunk } }, select: { fromClaimId: true, toClaimId: true } }),
    )
  ).filter((r) => involved.has(r.toClaimId));
  const derived = deriveContradictions(stances, new Set(existing.map((r) => pairKey(r.fromClaimId, r.toClaimId))));
  await createRelations(
    tx,
    derived.map((contradiction) => ({ ...contradiction, type: "contradicts", origin: "derived" })),
    "derived from opposite stances",
  );
  return derived.length;
}
