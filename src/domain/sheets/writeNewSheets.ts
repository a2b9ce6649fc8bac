import { IN_LIST_SIZE, inChunks } from "../../db/inChunks.js";
import { inList, type SqlWriter } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";
import { utcOffsetMinutes } from "../articles/publishedAt.js";
import { type ClaimSheet, parseClaimRef } from "./claimSheet.js";
import {
  CLAIM_COLUMNS,
  claimRow,
  createRelations,
  LINK_COLUMNS,
  linkRows,
  type NewRelation,
  proposeDerivedContradictions,
  type SheetWriter,
  type WrittenSheet,
} from "./writeSheet.js";

// A run of new articles (an import without update) written table by table for the whole run:
// each table is one statement on PostgreSQL (unnest) and a few on SQLite, however many sheets
// the run holds. Written sheet by sheet, a 500-sheet batch took ~10,000 statements, each a
// round trip on PostgreSQL.

/**
 * Writes checked sheets of articles that are not stored, in order, as `writeSheet` would one by
 * one: the same rows, sources and propositions created by the first sheet that names them and
 * kept as they are after, relations to earlier sheets' claims resolved. Ids differ only in that
 * the contradictions their stances imply come after every sheet's own relations.
 */
export async function writeNewSheets(
  w: SheetWriter,
  sheets: readonly ClaimSheet[],
  hashes: readonly string[],
  now: Date,
): Promise<WrittenSheet[]> {
  const { sql } = w;
  await createSources(w, sheets);
  const sourceId = (slug: string) => w.sourceIds.get(slug)!;

  const articles = await sql.insert<{ id: number; slug: string }>(
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
    sheets.map(({ article: a }, i) => [
      a.slug,
      a.title,
      sourceId(a.publisher),
      a.section,
      a.language,
      a.url,
      new Date(a.publishedAt),
      utcOffsetMinutes(a.publishedAt),
      a.body,
      hashes[i],
      now,
    ]),
    ["id", "slug"],
  );
  const articleIds = new Map(articles.map((a) => [a.slug, Number(a.id)]));
  const articleId = (sheet: ClaimSheet) => articleIds.get(sheet.article.slug)!;

  await sql.insert(
    "Claim",
    CLAIM_COLUMNS,
    sheets.flatMap((sheet) => sheet.claims.map((c) => claimRow(articleId(sheet), c))),
  );
  // By `article-slug/key`; read back by article id, an index range each (cheaper than RETURNING on SQLite).
  const claimIds = new Map<string, number>();
  const slugById = new Map(articles.map((a) => [Number(a.id), a.slug]));
  for (const row of await inChunks([...articleIds.values()], (chunk) =>
    sql.rows<{ id: number; articleId: number; key: string }>(
      Prisma.sql`SELECT "id", "articleId", "key" FROM "Claim" WHERE "articleId" IN (${inList(chunk)})`,
    ),
  )) {
    claimIds.set(`${slugById.get(Number(row.articleId))}/${row.key}`, Number(row.id));
  }
  const claimId = (sheet: ClaimSheet, key: string) => claimIds.get(`${sheet.article.slug}/${key}`)!;

  await sql.insert(
    "AttributionLink",
    LINK_COLUMNS,
    sheets.flatMap((sheet) => sheet.claims.flatMap((claim) => linkRows(claimId(sheet, claim.key), claim, w.sourceIds))),
  );

  const propositionIds = await createKeyed(
    sql,
    w.propositionIds,
    "Proposition",
    "key",
    sheets.flatMap((sheet) => sheet.propositions.map((p) => ({ key: p.key, row: [p.key, p.text] }))),
    ["key", "text"],
  );
  const topicIds = await createKeyed(
    sql,
    w.topicIds,
    "Topic",
    "slug",
    sheets.flatMap((sheet) => sheet.claims.flatMap((c) => c.topics.map((slug) => ({ key: slug, row: [slug] })))),
    ["slug"],
  );
  await sql.insert(
    "ClaimTopic",
    ["claimId", "topicId"],
    sheets.flatMap((sheet) =>
      sheet.claims.flatMap((claim) => claim.topics.map((topic) => [claimId(sheet, claim.key), topicIds.get(topic)!])),
    ),
  );
  await sql.insert(
    "ClaimStance",
    ["claimId", "propositionId", "stance"],
    sheets.flatMap((sheet) =>
      sheet.claims.flatMap((claim) =>
        claim.stances.map((s) => [claimId(sheet, claim.key), propositionIds.get(s.proposition)!, s.stance]),
      ),
    ),
  );

  const stored = await storedClaimIds(sql, sheets, new Set(articleIds.keys()));
  const resolve = (sheet: ClaimSheet, ref: string) => {
    const { article, key } = parseClaimRef(ref);
    const slug = article ?? sheet.article.slug;
    return claimIds.get(`${slug}/${key}`) ?? stored.get(`${slug}/${key}`)!;
  };
  const relations: NewRelation[] = sheets.flatMap((sheet) =>
    sheet.relations.map((r) => ({
      fromClaimId: resolve(sheet, r.from),
      toClaimId: resolve(sheet, r.to),
      type: r.type,
      rationale: r.rationale,
      status: r.status,
      origin: r.origin,
    })),
  );
  await createRelations(sql, relations, "imported from claim sheet", now);

  const derived = await proposeDerivedContradictions(sql, [...propositionIds.values()], [...claimIds.values()], now);
  // A pair is the later claim's sheet's, as it would be had the sheets been written one by one.
  const sheetOfClaim = new Map<number, number>();
  sheets.forEach((sheet, i) => {
    for (const claim of sheet.claims) sheetOfClaim.set(claimId(sheet, claim.key), i);
  });
  const derivedBySheet = sheets.map(() => 0);
  for (const pair of derived) {
    const index = sheetOfClaim.get(Math.max(pair.fromClaimId, pair.toClaimId))!;
    derivedBySheet[index]! += 1;
  }
  return sheets.map((sheet, i) => ({
    articleId: articleId(sheet),
    derivedContradictions: derivedBySheet[i]!,
    orphanedClaims: 0,
    keptRelations: 0,
  }));
}

/**
 * Creates the sources the sheets define that are not stored (the first definition of a slug
 * wins, as with sheets written one by one), with their names and affiliations, and puts the id
 * of every source the sheets name into the writer's cache.
 */
async function createSources(w: SheetWriter, sheets: readonly ClaimSheet[]): Promise<void> {
  const { sql } = w;
  const named = new Set(
    sheets.flatMap((sheet) => [
      ...sheet.sources.map((s) => s.slug),
      ...sheet.claims.flatMap((c) => c.chains.flat().map((l) => l.source)),
      sheet.article.publisher,
    ]),
  );
  await lookUpIds(sql, w.sourceIds, "Source", "slug", [...named]);
  const fresh = new Map<string, ClaimSheet["sources"][number]>();
  for (const sheet of sheets)
    for (const source of sheet.sources)
      if (!w.sourceIds.has(source.slug) && !fresh.has(source.slug)) fresh.set(source.slug, source);
  if (fresh.size === 0) return;
  const created = await sql.insert<{ id: number; slug: string }>(
    "Source",
    ["slug", "name", "kind", "countryCode", "stateControlled", "description"],
    [...fresh.values()].map((s) => [s.slug, s.name, s.kind, s.country, s.stateControlled, s.description]),
    ["id", "slug"],
  );
  for (const row of created) w.sourceIds.set(row.slug, Number(row.id));
  await sql.insert(
    "SourceName",
    ["sourceId", "name", "position"],
    [...fresh.values()].flatMap((s) => s.names.map((name, position) => [w.sourceIds.get(s.slug)!, name, position])),
  );
  const affiliated = [...fresh.values()].filter((s) => s.affiliation !== null);
  await lookUpIds(
    sql,
    w.sourceIds,
    "Source",
    "slug",
    affiliated.map((s) => s.affiliation!),
  );
  for (const source of affiliated) {
    const affiliationId = w.sourceIds.get(source.affiliation!);
    if (affiliationId === undefined) throw new Error(`source "${source.affiliation}" is not stored`);
    await sql.execute(
      Prisma.sql`UPDATE "Source" SET "affiliationId" = ${affiliationId} WHERE "id" = ${w.sourceIds.get(source.slug)!}`,
    );
  }
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

/** Ids of the stored claims the sheets' relations name as `article/key` in an article outside the run. */
async function storedClaimIds(
  sql: SqlWriter,
  sheets: readonly ClaimSheet[],
  inRun: ReadonlySet<string>,
): Promise<Map<string, number>> {
  const refs = new Set<string>();
  for (const sheet of sheets)
    for (const r of sheet.relations)
      for (const ref of [r.from, r.to]) {
        const { article } = parseClaimRef(ref);
        if (article !== null && !inRun.has(article)) refs.add(ref);
      }
  const ids = new Map<string, number>();
  const articles = [...new Set([...refs].map((ref) => parseClaimRef(ref).article!))];
  const select = (chunk: string[]) =>
    sql.rows<{ id: number; slug: string; key: string }>(
      Prisma.sql`SELECT c."id", a."slug", c."key" FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
        WHERE a."slug" IN (${inList(chunk)})`,
    );
  for (const row of await inChunks(articles, select, IN_LIST_SIZE)) {
    const ref = `${row.slug}/${row.key}`;
    if (refs.has(ref)) ids.set(ref, Number(row.id));
  }
  for (const ref of refs) if (!ids.has(ref)) throw new Error(`claim "${ref}" is not stored`);
  return ids;
}
