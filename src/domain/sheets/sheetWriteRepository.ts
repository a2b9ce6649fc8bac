import type { Db } from "../../db/client.js";
import { inChunks } from "../../db/inChunks.js";
import { inList, type SqlWriter, writeTransaction } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";
import { utcOffsetMinutes } from "../articles/publishedAt.js";
import type { SheetArticle, SheetClaim, SheetProposition, SheetSource } from "./claimSheet.js";

// A checked claim sheet is written with hand-written, portable SQL on prepared statements, a
// table's rows a few statements at a time: through Prisma's ORM each of a sheet's ~20 queries
// cost more than the rows it wrote. Every statement runs on the transaction's SqlWriter:
// multi-row INSERTs on SQLite, one `unnest` INSERT a table on PostgreSQL, reads planned for
// their values there (the import grows the tables it reads).

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

/** Runs `work` in one transaction (all or nothing, see writeTransaction) with a writer on it. */
export function writeSheetTransaction<T>(db: Db, work: (w: SheetWriter) => Promise<T>): Promise<T> {
  return writeTransaction(db, (sql) =>
    work({ sql, sourceIds: new Map(), topicIds: new Map(), propositionIds: new Map() }),
  );
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

/** Puts into `cache` the ids of the stored rows of `table` whose `column` is one of `values`. */
async function lookUpIds(
  sql: SqlWriter,
  cache: Map<string, number>,
  table: "Source" | "Topic" | "Proposition",
  column: "slug" | "key",
  values: readonly string[],
): Promise<void> {
  const unknown = [...new Set(values)].filter((value) => !cache.has(value));
  const select = (chunk: string[]) =>
    sql.rows<{ id: number; value: string }>(
      Prisma.sql`SELECT "id", ${Prisma.raw(`"${column}"`)} AS "value" FROM ${Prisma.raw(`"${table}"`)}
        WHERE ${Prisma.raw(`"${column}"`)} IN (${inList(chunk)})`,
    );
  for (const row of await inChunks(unknown, select)) cache.set(row.value, Number(row.id));
}

/**
 * The ids of rows of `table` named by `column`: stored ones looked up, the others created from
 * the first row given for them. Fills and reads `cache`.
 */
async function createKeyed(
  sql: SqlWriter,
  cache: Map<string, number>,
  table: "Topic" | "Proposition",
  column: "slug" | "key",
  wanted: { key: string; row: unknown[] }[],
  columns: string[],
): Promise<Map<string, number>> {
  await lookUpIds(
    sql,
    cache,
    table,
    column,
    wanted.map((w) => w.key),
  );
  const fresh = new Map<string, unknown[]>();
  for (const { key, row } of wanted) if (!cache.has(key) && !fresh.has(key)) fresh.set(key, row);
  if (fresh.size > 0) {
    const created = await sql.insert<{ id: number; value: string }>(
      table,
      columns,
      [...fresh.values()],
      ["id", column],
    );
    for (const row of created) cache.set((row as unknown as Record<string, string>)[column]!, Number(row.id));
  }
  return new Map(wanted.map(({ key }) => [key, cache.get(key)!]));
}

// --- Articles --------------------------------------------------------------------------------

/** An article to store (or store over a stored one) from a sheet. */
export interface NewArticle {
  article: SheetArticle;
  publisherId: number;
  bodySha256: string;
}

/** Stores one article; returns its id. */
export function insertArticle(w: SheetWriter, { article: a, publisherId, bodySha256 }: NewArticle, now: Date) {
  const publishedAt = new Date(a.publishedAt);
  return insertId(
    w.sql,
    Prisma.sql`INSERT INTO "Article" ("slug", "title", "publisherId", "section", "language", "url",
      "publishedAt", "publishedUtcOffset", "body", "bodySha256", "createdAt")
      VALUES (${a.slug}, ${a.title}, ${publisherId}, ${a.section}, ${a.language}, ${a.url},
      ${publishedAt}, ${utcOffsetMinutes(a.publishedAt)}, ${a.body}, ${bodySha256}, ${now}) RETURNING "id"`,
  );
}

/** Stores articles, in order, a few statements for them all; returns their ids by slug. */
export async function insertArticles(
  w: SheetWriter,
  articles: readonly NewArticle[],
  now: Date,
): Promise<Map<string, number>> {
  const rows = await w.sql.insert<{ id: number; slug: string }>(
    "Article",
    [
      "slug",
      "title",
      "publisherId",
      "section",
      "language",
      "url",
      "publishedAt",
      "publishedUtcOffset",
      "body",
      "bodySha256",
      "createdAt",
    ],
    articles.map(({ article: a, publisherId, bodySha256 }) => [
      a.slug,
      a.title,
      publisherId,
      a.section,
      a.language,
      a.url,
      new Date(a.publishedAt),
      utcOffsetMinutes(a.publishedAt),
      a.body,
      bodySha256,
      now,
    ]),
    ["id", "slug"],
  );
  return new Map(rows.map((a) => [a.slug, Number(a.id)]));
}

/** What a new version of an article is compared with, and keeps as a revision. */
export interface ArticleVersion {
  body: string;
  bodySha256: string;
  title: string;
}

export async function findArticleVersion(w: SheetWriter, articleId: number): Promise<ArticleVersion> {
  const [row] = await w.sql.rows<ArticleVersion>(
    Prisma.sql`SELECT "body", "bodySha256", "title" FROM "Article" WHERE "id" = ${articleId}`,
  );
  return row!;
}

/** Keeps a replaced body as a revision of its article. */
export async function insertArticleRevision(
  w: SheetWriter,
  articleId: number,
  replaced: ArticleVersion,
  now: Date,
): Promise<void> {
  await w.sql.execute(Prisma.sql`INSERT INTO "ArticleRevision" ("articleId", "body", "bodySha256", "replacedAt")
      VALUES (${articleId}, ${replaced.body}, ${replaced.bodySha256}, ${now})`);
}

/** Overwrites a stored article's fields (slug and body included) with a sheet's. */
export async function updateArticle(
  w: SheetWriter,
  articleId: number,
  { article: a, publisherId, bodySha256 }: NewArticle,
): Promise<void> {
  await w.sql.execute(Prisma.sql`UPDATE "Article" SET "slug" = ${a.slug}, "title" = ${a.title}, "publisherId" = ${publisherId},
      "section" = ${a.section}, "language" = ${a.language}, "url" = ${a.url}, "publishedAt" = ${new Date(a.publishedAt)},
      "publishedUtcOffset" = ${utcOffsetMinutes(a.publishedAt)}, "body" = ${a.body}, "bodySha256" = ${bodySha256}
      WHERE "id" = ${articleId}`);
}

// --- Claims ----------------------------------------------------------------------------------

/** A stored claim as a new version of its article re-anchors or restates it. */
export interface StoredClaim {
  id: number;
  key: string;
  quote: string;
  start: number;
  end: number;
  spanIn: string;
}

export function findArticleClaims(w: SheetWriter, articleId: number): Promise<StoredClaim[]> {
  return w.sql.rows<StoredClaim>(
    Prisma.sql`SELECT "id", "key", "quote", "start", "end", "spanIn" FROM "Claim" WHERE "articleId" = ${articleId}`,
  );
}

/** Deletes a claim's chains, topics and stances (the claim row stays). */
export async function deleteChainsTopicsStances(w: SheetWriter, claimId: number): Promise<void> {
  await w.sql.execute(Prisma.sql`DELETE FROM "AttributionLink" WHERE "claimId" = ${claimId}`);
  await w.sql.execute(Prisma.sql`DELETE FROM "ClaimTopic" WHERE "claimId" = ${claimId}`);
  await w.sql.execute(Prisma.sql`DELETE FROM "ClaimStance" WHERE "claimId" = ${claimId}`);
}

export async function markClaimOrphaned(w: SheetWriter, claimId: number): Promise<void> {
  await w.sql.execute(Prisma.sql`UPDATE "Claim" SET "anchor" = 'orphaned' WHERE "id" = ${claimId}`);
}

/** Moves a claim to new offsets in its (corrected) text, anchored. */
export async function setClaimSpan(
  w: SheetWriter,
  claimId: number,
  span: { start: number; end: number },
): Promise<void> {
  await w.sql.execute(
    Prisma.sql`UPDATE "Claim" SET "start" = ${span.start}, "end" = ${span.end}, "anchor" = 'anchored' WHERE "id" = ${claimId}`,
  );
}

/** Overwrites a stored claim (by article and key) with a sheet's, anchored. */
export async function updateClaim(w: SheetWriter, articleId: number, c: SheetClaim): Promise<void> {
  await w.sql.execute(Prisma.sql`UPDATE "Claim" SET "quote" = ${c.quote}, "spanIn" = ${c.in ?? "body"}, "start" = ${c.start}, "end" = ${c.end},
      "gloss" = ${c.gloss}, "kind" = ${c.kind}, "hedged" = ${c.hedged}, "cue" = ${c.cue}, "statedOn" = ${c.statedOn},
      "anchor" = 'anchored' WHERE "articleId" = ${articleId} AND "key" = ${c.key}`);
}

const CLAIM_COLUMNS = [
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

/** Stores the claims of articles, in order, a few statements for them all. */
export async function insertClaims(
  w: SheetWriter,
  articles: readonly { articleId: number; claims: readonly SheetClaim[] }[],
): Promise<void> {
  await w.sql.insert(
    "Claim",
    CLAIM_COLUMNS,
    articles.flatMap(({ articleId, claims }) =>
      claims.map((c) => [
        articleId,
        c.key,
        c.quote,
        c.in ?? "body",
        c.start,
        c.end,
        c.gloss,
        c.kind,
        c.hedged,
        c.cue,
        c.statedOn,
      ]),
    ),
  );
}

/**
 * The ids of an article's claims by key. Read back by (article, key), which is unique, in one
 * indexed range: cheaper than RETURNING, which SQLite buffers row by row.
 */
export async function findClaimIdsByKey(w: SheetWriter, articleId: number): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const row of await w.sql.rows<{ id: number; key: string }>(
    Prisma.sql`SELECT "id", "key" FROM "Claim" WHERE "articleId" = ${articleId}`,
  )) {
    ids.set(row.key, Number(row.id));
  }
  return ids;
}

/** The claims of these articles, read by article id: an index range each (cheaper than RETURNING on SQLite). */
export async function findClaimsOfArticles(
  w: SheetWriter,
  articleIds: readonly number[],
): Promise<{ id: number; articleId: number; key: string }[]> {
  const rows = await inChunks([...articleIds], (chunk) =>
    w.sql.rows<{ id: number; articleId: number; key: string }>(
      Prisma.sql`SELECT "id", "articleId", "key" FROM "Claim" WHERE "articleId" IN (${inList(chunk)})`,
    ),
  );
  return rows.map((row) => ({ id: Number(row.id), articleId: Number(row.articleId), key: row.key }));
}

const LINK_COLUMNS = ["claimId", "chain", "position", "sourceId", "role"] as const;

/** Stores the chains of stored claims (`id`), in order, each link's source by slug in `sourceIds`. */
export async function insertChains(
  w: SheetWriter,
  claims: readonly { id: number; claim: SheetClaim }[],
  sourceIds: ReadonlyMap<string, number>,
): Promise<void> {
  await w.sql.insert(
    "AttributionLink",
    LINK_COLUMNS,
    claims.flatMap(({ id, claim }) =>
      claim.chains.flatMap((chain, chainIndex) =>
        chain.map((link, position) => [id, chainIndex, position, sourceIds.get(link.source)!, link.role]),
      ),
    ),
  );
}

export type ClaimTopicRow = [claimId: number, topicId: number];

export async function insertClaimTopics(w: SheetWriter, rows: readonly ClaimTopicRow[]): Promise<void> {
  await w.sql.insert("ClaimTopic", ["claimId", "topicId"], rows);
}

export type ClaimStanceRow = [claimId: number, propositionId: number, stance: string];

export async function insertClaimStances(w: SheetWriter, rows: readonly ClaimStanceRow[]): Promise<void> {
  await w.sql.insert("ClaimStance", ["claimId", "propositionId", "stance"], rows);
}

// --- Sources, topics and propositions --------------------------------------------------------

const sourceBySlug = (slug: string) => Prisma.sql`SELECT "id" FROM "Source" WHERE "slug" = ${slug}`;
const topicBySlug = (slug: string) => Prisma.sql`SELECT "id" FROM "Topic" WHERE "slug" = ${slug}`;
const propositionByKey = (key: string) => Prisma.sql`SELECT "id" FROM "Proposition" WHERE "key" = ${key}`;

/** The id of the stored source with this slug, or undefined. */
export function findSourceId(w: SheetWriter, slug: string): Promise<number | undefined> {
  return lookUpId(w.sql, w.sourceIds, sourceBySlug, slug);
}

/** Puts the ids of the stored sources with these slugs into the writer's cache. */
export function findSourceIds(w: SheetWriter, slugs: readonly string[]): Promise<void> {
  return lookUpIds(w.sql, w.sourceIds, "Source", "slug", slugs);
}

function insertSourceNames(w: SheetWriter, sourceId: number, names: readonly string[]) {
  return w.sql.insert(
    "SourceName",
    ["sourceId", "name", "position"],
    names.map((name, position) => [sourceId, name, position]),
  );
}

/** Stores a source (not its affiliation) with its names; returns its id. */
export async function insertSource(w: SheetWriter, source: SheetSource): Promise<number> {
  const id = await insertId(
    w.sql,
    Prisma.sql`INSERT INTO "Source" ("slug", "name", "kind", "countryCode", "stateControlled", "description")
      VALUES (${source.slug}, ${source.name}, ${source.kind}, ${source.country}, ${source.stateControlled}, ${source.description}) RETURNING "id"`,
  );
  w.sourceIds.set(source.slug, id);
  await insertSourceNames(w, id, source.names);
  return id;
}

/** Stores sources (not their affiliations) with their names, a few statements for them all. */
export async function insertSources(w: SheetWriter, sources: readonly SheetSource[]): Promise<void> {
  const created = await w.sql.insert<{ id: number; slug: string }>(
    "Source",
    ["slug", "name", "kind", "countryCode", "stateControlled", "description"],
    sources.map((s) => [s.slug, s.name, s.kind, s.country, s.stateControlled, s.description]),
    ["id", "slug"],
  );
  for (const row of created) w.sourceIds.set(row.slug, Number(row.id));
  await w.sql.insert(
    "SourceName",
    ["sourceId", "name", "position"],
    sources.flatMap((s) => s.names.map((name, position) => [w.sourceIds.get(s.slug)!, name, position])),
  );
}

/** Overwrites a stored source and its names with a sheet's; its affiliation is cleared. */
export async function updateSource(w: SheetWriter, id: number, source: SheetSource): Promise<void> {
  await w.sql.execute(Prisma.sql`DELETE FROM "SourceName" WHERE "sourceId" = ${id}`);
  await w.sql.execute(Prisma.sql`UPDATE "Source" SET "name" = ${source.name}, "kind" = ${source.kind}, "countryCode" = ${source.country},
      "stateControlled" = ${source.stateControlled}, "description" = ${source.description}, "affiliationId" = NULL WHERE "id" = ${id}`);
  await insertSourceNames(w, id, source.names);
}

export async function setSourceAffiliation(w: SheetWriter, sourceId: number, affiliationId: number): Promise<void> {
  await w.sql.execute(Prisma.sql`UPDATE "Source" SET "affiliationId" = ${affiliationId} WHERE "id" = ${sourceId}`);
}

export function findTopicId(w: SheetWriter, slug: string): Promise<number | undefined> {
  return lookUpId(w.sql, w.topicIds, topicBySlug, slug);
}

export async function insertTopic(w: SheetWriter, slug: string): Promise<number> {
  const id = await insertId(w.sql, Prisma.sql`INSERT INTO "Topic" ("slug") VALUES (${slug}) RETURNING "id"`);
  w.topicIds.set(slug, id);
  return id;
}

/** The ids of these topics by slug, the ones not stored created. */
export function findOrInsertTopics(w: SheetWriter, slugs: readonly string[]): Promise<Map<string, number>> {
  return createKeyed(
    w.sql,
    w.topicIds,
    "Topic",
    "slug",
    slugs.map((slug) => ({ key: slug, row: [slug] })),
    ["slug"],
  );
}

export function findPropositionId(w: SheetWriter, key: string): Promise<number | undefined> {
  return lookUpId(w.sql, w.propositionIds, propositionByKey, key);
}

export async function insertProposition(w: SheetWriter, proposition: SheetProposition): Promise<number> {
  const id = await insertId(
    w.sql,
    Prisma.sql`INSERT INTO "Proposition" ("key", "text") VALUES (${proposition.key}, ${proposition.text}) RETURNING "id"`,
  );
  w.propositionIds.set(proposition.key, id);
  return id;
}

export async function updatePropositionText(w: SheetWriter, id: number, text: string): Promise<void> {
  await w.sql.execute(Prisma.sql`UPDATE "Proposition" SET "text" = ${text} WHERE "id" = ${id}`);
}

/** The ids of these propositions by key: stored ones kept as they are, the others created from the first given. */
export function findOrInsertPropositions(
  w: SheetWriter,
  propositions: readonly SheetProposition[],
): Promise<Map<string, number>> {
  return createKeyed(
    w.sql,
    w.propositionIds,
    "Proposition",
    "key",
    propositions.map((p) => ({ key: p.key, row: [p.key, p.text] })),
    ["key", "text"],
  );
}
