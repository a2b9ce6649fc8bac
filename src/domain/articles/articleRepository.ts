import type { Db } from "../../db/client.js";
import { inList, queryRows } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";
import { engineOf } from "../search/searchEngine.js";
import { formatWithOffset } from "./publishedAt.js";

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

/** An article as the list shows it. */
export interface ArticleRecord {
  id: number;
  slug: string;
  title: string;
  section: string | null;
  language: string;
  url: string | null;
  publishedAt: Date;
  publishedUtcOffset: number;
  bodySha256: string;
  publisher: { slug: string; name: string; kind: string; countryCode: string | null; stateControlled: boolean };
  _count: { claims: number };
}

/** The articles with these ids, in the order given, with publisher and claim count: two queries a page. */
export async function findArticleRecords(db: Db, ids: readonly number[]): Promise<ArticleRecord[]> {
  if (ids.length === 0) return [];
  const articles = await queryRows<{
    id: number | bigint;
    slug: string;
    title: string;
    section: string | null;
    language: string;
    url: string | null;
    publishedAt: string | Date;
    publishedUtcOffset: number | bigint;
    bodySha256: string;
    publisherId: number | bigint;
    claims: number | bigint;
  }>(
    db,
    Prisma.sql`SELECT a."id", a."slug", a."title", a."section", a."language", a."url", a."publishedAt", a."publishedUtcOffset",
        a."bodySha256", a."publisherId", (SELECT COUNT(*) FROM "Claim" c WHERE c."articleId" = a."id") AS "claims"
      FROM "Article" a WHERE a."id" IN (${inList(ids)})`,
  );
  const publisherIds = [...new Set(articles.map((a) => Number(a.publisherId)))];
  const publishers = await queryRows<{
    id: number | bigint;
    slug: string;
    name: string;
    kind: string;
    countryCode: string | null;
    stateControlled: number | bigint | boolean;
  }>(
    db,
    Prisma.sql`SELECT s."id", s."slug", s."name", s."kind", s."countryCode", s."stateControlled" FROM "Source" s
      WHERE s."id" IN (${inList(publisherIds)})`,
  );
  const publisherById = new Map(publishers.map((p) => [Number(p.id), p]));
  const byId = new Map(articles.map((a) => [Number(a.id), a]));
  return ids.flatMap((id) => {
    const a = byId.get(id);
    if (!a) return [];
    const p = publisherById.get(Number(a.publisherId))!;
    return [
      {
        id,
        slug: a.slug,
        title: a.title,
        section: a.section,
        language: a.language,
        url: a.url,
        // The shared connection hands back the stored ISO text, $queryRaw a Date.
        publishedAt: new Date(a.publishedAt),
        publishedUtcOffset: Number(a.publishedUtcOffset),
        bodySha256: a.bodySha256,
        publisher: {
          slug: p.slug,
          name: p.name,
          kind: p.kind,
          countryCode: p.countryCode,
          stateControlled: p.stateControlled === true || Number(p.stateControlled) === 1,
        },
        _count: { claims: Number(a.claims) },
      },
    ];
  });
}
