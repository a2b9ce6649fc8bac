import { Router } from "express";
import type { Db } from "../../db/client.js";
import { getClaim, listClaims } from "../../domain/claims/claimService.js";
import { handle } from "../handle.js";
import { GetClaim, ListClaims } from "../schemas/resources.js";

export function claimRoutes(db: Db): Router {
  const router = Router();
  router.get("/claims", handle(ListClaims, ({ query }) => listClaims(db, query)));
  router.get("/claims/:id", handle(GetClaim, async ({ params }) => ({ data: await getClaim(db, params.id) })));
  return router;
}
