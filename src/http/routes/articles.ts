import { z } from "zod";
import type { Db } from "../../db/client.js";
import { getArticle, getRevision, listArticles, listRevisions } from "../../domain/articles/articleService.js";
import { ArticleDetail, ArticleSummary, RevisionDetail, RevisionSummary } from "../../domain/articles/articleView.js";
import { type ApiRoute, one, paged, route } from "../routeTable.js";
import { GetArticle, GetRevision, ListArticles } from "../schemas/resources.js";

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
    route({
      method: "get",
      path: "/articles/:slug/revisions",
      summary: "The bodies a corrected article had before, oldest first (imports with update=true keep them)",
      access: "read",
      schema: GetArticle,
      response: one(z.array(RevisionSummary)),
      handler: ({ params }) => listRevisions(db, params.slug),
    }),
    route({
      method: "get",
      path: "/articles/:slug/revisions/:number",
      summary: "One earlier body, and what the next version changed in it, word by word, with code-point spans",
      access: "read",
      schema: GetRevision,
      response: one(RevisionDetail),
      handler: ({ params }) => getRevision(db, params.slug, params.number),
    }),
  ];
}
