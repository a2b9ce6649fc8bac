import type { Db } from "../../db/client.js";
import { type DerivedContradiction, deriveContradictions, pairKey } from "../relations/deriveContradictions.js";
import { type ClaimSheet, parseClaimRef } from "./claimSheet.js";
import { reanchorClaim } from "./reanchorClaim.js";
import {
  createRelations,
  findClaimId,
  findContradictionsOf,
  findStancesOn,
  isRelationStored,
  type NewRelation,
} from "./sheetRelationRepository.js";
import {
  type ClaimStanceRow,
  type ClaimTopicRow,
  deleteChainsTopicsStances,
  findArticleClaims,
  findArticleVersion,
  findClaimIdsByKey,
  findPropositionId,
  findSourceId,
  findTopicId,
  insertArticle,
  insertArticleRevision,
  insertChains,
  insertClaimStances,
  insertClaims,
  insertClaimTopics,
  insertProposition,
  insertSource,
  insertTopic,
  markClaimOrphaned,
  type SheetWriter,
  setClaimSpan,
  setSourceAffiliation,
  updateArticle,
  updateClaim,
  updatePropositionText,
  updateSource,
  writeSheetTransaction,
} from "./sheetWriteRepository.js";

// Rows go in the order the ORM once wrote them (claims, their chains, propositions, topics,
// stances, relations), so ids come out as they did.

/** Who recorded the relations a sheet brings, in their review history. */
export const IMPORT_ACTOR = "claim-sheet import";

export interface WrittenSheet {
  articleId: number;
  derivedContradictions: number;
  /** Stored claims a corrected body no longer holds, kept as orphaned. */
  orphanedClaims: number;
  /** Relations the sheet named that were already stored (kept, with their ids and history). */
  keptRelations: number;
}

/**
 * Writes one checked sheet: a new article, or (`existingId`) a new version of a stored one.
 * A stored article is never emptied: its claims keep their ids (a claim the sheet names by key
 * is updated in place; one it leaves out stays, re-anchored in a corrected body or marked
 * orphaned), every relation and review event stays, and a replaced body is kept as a revision.
 */
export async function writeSheet(
  w: SheetWriter,
  sheet: ClaimSheet,
  bodySha256: string,
  existingId: number | undefined,
  update: boolean,
): Promise<WrittenSheet> {
  const now = new Date();
  const sourceIds = await upsertSources(w, sheet, update);
  if (existingId !== undefined) return reviseArticle(w, sheet, bodySha256, existingId, sourceIds, now);
  const publisherId = sourceIds.get(sheet.article.publisher)!;
  const articleId = await insertArticle(w, { article: sheet.article, publisherId, bodySha256 }, now);
  const derivedContradictions = await addClaims(w, articleId, sheet, sourceIds, update, now);
  return { articleId, derivedContradictions, orphanedClaims: 0, keptRelations: 0 };
}

/**
 * Adds a checked sheet's claims to a stored article in one transaction, with the sources they
 * cite (stored ones kept as they are); returns how many contradictions were derived.
 */
export function writeArticleClaims(db: Db, articleId: number, sheet: ClaimSheet): Promise<number> {
  return writeSheetTransaction(db, async (w) => {
    const sourceIds = await upsertSources(w, sheet, false);
    return addClaims(w, articleId, sheet, sourceIds, false);
  });
}

/**
 * The update path: the article's metadata (and body, the old one kept as a revision), claims
 * merged by key, the sheet's relations added where missing. Nothing is deleted but the chains,
 * topics and stances of claims the sheet restates (they are written again from it).
 */
async function reviseArticle(
  w: SheetWriter,
  sheet: ClaimSheet,
  bodySha256: string,
  articleId: number,
  sourceIds: Map<string, number>,
  now: Date,
): Promise<WrittenSheet> {
  const a = sheet.article;
  const previous = await findArticleVersion(w, articleId);
  const bodyChanged = previous.bodySha256 !== bodySha256;
  const titleChanged = previous.title !== a.title;
  if (bodyChanged) await insertArticleRevision(w, articleId, previous, now);
  await updateArticle(w, articleId, { article: a, publisherId: sourceIds.get(a.publisher)!, bodySha256 });

  const stored = await findArticleClaims(w, articleId);
  const restated = new Set(sheet.claims.map((c) => c.key));
  let orphanedClaims = 0;
  for (const claim of stored) {
    if (restated.has(claim.key)) {
      // Chains, topics and stances come again from the sheet; the claim row (and its id) stays.
      await deleteChainsTopicsStances(w, claim.id);
    } else if (claim.spanIn === "title" ? titleChanged : bodyChanged) {
      // A headline claim is re-anchored in the new title, the others in the new body.
      const anchor =
        claim.spanIn === "title"
          ? reanchorClaim(previous.title, a.title, claim)
          : reanchorClaim(previous.body, a.body, claim);
      if (anchor === null) {
        orphanedClaims += 1;
        await markClaimOrphaned(w, claim.id);
      } else {
        await setClaimSpan(w, claim.id, anchor);
      }
    }
  }
  const storedKeys = new Set(stored.map((c) => c.key));
  for (const c of sheet.claims.filter((claim) => storedKeys.has(claim.key))) await updateClaim(w, articleId, c);
  const { derived, kept } = await writeClaims(w, articleId, sheet, sourceIds, true, now, {
    existingKeys: storedKeys,
  });
  return { articleId, derivedContradictions: derived, orphanedClaims, keptRelations: kept };
}

/**
 * Creates the sheet's sources that are not stored yet; stored ones are kept as they are, or
 * updated with `update`. Returns the id of every source the sheet names.
 */
async function upsertSources(w: SheetWriter, sheet: ClaimSheet, update: boolean): Promise<Map<string, number>> {
  const slugs = new Set([
    ...sheet.sources.map((s) => s.slug),
    ...sheet.claims.flatMap((c) => c.chains.flat().map((l) => l.source)),
    sheet.article.publisher,
  ]);
  const ids = new Map<string, number>();
  for (const slug of slugs) {
    const id = await findSourceId(w, slug);
    if (id !== undefined) ids.set(slug, id);
  }
  const fresh = sheet.sources.filter((s) => !ids.has(s.slug));
  const refreshed = update ? sheet.sources.filter((s) => ids.has(s.slug)) : [];
  for (const source of refreshed) await updateSource(w, ids.get(source.slug)!, source);
  for (const source of fresh) ids.set(source.slug, await insertSource(w, source));
  for (const source of [...refreshed, ...fresh]) {
    if (source.affiliation === null) continue;
    const affiliationId = ids.get(source.affiliation) ?? (await findSourceId(w, source.affiliation));
    if (affiliationId === undefined) throw new Error(`source "${source.affiliation}" is not stored`);
    await setSourceAffiliation(w, ids.get(source.slug)!, affiliationId);
  }
  return ids;
}

/**
 * Writes a checked sheet's claims into a stored article: chains, propositions, topics, stances,
 * relations, then the contradictions their stances imply. Returns how many were derived.
 */
async function addClaims(
  w: SheetWriter,
  articleId: number,
  sheet: ClaimSheet,
  sourceIds: Map<string, number>,
  updatePropositions: boolean,
  now = new Date(),
): Promise<number> {
  return (await writeClaims(w, articleId, sheet, sourceIds, updatePropositions, now)).derived;
}

/**
 * addClaims, where the claims with `existingKeys` are stored already (their rows are kept; only
 * their chains, topics and stances are written) and a relation already stored is kept as it is.
 */
async function writeClaims(
  w: SheetWriter,
  articleId: number,
  sheet: ClaimSheet,
  sourceIds: Map<string, number>,
  updatePropositions: boolean,
  now: Date,
  { existingKeys = new Set<string>() }: { existingKeys?: Set<string> } = {},
): Promise<{ derived: number; kept: number }> {
  await insertClaims(w, [{ articleId, claims: sheet.claims.filter((c) => !existingKeys.has(c.key)) }]);
  // Claims already in the article (a CSV adds to it) have other keys.
  const claimIds = await findClaimIdsByKey(w, articleId);
  await insertChains(
    w,
    sheet.claims.map((claim) => ({ id: claimIds.get(claim.key)!, claim })),
    sourceIds,
  );
  const propositionIds = await upsertPropositions(w, sheet, updatePropositions);
  const topicIds = await upsertTopics(w, sheet);
  await insertClaimTopics(
    w,
    sheet.claims.flatMap((claim) =>
      claim.topics.map((topic): ClaimTopicRow => [claimIds.get(claim.key)!, topicIds.get(topic)!]),
    ),
  );
  await insertClaimStances(
    w,
    sheet.claims.flatMap((claim) =>
      claim.stances.map(
        (s): ClaimStanceRow => [claimIds.get(claim.key)!, propositionIds.get(s.proposition)!, s.stance],
      ),
    ),
  );
  const others = await storedClaimIds(w, sheet);
  const resolve = (ref: string) => {
    const { article, key } = parseClaimRef(ref);
    return article === null || article === sheet.article.slug ? claimIds.get(key)! : others.get(ref)!;
  };
  const named = sheet.relations.map((r) => ({
    fromClaimId: resolve(r.from),
    toClaimId: resolve(r.to),
    type: r.type,
    rationale: r.rationale,
    status: r.status,
    origin: r.origin,
  }));
  // A relation stored already keeps its id, status and review history: the sheet does not reset them.
  const fresh = existingKeys.size === 0 ? named : await withoutStoredRelations(w, named);
  await createRelations(w, fresh, { actor: IMPORT_ACTOR, note: "imported from claim sheet", at: now });
  const derived = await proposeDerivedContradictions(w, [...propositionIds.values()], [...claimIds.values()], now);
  return { derived: derived.length, kept: named.length - fresh.length };
}

async function withoutStoredRelations(w: SheetWriter, relations: NewRelation[]): Promise<NewRelation[]> {
  const fresh: NewRelation[] = [];
  for (const r of relations) if (!(await isRelationStored(w, r))) fresh.push(r);
  return fresh;
}

/** Ids of the stored claims a sheet's relations name as `article/key`. */
async function storedClaimIds(w: SheetWriter, sheet: ClaimSheet): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const ref of new Set(sheet.relations.flatMap((r) => [r.from, r.to]))) {
    const { article, key } = parseClaimRef(ref);
    if (article === null || article === sheet.article.slug) continue;
    const id = await findClaimId(w, article, key);
    if (id === undefined) throw new Error(`claim "${ref}" is not stored`);
    ids.set(ref, id);
  }
  return ids;
}

async function upsertPropositions(w: SheetWriter, sheet: ClaimSheet, update: boolean): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const proposition of sheet.propositions) {
    const id = await findPropositionId(w, proposition.key);
    if (id !== undefined) ids.set(proposition.key, id);
  }
  if (update) {
    for (const proposition of sheet.propositions.filter((p) => ids.has(p.key))) {
      await updatePropositionText(w, ids.get(proposition.key)!, proposition.text);
    }
  }
  for (const proposition of sheet.propositions.filter((p) => !ids.has(p.key))) {
    ids.set(proposition.key, await insertProposition(w, proposition));
  }
  return ids;
}

async function upsertTopics(w: SheetWriter, sheet: ClaimSheet): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const fresh: string[] = [];
  for (const slug of new Set(sheet.claims.flatMap((c) => c.topics))) {
    const id = await findTopicId(w, slug);
    if (id === undefined) fresh.push(slug);
    else ids.set(slug, id);
  }
  for (const slug of fresh) ids.set(slug, await insertTopic(w, slug));
  return ids;
}

/**
 * Proposes contradictions between the article's claims and any claims, stored or new, that take
 * opposite stances on the given propositions. Returns those proposed. Two statements
 * (per 500 propositions or claims), whatever the number of stances: on PostgreSQL each
 * statement is a round trip.
 */
export async function proposeDerivedContradictions(
  w: SheetWriter,
  propositionIds: number[],
  articleClaimIds: number[],
  now: Date,
): Promise<DerivedContradiction[]> {
  if (propositionIds.length === 0) return [];
  const stances = await findStancesOn(w, propositionIds);
  const article = new Set(articleClaimIds);
  const stancing = [...new Set(stances.map((s) => s.claimId).filter((id) => article.has(id)))];
  if (stancing.length === 0) return [];
  const existing = new Set<string>();
  for (const pair of await findContradictionsOf(w, stancing)) existing.add(pairKey(pair.fromClaimId, pair.toClaimId));
  const derived = deriveContradictions(stances, existing, new Set(stancing));
  await createRelations(
    w,
    derived.map((contradiction) => ({ ...contradiction, type: "contradicts", status: "proposed", origin: "derived" })),
    { actor: IMPORT_ACTOR, note: "derived from opposite stances", at: now },
  );
  return derived;
}
