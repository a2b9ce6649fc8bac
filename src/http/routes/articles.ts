import type { Db } from "../../db/client.js";
import { getArticle, listArticles } from "../../domain/articles/articleService.js";
import { type ApiRoute, route } from "../routeTable.js";
import { GetArticle, ListArticles } from "../schemas/resources.js";

export function articleRoutes(db: Db): ApiRoute[] {
  return [
    route({
      method: "get",
      path: "/articles",
      summary: "Articles newest first, by publisher, language, publication time or title, with claim counts",
      access: "read",
      schema: ListArticles,
      handler: ({ query }) => listArticles(db, query),
    }),
    route({
      method: "get",
      path: "/articles/:slug",
      summary: "One article: its exact body and every claim with its code-point span",
      access: "read",
      schema: GetArticle,
      handler: async ({ params }) => ({ data: await getArticle(db, params.slug) }),
    }),
  ];
}
