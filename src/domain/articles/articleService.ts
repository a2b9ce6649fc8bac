import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { findArticleClaims } from "../claims/claimRepository.js";
import { presentClaim } from "../claims/claimView.js";
import { encodeCursor, type Paged } from "../pagination.js";
import { type ArticleListQuery, findArticle, findArticleIdPage, findArticlesByIds } from "./articleRepository.js";
import { type ArticleDetail, type ArticleSummary, presentArticle } from "./articleView.js";

/** Articles newest first, filtered by publisher, language, publication time or title, one keyset page at a time. */
export async function listArticles(
  db: Db,
  query: Omit<ArticleListQuery, "take"> & { limit: number },
): Promise<Paged<ArticleSummary>> {
  const ids = await findArticleIdPage(db, { ...query, take: query.limit + 1 });
  const pageIds = ids.slice(0, query.limit);
  const records = await findArticlesByIds(db, pageIds);
  return {
    items: records.map(presentArticle),
    page: { limit: query.limit, nextCursor: ids.length > query.limit ? encodeCursor(pageIds.at(-1)!) : null },
  };
}

/** One article with its exact body and every claim, in the order of their spans. */
export async function getArticle(db: Db, slug: string): Promise<ArticleDetail> {
  const record = await findArticle(db, slug);
  if (!record) throw notFound("article", slug);
  const claims = await findArticleClaims(db, record.id);
  return { ...presentArticle(record), body: record.body, claims: claims.map(presentClaim) };
}
