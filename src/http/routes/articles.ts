import type { Db } from "../../db/client.js";
import { getArticle, listArticles } from "../../domain/articles/articleService.js";
import { ArticleDetail, ArticleSummary } from "../../domain/articles/articleView.js";
import { type ApiRoute, one, paged, route } from "../routeTable.js";
import { GetArticle, ListArticles } from "../schemas/resources.js";

export function articleRoutes(db: Db): ApiRoute[] {
  return [
    route({
      method: "get",
      path: "/articles",
      summary: "Articles newest first, by publisher, language, publication time or title, with claim counts",
      access: "read",
      schema: ListArticles,
      response: paged(ArticleSummary),
      handler: ({ query }) => listArticles(db, query),
    }),
    route({
      method: "get",
      path: "/articles/:slug",
      summary: "One article: its exact body and every claim with its code-point span",
      access: "read",
      schema: GetArticle,
      response: one(ArticleDetail),
      handler: ({ params }) => getArticle(db, params.slug),
    }),
  ];
}
