import { Router } from "express";
import type { Db } from "../../db/client.js";
import { proposeClaimSheet } from "../../domain/extraction/extractionService.js";
import { handle } from "../handle.js";
import { ExtractRequest } from "../schemas/extract.js";

/** POST /api/extract: proposes a claim sheet (claims, sources, chains, contradictions) for a raw text. */
export function extractRoutes(db: Db): Router {
  const router = Router();
  router.post("/extract", handle(ExtractRequest, async ({ body }) => ({ data: await proposeClaimSheet(db, body.text, body) })));
  return router;
}
