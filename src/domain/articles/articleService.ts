import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { findArticleClaims } from "../claims/claimRepository.js";
import { presentClaim } from "../claims/claimView.js";
import { encodeCursor, type Paged } from "../pagination.js";
import {
  type ArticleListQuery,
  findArticle,
  findArticleIdPage,
  findArticlesByIds,
  findRevisionPair,
  findRevisions,
} from "./articleRepository.js";
import {
  type ArticleDetail,
  type ArticleSummary,
  presentArticle,
  presentRevision,
  type RevisionDetail,
  type RevisionSummary,
} from "./articleView.js";
import { diffBodies } from "./bodyDiff.js";

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
  return {
    ...presentArticle(record),
    body: record.body,
    claims: claims.map(presentClaim),
    revisionCount: record.revisionCount,
  };
}

/** The article's earlier bodies, oldest first: what corrections replaced. */
export async function listRevisions(db: Db, slug: string): Promise<RevisionSummary[]> {
  const article = await findArticle(db, slug);
  if (!article) throw notFound("article", slug);
  return (await findRevisions(db, article.id)).map((revision, i) => presentRevision(revision, i + 1));
}

/** One earlier body, and what the version after it changed, word by word. */
export async function getRevision(db: Db, slug: string, number: number): Promise<RevisionDetail> {
  const article = await findArticle(db, slug);
  if (!article) throw notFound("article", slug);
  const pair = await findRevisionPair(db, article.id, number);
  if (!pair) throw notFound(`revision of ${slug}`, number);
  return {
    ...presentRevision(pair.revision, number),
    body: pair.revision.body,
    changes: diffBodies(pair.revision.body, pair.nextBody, article.language),
  };
}
