import { z } from "zod";
import type { Db } from "../../db/client.js";
import { getArticle, listArticles } from "../../domain/articles/articleService.js";
import { ArticleDetail, ArticleSummary } from "../../domain/articles/articleView.js";
import { type ApiRoute, one, route } from "../routeTable.js";
import { GetArticle, ListArticles } from "../schemas/resources.js";

export function articleRoutes(db: Db): ApiRoute[] {
  return [
    route({
      method: "get",
      path: "/articles",
      summary: "Articles with publisher, publication time and claim count",
      access: "read",
      schema: ListArticles,
      response: one(z.array(ArticleSummary)),
      handler: () => listArticles(db),
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
