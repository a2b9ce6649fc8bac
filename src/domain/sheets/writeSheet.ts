import { IN_LIST_SIZE, inChunks } from "../../db/inChunks.js";
import { inList, type SqlWriter } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";
import { utcOffsetMinutes } from "../articles/publishedAt.js";
import {
  type DerivedContradiction,
  deriveContradictions,
  pairKey,
  type StanceRecord,
} from "../relations/deriveContradictions.js";
import { type ClaimSheet, parseClaimRef } from "./claimSheet.js";
import { reanchorClaim } from "./reanchorClaim.js";

// A checked claim sheet is written with hand-written, portable SQL on prepared statements, a
// table's rows a few statements at a time: through Prisma's ORM each of a sheet's ~20 queries
// cost more than the rows it wrote. Rows go in the order the ORM wrote them (claims, their
// chains, propositions, topics, stances, relations), so ids come out as they did.

/** Who recorded the relations a sheet brings, in their review history. */
export const IMPORT_ACTOR = "claim-sheet import";

/**
 * One import transaction's writer, with the ids of the sources, topics and propositions it has
 * looked up or created so far: a batch of sheets names the same ones again and again, and none
 * of them is deleted or renamed by an import.
 */
export interface SheetWriter {
  sql: SqlWriter;
  sourceIds: Map<string, number>;
  topicIds: Map<string, number>;
  propositionIds: Map<string, number>;
}

/** A writer on an open transaction's SqlWriter (see writeTransaction). */
export function sheetWriterOn(sql: SqlWriter): SheetWriter {
  return { sql, sourceIds: new Map(), topicIds: new Map(), propositionIds: new Map() };
}

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
  const a = sheet.article;
  const publishedAt = new Date(a.publishedAt);
  const publisherId = sourceIds.get(a.publisher)!;
  if (existingId !== undefined) return reviseArticle(w, sheet, bodySha256, existingId, sourceIds, now);
  const articleId = await insertId(
    w.sql,
    Prisma.sql`INSERT INTO "Article" ("slug", "title", "publisherId", "section", "language", "url",
      "publishedAt", "publishedUtcOffset", "body", "bodySha256", "createdAt")
      VALUES (${a.slug}, ${a.title}, ${publisherId}, ${a.section}, ${a.language}, ${a.url},
      ${publishedAt}, ${utcOffsetMinutes(a.publishedAt)}, ${a.body}, ${bodySha256}, ${now}) RETURNING "id"`,
  );
  const derivedContradictions = await addClaims(w, articleId, sheet, sourceIds, update, now);
  return { articleId, derivedContradictions, orphanedClaims: 0, keptRelations: 0 };
}

interface StoredClaim {
  id: number;
  key: string;
  quote: string;
  start: number;
  end: number;
  spanIn: string;
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
  const { sql } = w;
  const a = sheet.article;
  const [previous] = await sql.rows<{ body: string; bodySha256: string; title: string }>(
    Prisma.sql`SELECT "body", "bodySha256", "title" FROM "Article" WHERE "id" = ${articleId}`,
  );
  const bodyChanged = previous!.bodySha256 !== bodySha256;
  const titleChanged = previous!.title !== a.title;
  if (bodyChanged) {
    await sql.execute(Prisma.sql`INSERT INTO "ArticleRevision" ("articleId", "body", "bodySha256", "replacedAt")
      VALUES (${articleId}, ${previous!.body}, ${previous!.bodySha256}, ${now})`);
  }
  await sql.execute(Prisma.sql`UPDATE "Article" SET "slug" = ${a.slug}, "title" = ${a.title}, "publisherId" = ${sourceIds.get(a.publisher)!},
      "section" = ${a.section}, "language" = ${a.language}, "url" = ${a.url}, "publishedAt" = ${new Date(a.publishedAt)},
      "publishedUtcOffset" = ${utcOffsetMinutes(a.publishedAt)}, "body" = ${a.body}, "bodySha256" = ${bodySha256}
      WHERE "id" = ${articleId}`);

  const stored = await sql.rows<StoredClaim>(
    Prisma.sql`SELECT "id", "key", "quote", "start", "end", "spanIn" FROM "Claim" WHERE "articleId" = ${articleId}`,
  );
  const restated = new Set(sheet.claims.map((c) => c.key));
  let orphanedClaims = 0;
  for (const claim of stored) {
    if (restated.has(claim.key)) {
      // Chains, topics and stances come again from the sheet; the claim row (and its id) stays.
      await sql.execute(Prisma.sql`DELETE FROM "AttributionLink" WHERE "claimId" = ${claim.id}`);
      await sql.execute(Prisma.sql`DELETE FROM "ClaimTopic" WHERE "claimId" = ${claim.id}`);
      await sql.execute(Prisma.sql`DELETE FROM "ClaimStance" WHERE "claimId" = ${claim.id}`);
    } else if (claim.spanIn === "title" ? titleChanged : bodyChanged) {
      // A headline claim is re-anchored in the new title, the others in the new body.
      const anchor =
        claim.spanIn === "title"
          ? reanchorClaim(previous!.title, a.title, claim)
          : reanchorClaim(previous!.body, a.body, claim);
      if (anchor === null) orphanedClaims += 1;
      await sql.execute(
        anchor === null
          ? Prisma.sql`UPDATE "Claim" SET "anchor" = 'orphaned' WHERE "id" = ${claim.id}`
          : Prisma.sql`UPDATE "Claim" SET "start" = ${anchor.start}, "end" = ${anchor.end}, "anchor" = 'anchored' WHERE "id" = ${claim.id}`,
      );
    }
  }
  const storedKeys = new Set(stored.map((c) => c.key));
  for (const c of sheet.claims.filter((claim) => storedKeys.has(claim.key))) {
    await sql.execute(Prisma.sql`UPDATE "Claim" SET "quote" = ${c.quote}, "spanIn" = ${c.in ?? "body"}, "start" = ${c.start}, "end" = ${c.end},
      "gloss" = ${c.gloss}, "kind" = ${c.kind}, "hedged" = ${c.hedged}, "cue" = ${c.cue}, "statedOn" = ${c.statedOn},
      "anchor" = 'anchored' WHERE "articleId" = ${articleId} AND "key" = ${c.key}`);
  }
  const { derived, kept } = await writeClaims(w, articleId, sheet, sourceIds, true, now, {
    existingKeys: storedKeys,
  });
  return { articleId, derivedContradictions: derived, orphanedClaims, keptRelations: kept };
}

async function insertId(sql: SqlWriter, query: Prisma.Sql): Promise<number> {
  return Number((await sql.rows<{ id: number | bigint }>(query))[0]!.id);
}

async function lookUpId(
  sql: SqlWriter,
  cache: Map<string, number>,
  query: (value: string) => Prisma.Sql,
  value: string,
): Promise<number | undefined> {
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  const [row] = await sql.rows<{ id: number | bigint }>(query(value));
  if (row === undefined) return undefined;
  cache.set(value, Number(row.id));
  return Number(row.id);
}

const sourceBySlug = (slug: string) => Prisma.sql`SELECT "id" FROM "Source" WHERE "slug" = ${slug}`;
const topicBySlug = (slug: string) => Prisma.sql`SELECT "id" FROM "Topic" WHERE "slug" = ${slug}`;
const propositionByKey = (key: string) => Prisma.sql`SELECT "id" FROM "Proposition" WHERE "key" = ${key}`;

/**
 * Creates the sheet's sources that are not stored yet; stored ones are kept as they are, or
 * updated with `update`. Returns the id of every source the sheet names.
 */
export async function upsertSources(w: SheetWriter, sheet: ClaimSheet, update: boolean): Promise<Map<string, number>> {
  const slugs = new Set([
    ...sheet.sources.map((s) => s.slug),
    ...sheet.claims.flatMap((c) => c.chains.flat().map((l) => l.source)),
    sheet.article.publisher,
  ]);
  const ids = new Map<string, number>();
  for (const slug of slugs) {
    const id = await lookUpId(w.sql, w.sourceIds, sourceBySlug, slug);
    if (id !== undefined) ids.set(slug, id);
  }
  const fresh = sheet.sources.filter((s) => !ids.has(s.slug));
  const refreshed = update ? sheet.sources.filter((s) => ids.has(s.slug)) : [];
  const addNames = (sourceId: number, names: string[]) =>
    w.sql.insert(
      "SourceName",
      ["sourceId", "name", "position"],
      names.map((name, position) => [sourceId, name, position]),
    );
  for (const source of refreshed) {
    const id = ids.get(source.slug)!;
    await w.sql.execute(Prisma.sql`DELETE FROM "SourceName" WHERE "sourceId" = ${id}`);
    await w.sql.execute(Prisma.sql`UPDATE "Source" SET "name" = ${source.name}, "kind" = ${source.kind}, "countryCode" = ${source.country},
      "stateControlled" = ${source.stateControlled}, "description" = ${source.description}, "affiliationId" = NULL WHERE "id" = ${id}`);
    await addNames(id, source.names);
  }
  for (const source of fresh) {
    const id = await insertId(
      w.sql,
      Prisma.sql`INSERT INTO "Source" ("slug", "name", "kind", "countryCode", "stateControlled", "description")
      VALUES (${source.slug}, ${source.name}, ${source.kind}, ${source.country}, ${source.stateControlled}, ${source.description}) RETURNING "id"`,
    );
    ids.set(source.slug, id);
    w.sourceIds.set(source.slug, id);
    await addNames(id, source.names);
  }
  for (const source of [...refreshed, ...fresh]) {
    if (source.affiliation === null) continue;
    const affiliationId =
      ids.get(source.affiliation) ?? (await lookUpId(w.sql, w.sourceIds, sourceBySlug, source.affiliation));
    if (affiliationId === undefined) throw new Error(`source "${source.affiliation}" is not stored`);
    await w.sql.execute(
      Prisma.sql`UPDATE "Source" SET "affiliationId" = ${affiliationId} WHERE "id" = ${ids.get(source.slug)!}`,
    );
  }
  return ids;
}

/**
 * Writes a checked sheet's claims into a stored article: chains, propositions, topics, stances,
 * relations, then the contradictions their stances imply. Returns how many were derived.
 */
export async function addClaims(
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
  const { sql } = w;
  await sql.insert(
    "Claim",
    CLAIM_COLUMNS,
    sheet.claims.filter((c) => !existingKeys.has(c.key)).map((c) => claimRow(articleId, c)),
  );
  // Read back by (article, key), which is unique, in one indexed range: cheaper than RETURNING,
  // which SQLite buffers row by row. Claims already in the article (a CSV adds to it) have other keys.
  const claimIds = new Map<string, number>();
  for (const row of await sql.rows<{ id: number; key: string }>(
    Prisma.sql`SELECT "id", "key" FROM "Claim" WHERE "articleId" = ${articleId}`,
  )) {
    claimIds.set(row.key, Number(row.id));
  }
  await sql.insert(
    "AttributionLink",
    LINK_COLUMNS,
    sheet.claims.flatMap((claim) => linkRows(claimIds.get(claim.key)!, claim, sourceIds)),
  );
  const propositionIds = await upsertPropositions(w, sheet, updatePropositions);
  const topicIds = await upsertTopics(w, sheet);
  await sql.insert(
    "ClaimTopic",
    ["claimId", "topicId"],
    sheet.claims.flatMap((claim) => claim.topics.map((topic) => [claimIds.get(claim.key)!, topicIds.get(topic)!])),
  );
  await sql.insert(
    "ClaimStance",
    ["claimId", "propositionId", "stance"],
    sheet.claims.flatMap((claim) =>
      claim.stances.map((s) => [claimIds.get(claim.key)!, propositionIds.get(s.proposition)!, s.stance]),
    ),
  );
  const others = await storedClaimIds(sql, sheet);
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
  const fresh = existingKeys.size === 0 ? named : await withoutStoredRelations(sql, named);
  await createRelations(sql, fresh, "imported from claim sheet", now);
  const derived = await proposeDerivedContradictions(sql, [...propositionIds.values()], [...claimIds.values()], now);
  return { derived: derived.length, kept: named.length - fresh.length };
}

async function withoutStoredRelations(sql: SqlWriter, relations: NewRelation[]): Promise<NewRelation[]> {
  const fresh: NewRelation[] = [];
  for (const r of relations) {
    const [row] = await sql.rows<{ id: number }>(
      Prisma.sql`SELECT "id" FROM "Relation" WHERE "fromClaimId" = ${r.fromClaimId} AND "toClaimId" = ${r.toClaimId} AND "type" = ${r.type}`,
    );
    if (row === undefined) fresh.push(r);
  }
  return fresh;
}

/** Ids of the stored claims a sheet's relations name as `article/key`. */
async function storedClaimIds(sql: SqlWriter, sheet: ClaimSheet): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const ref of new Set(sheet.relations.flatMap((r) => [r.from, r.to]))) {
    const { article, key } = parseClaimRef(ref);
    if (article === null || article === sheet.article.slug) continue;
    const [row] = await sql.rows<{
      id: number;
    }>(Prisma.sql`SELECT "Claim"."id" FROM "Claim" JOIN "Article" ON "Article"."id" = "Claim"."articleId"
      WHERE "Article"."slug" = ${article} AND "Claim"."key" = ${key}`);
    if (row === undefined) throw new Error(`claim "${ref}" is not stored`);
    ids.set(ref, Number(row.id));
  }
  return ids;
}

async function upsertPropositions(w: SheetWriter, sheet: ClaimSheet, update: boolean): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const proposition of sheet.propositions) {
    const id = await lookUpId(w.sql, w.propositionIds, propositionByKey, proposition.key);
    if (id !== undefined) ids.set(proposition.key, id);
  }
  if (update) {
    for (const proposition of sheet.propositions.filter((p) => ids.has(p.key))) {
      await w.sql.execute(
        Prisma.sql`UPDATE "Proposition" SET "text" = ${proposition.text} WHERE "id" = ${ids.get(proposition.key)!}`,
      );
    }
  }
  for (const proposition of sheet.propositions.filter((p) => !ids.has(p.key))) {
    const id = await insertId(
      w.sql,
      Prisma.sql`INSERT INTO "Proposition" ("key", "text") VALUES (${proposition.key}, ${proposition.text}) RETURNING "id"`,
    );
    ids.set(proposition.key, id);
    w.propositionIds.set(proposition.key, id);
  }
  return ids;
}

async function upsertTopics(w: SheetWriter, sheet: ClaimSheet): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const fresh: string[] = [];
  for (const slug of new Set(sheet.claims.flatMap((c) => c.topics))) {
    const id = await lookUpId(w.sql, w.topicIds, topicBySlug, slug);
    if (id === undefined) fresh.push(slug);
    else ids.set(slug, id);
  }
  for (const slug of fresh) {
    const id = await insertId(w.sql, Prisma.sql`INSERT INTO "Topic" ("slug") VALUES (${slug}) RETURNING "id"`);
    ids.set(slug, id);
    w.topicIds.set(slug, id);
  }
  return ids;
}

/** The columns a claim row is written with, and its values from a sheet's claim. */
export const CLAIM_COLUMNS = [
  "articleId",
  "key",
  "quote",
  "spanIn",
  "start",
  "end",
  "gloss",
  "kind",
  "hedged",
  "cue",
  "statedOn",
] as const;

export function claimRow(articleId: number, c: ClaimSheet["claims"][number]): unknown[] {
  return [articleId, c.key, c.quote, c.in ?? "body", c.start, c.end, c.gloss, c.kind, c.hedged, c.cue, c.statedOn];
}

/** The columns an attribution link is written with, and the rows of a claim's chains. */
export const LINK_COLUMNS = ["claimId", "chain", "position", "sourceId", "role"] as const;

export function linkRows(
  claimId: number,
  claim: ClaimSheet["claims"][number],
  sourceIds: ReadonlyMap<string, number>,
): unknown[][] {
  return claim.chains.flatMap((chain, chainIndex) =>
    chain.map((link, position) => [claimId, chainIndex, position, sourceIds.get(link.source)!, link.role]),
  );
}

export interface NewRelation {
  fromClaimId: number;
  toClaimId: number;
  type: string;
  rationale: string;
  status: string;
  origin: string;
}

/** Creates relations, in order, each with the first event of its review history. */
export async function createRelations(
  sql: SqlWriter,
  relations: NewRelation[],
  note: string,
  now: Date,
): Promise<void> {
  if (relations.length === 0) return;
  const created = await sql.insert<{ id: number; status: string }>(
    "Relation",
    ["fromClaimId", "toClaimId", "type", "rationale", "status", "origin", "version", "createdAt", "updatedAt"],
    relations.map((r) => [r.fromClaimId, r.toClaimId, r.type, r.rationale, r.status, r.origin, 1, now, now]),
    ["id", "status"],
  );
  // RETURNING promises no order; events are numbered in the order of their relations.
  created.sort((a, b) => a.id - b.id);
  await sql.insert(
    "RelationEvent",
    ["relationId", "actor", "fromStatus", "toStatus", "note", "version", "createdAt"],
    created.map((r) => [r.id, IMPORT_ACTOR, null, r.status, note, 1, now]),
  );
}

/**
 * Proposes contradictions between the article's claims and any claims, stored or new, that take
 * opposite stances on the given propositions. Returns those proposed. Two statements
 * (per 500 propositions or claims), whatever the number of stances: on PostgreSQL each
 * statement is a round trip.
 */
export async function proposeDerivedContradictions(
  sql: SqlWriter,
  propositionIds: number[],
  articleClaimIds: number[],
  now: Date,
): Promise<DerivedContradiction[]> {
  if (propositionIds.length === 0) return [];
  // Each proposition in id order, and each one's stances in claim order.
  const stances = await inChunks(
    [...propositionIds].sort((x, y) => x - y),
    (chunk) =>
      sql.rows<StanceRecord>(Prisma.sql`SELECT "ClaimStance"."claimId", "ClaimStance"."propositionId", "Proposition"."text" AS "propositionText",
          "ClaimStance"."stance", "Source"."id" AS "speakerId", "Source"."name" AS "speakerName"
        FROM "ClaimStance"
        JOIN "Proposition" ON "Proposition"."id" = "ClaimStance"."propositionId"
        JOIN "AttributionLink" ON "AttributionLink"."claimId" = "ClaimStance"."claimId" AND "AttributionLink"."chain" = 0 AND "AttributionLink"."position" = 0
        JOIN "Source" ON "Source"."id" = "AttributionLink"."sourceId"
        WHERE "ClaimStance"."propositionId" IN (${inList(chunk)})
        ORDER BY "ClaimStance"."propositionId", "ClaimStance"."claimId"`),
  );
  const article = new Set(articleClaimIds);
  const stancing = [...new Set(stances.map((s) => s.claimId).filter((id) => article.has(id)))];
  if (stancing.length === 0) return [];
  const existing = new Set<string>();
  // The list is bound twice: half a chunk, under SQLite's 999 parameters.
  const relationsOf = (chunk: number[]) =>
    sql.rows<{ fromClaimId: number; toClaimId: number }>(
      Prisma.sql`SELECT "fromClaimId", "toClaimId" FROM "Relation"
        WHERE "type" = 'contradicts' AND ("fromClaimId" IN (${inList(chunk)}) OR "toClaimId" IN (${inList(chunk)}))`,
    );
  for (const row of await inChunks(stancing, relationsOf, IN_LIST_SIZE / 2)) {
    existing.add(pairKey(Number(row.fromClaimId), Number(row.toClaimId)));
  }
  const derived = deriveContradictions(
    stances.map((s) => ({ ...s, claimId: Number(s.claimId), speakerId: Number(s.speakerId) })),
    existing,
    new Set(stancing),
  );
  await createRelations(
    sql,
    derived.map((contradiction) => ({ ...contradiction, type: "contradicts", status: "proposed", origin: "derived" })),
    "derived from opposite stances",
    now,
  );
  return derived;
}
