import type { Db } from "../../db/client.js";
import { inList, queryRows } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";
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

/** Every article, newest first. */
export async function findArticles(db: Db): Promise<ArticleRecord[]> {
  const rows = await db.article.findMany({ select: articleSelect, orderBy: [{ publishedAt: "desc" }, { id: "desc" }] });
  return rows.map(toRecord);
}

/** One article by slug, with its exact body, or undefined. */
export async function findArticle(db: Db, slug: string): Promise<(ArticleRecord & { body: string }) | undefined> {
  const row = await db.article.findUnique({ where: { slug }, select: { ...articleSelect, body: true } });
  return row ? { ...toRecord(row), body: row.body } : undefined;
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
