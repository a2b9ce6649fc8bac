import express, { Router } from "express";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { malformedJson } from "../../errors.js";
import { importClaimCsv } from "../../domain/sheets/importClaimCsv.js";
import { importClaimSheets } from "../../domain/sheets/importClaimSheet.js";
import { handle } from "../handle.js";
import { ImportArticles, ImportClaimRows } from "../schemas/imports.js";

/** Bodies the JSON parser leaves alone: JSONL claim sheets and CSV claim rows. */
const JSONL_TYPES = ["application/jsonl", "application/x-ndjson", "application/x-jsonlines"];

/**
 * Writes that bring data in: claim sheets (POST /api/articles, JSON or JSONL) and claim rows
 * for a stored article (POST /api/articles/:slug/claims.csv). Kept apart from the read routes
 * so access control can be applied to this router alone.
 */
export function importRoutes(db: Db, config: Pick<Config, "bodyLimitBytes">): Router {
  const router = Router();
  const textBody = express.text({ type: [...JSONL_TYPES, "text/csv"], limit: config.bodyLimitBytes });
  router.post(
    "/articles",
    textBody,
    handle(ImportArticles, async ({ query, body }, req, res) => {
      const sheets = typeof body === "string" && req.is(JSONL_TYPES) ? parseJsonLines(body) : body;
      const results = await importClaimSheets(db, sheets, { update: query.update });
      const created = results.some((r) => r.status === "created");
      res.status(created ? 201 : 200).json({ data: Array.isArray(sheets) ? results : results[0] });
    }),
  );
  router.post(
    "/articles/:slug/claims.csv",
    textBody,
    handle(ImportClaimRows, async ({ params, body }) => ({ data: await importClaimCsv(db, params.slug, body) }), 201),
  );
  return router;
}

/** One claim sheet per non-empty line. */
function parseJsonLines(text: string): unknown[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        throw malformedJson();
      }
    });
}
