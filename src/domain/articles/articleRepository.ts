import type { Db } from "../../db/client.js";
import { inList, queryRows } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";
import { engineOf } from "../search/searchEngine.js";
import { type SourceSummaryRecord, sourceSummarySelect } from "../sources/sourceRepository.js";
import { formatWithOffset } from "./publishedAt.js";

export interface ArticleRecord {
  id: number;
  slug: string;
  title: string;
  section: string | null;
  language: string;
  url: string | null;
  publishedAt: Date;
  /** Minutes east of UTC of the local publication time. */
  publishedUtcOffset: number;
  bodySha256: string;
  publisher: SourceSummaryRecord;
  claimCount: number;
}

const articleSelect = {
  id: true,
  slug: true,
  title: true,
  section: true,
  language: true,
  url: true,
  publishedAt: true,
  publishedUtcOffset: true,
  bodySha256: true,
  publisher: { select: sourceSummarySelect },
  _count: { select: { claims: true } },
} as const;

function toRecord({ _count, ...row }: Prisma.ArticleGetPayload<{ select: typeof articleSelect }>): ArticleRecord {
  return { ...row, claimCount: _count.claims };
}

/** One article by slug, with its exact body and how many earlier bodies it has, or undefined. */
export async function findArticle(
  db: Db,
  slug: string,
): Promise<(ArticleRecord & { body: string; revisionCount: number }) | undefined> {
  const row = await db.article.findUnique({
    where: { slug },
    select: { ...articleSelect, body: true, _count: { select: { claims: true, revisions: true } } },
  });
  return row ? { ...toRecord(row), body: row.body, revisionCount: row._count.revisions } : undefined;
}

/** When each of these articles was published, as local time at its offset (2023-09-20T12:14:00+07:00), by slug. */
export async function findPublicationTimes(db: Db, slugs: readonly string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await queryRows<{ slug: string; publishedAt: string | Date; publishedUtcOffset: number | bigint }>(
    db,
    Prisma.sql`SELECT a."slug", a."publishedAt", a."publishedUtcOffset" FROM "Article" a WHERE a."slug" IN (${inList(slugs)})`,
  );
  // The shared connection hands back the stored ISO text, $queryRaw a Date.
  return new Map(rows.map((a) => [a.slug, formatWithOffset(new Date(a.publishedAt), Number(a.publishedUtcOffset))]));
}

export interface ArticleListQuery {
  /** Slug of the publishing source. */
  publisher?: string;
  language?: string;
  /** Published at or after this instant. */
  from?: Date;
  /** Published before this instant. */
  to?: Date;
  /** Text the title contains. */
  q?: string;
  /** The id of the last article of the previous page. */
  cursor?: number;
  take: number;
}

/**
 * One keyset page of article ids, newest first (publication time, then id, both descending),
 * along the publication-time indexes. The title search reads the titles in that order: a
 * corpus holds tens of thousands of articles, not millions.
 */
export async function findArticleIdPage(db: Db, query: ArticleListQuery): Promise<number[]> {
  const where: Prisma.Sql[] = [];
  if (query.publisher !== undefined) {
    where.push(Prisma.sql`a."publisherId" = (SELECT s."id" FROM "Source" s WHERE s."slug" = ${query.publisher})`);
  }
  if (query.language !== undefined) where.push(Prisma.sql`a."language" = ${query.language}`);
  if (query.from !== undefined) where.push(Prisma.sql`a."publishedAt" >= ${query.from}`);
  if (query.to !== undefined) where.push(Prisma.sql`a."publishedAt" < ${query.to}`);
  if (query.q !== undefined) where.push(engineOf(db).contains(Prisma.sql`a."title"`, query.q));
  if (query.cursor !== undefined) {
    const at = Prisma.sql`(SELECT "publishedAt" FROM "Article" WHERE "id" = ${query.cursor})`;
    where.push(Prisma.sql`(a."publishedAt" < ${at} OR (a."publishedAt" = ${at} AND a."id" < ${query.cursor}))`);
  }
  const rows = await queryRows<{ id: number | bigint }>(
    db,
    Prisma.sql`SELECT a."id" FROM "Article" a
      WHERE ${where.length === 0 ? Prisma.sql`1 = 1` : Prisma.join(where, " AND ")}
      ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT ${query.take}`,
  );
  return rows.map((row) => Number(row.id));
}

/** The articles with these ids, in the order given (ids not stored are left out). */
export async function findArticlesByIds(db: Db, ids: readonly number[]): Promise<ArticleRecord[]> {
  if (ids.length === 0) return [];
  // Hand-written: through the ORM's `_count` a page of 50 took 17 ms at 100,000 claims, here under 1.
  const rows = await queryRows<{
    id: number | bigint;
    slug: string;
    title: string;
    section: string | null;
    language: string;
    url: string | null;
    publishedAt: string | Date;
    publishedUtcOffset: number | bigint;
    bodySha256: string;
    publisherSlug: string;
    publisherName: string;
    publisherKind: string;
    publisherCountryCode: string | null;
    publisherStateControlled: boolean | number | bigint;
    claimCount: number | bigint;
  }>(
    db,
    Prisma.sql`SELECT a."id", a."slug", a."title", a."section", a."language", a."url", a."publishedAt",
        a."publishedUtcOffset", a."bodySha256", s."slug" AS "publisherSlug", s."name" AS "publisherName",
        s."kind" AS "publisherKind", s."countryCode" AS "publisherCountryCode",
        s."stateControlled" AS "publisherStateControlled",
        (SELECT COUNT(*) FROM "Claim" c WHERE c."articleId" = a."id") AS "claimCount"
      FROM "Article" a JOIN "Source" s ON s."id" = a."publisherId"
      WHERE a."id" IN (${inList(ids)})`,
  );
  const byId = new Map(
    rows.map((row): [number, ArticleRecord] => [
      Number(row.id),
      {
        id: Number(row.id),
        slug: row.slug,
        title: row.title,
        section: row.section,
        language: row.language,
        url: row.url,
        // The shared SQLite connection hands back the stored ISO text, PostgreSQL a Date.
        publishedAt: new Date(row.publishedAt),
        publishedUtcOffset: Number(row.publishedUtcOffset),
        bodySha256: row.bodySha256,
        publisher: {
          slug: row.publisherSlug,
          name: row.publisherName,
          kind: row.publisherKind,
          countryCode: row.publisherCountryCode,
          stateControlled: row.publisherStateControlled === true || Number(row.publisherStateControlled) === 1,
        },
        claimCount: Number(row.claimCount),
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A body an article had before a correction replaced it. */
export interface RevisionRecord {
  bodySha256: string;
  replacedAt: Date;
  /** Its length in code points. */
  length: number;
}

/** The article's earlier bodies, oldest first (the first is the body first imported). */
export async function findRevisions(db: Db, articleId: number): Promise<RevisionRecord[]> {
  const rows = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { id: "asc" },
    select: { bodySha256: true, replacedAt: true, body: true },
  });
  return rows.map((row) => ({ bodySha256: row.bodySha256, replacedAt: row.replacedAt, length: [...row.body].length }));
}

/**
 * Revision `number` (from 1, oldest first) with its body, and the body that replaced it: the
 * next revision's, or the article's current body after the last one. Undefined if there is none.
 */
export async function findRevisionPair(
  db: Db,
  articleId: number,
  number: number,
): Promise<{ revision: RevisionRecord & { body: string }; nextBody: string } | undefined> {
  const rows = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { id: "asc" },
    skip: number - 1,
    take: 2,
    select: { bodySha256: true, replacedAt: true, body: true },
  });
  const [revision, next] = rows;
  if (revision === undefined) return undefined;
  const nextBody =
    next?.body ?? (await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } })).body;
  return { revision: { ...revision, length: [...revision.body].length }, nextBody };
}
