import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { findArticleClaims } from "../claims/claimRepository.js";
import { presentClaim } from "../claims/claimView.js";
import { findArticle, findArticles } from "./articleRepository.js";
import { type ArticleDetail, type ArticleSummary, presentArticle } from "./articleView.js";

/** Every article, newest first. */
export async function listArticles(db: Db): Promise<ArticleSummary[]> {
  return (await findArticles(db)).map(presentArticle);
}

/** One article with its exact body and every claim, in the order of their spans. */
export async function getArticle(db: Db, slug: string): Promise<ArticleDetail> {
  const record = await findArticle(db, slug);
  if (!record) throw notFound("article", slug);
  const claims = await findArticleClaims(db, record.id);
  return { ...presentArticle(record), body: record.body, claims: claims.map(presentClaim) };
}
