import { Router } from "express";
import type { Db } from "../../db/client.js";
import { getSource, listSourceClaims, listSources } from "../../domain/sources/sourceService.js";
import { handle } from "../handle.js";
import { GetSource, ListSourceClaims, ListSources } from "../schemas/resources.js";

export function sourceRoutes(db: Db): Router {
  const router = Router();
  router.get("/sources", handle(ListSources, ({ query }) => listSources(db, query)));
  router.get("/sources/:slug", handle(GetSource, async ({ params }) => ({ data: await getSource(db, params.slug) })));
  router.get("/sources/:slug/claims", handle(ListSourceClaims, ({ params, query }) => listSourceClaims(db, params.slug, query)));
  return router;
}
