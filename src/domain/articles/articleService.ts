import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import type { SourceSummary } from "../attribution/traceChain.js";
import { type ClaimView, claimSelect, presentClaim } from "../claims/claimView.js";
import { encodeCursor, type Page } from "../pagination.js";
import { presentSourceSummary, sourceSummarySelect } from "../sources/sourceView.js";
import { type ArticleListQuery, findArticleIdPage, findArticleRecords } from "./articleRepository.js";
import { formatWithOffset } from "./publishedAt.js";

export interface ArticleSummary {
  slug: string;
  title: string;
  publisher: SourceSummary;
  section: string | null;
  language: string;
  url: string | null;
  /** Local publication time with its UTC offset, e.g. 2023-09-20T12:14:00+07:00. */
  publishedAt: string;
  bodySha256: string;
  claimCount: number;
}

export interface ArticleDetail extends ArticleSummary {
  body: string;
  claims: ClaimView[];
}

const articleSelect = {
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

type ArticleRow = {
  slug: string;
  title: string;
  section: string | null;
  language: string;
  url: string | null;
  publishedAt: Date;
  publishedUtcOffset: number;
  bodySha256: string;
  publisher: Parameters<typeof presentSourceSummary>[0];
  _count: { claims: number };
};

function presentArticle(row: ArticleRow): ArticleSummary {
  return {
    slug: row.slug,
    title: row.title,
    publisher: presentSourceSummary(row.publisher),
    section: row.section,
    language: row.language,
    url: row.url,
    publishedAt: formatWithOffset(row.publishedAt, row.publishedUtcOffset),
    bodySha256: row.bodySha256,
    claimCount: row._count.claims,
  };
}

/** Articles newest first, filtered by publisher, language, publication time or title, one keyset page at a time. */
export async function listArticles(
  db: Db,
  query: Omit<ArticleListQuery, "take"> & { limit: number },
): Promise<{ data: ArticleSummary[]; page: Page }> {
  const ids = await findArticleIdPage(db, { ...query, take: query.limit + 1 });
  const pageIds = ids.slice(0, query.limit);
  const rows = await findArticleRecords(db, pageIds);
  return {
    data: rows.map(presentArticle),
    page: { limit: query.limit, nextCursor: ids.length > query.limit ? encodeCursor(pageIds.at(-1)!) : null },
  };
}

/** One article with its exact body and every claim, in the order of their spans. */
export async function getArticle(db: Db, slug: string): Promise<ArticleDetail> {
  const row = await db.article.findUnique({
    where: { slug },
    select: {
      ...articleSelect,
      body: true,
      claims: { select: claimSelect, orderBy: [{ start: "asc" }, { id: "asc" }] },
    },
  });
  if (!row) throw notFound("article", slug);
  return { ...presentArticle(row), body: row.body, claims: row.claims.map(presentClaim) };
}
