import { Router } from "express";
import type { Db } from "../../db/client.js";
import { getArticle, listArticles } from "../../domain/articles/articleService.js";
import { handle } from "../handle.js";
import { GetArticle, ListArticles } from "../schemas/resources.js";

export function articleRoutes(db: Db): Router {
  const router = Router();
  router.get("/articles", handle(ListArticles, async () => ({ data: await listArticles(db) })));
  router.get("/articles/:slug", handle(GetArticle, async ({ params }) => ({ data: await getArticle(db, params.slug) })));
  return router;
}
