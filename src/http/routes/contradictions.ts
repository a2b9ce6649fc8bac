import { Router } from "express";
import type { Db } from "../../db/client.js";
import { compareClaims } from "../../domain/contradictions/compareClaims.js";
import { getContradiction, listContradictions } from "../../domain/contradictions/contradictionService.js";
import { handle } from "../handle.js";
import { Compare, GetContradiction, ListContradictions } from "../schemas/resources.js";

export function contradictionRoutes(db: Db): Router {
  const router = Router();
  router.get("/contradictions", handle(ListContradictions, ({ query }) => listContradictions(db, query)));
  router.get(
    "/contradictions/:id",
    handle(GetContradiction, async ({ params }) => ({ data: await getContradiction(db, params.id) })),
  );
  router.get("/compare", handle(Compare, async ({ query }) => ({ data: await compareClaims(db, query.a, query.b) })));
  return router;
}
