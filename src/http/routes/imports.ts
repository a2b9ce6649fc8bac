import express from "express";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { importClaimCsv } from "../../domain/exports/importClaimCsv.js";
import { addArticleClaims } from "../../domain/sheets/addArticleClaims.js";
import type { SheetImporter } from "../../domain/sheets/importThread.js";
import { CsvImportResult, ImportResult } from "../../domain/sheets/sheetView.js";
import { type ApiRoute, one, route } from "../routeTable.js";
import { AddArticleClaims, ImportArticles, ImportClaimRows, isUpdateFlag } from "../schemas/imports.js";

/** Bodies the JSON parser leaves alone: JSONL claim sheets and CSV claim rows (parsed as text in app.ts). */
export const IMPORT_TEXT_TYPES = ["application/jsonl", "application/x-ndjson", "text/csv"];
const JSON_LINES_TYPES = IMPORT_TEXT_TYPES.slice(0, 2);

/**
 * Writes that bring data in: claim sheets (POST /api/articles, JSON or JSONL) and claim rows
 * for a stored article (POST /api/articles/:slug/claims.csv). Reviewers add articles and
 * claims; replacing a stored article (`update=true`) takes an admin token.
 */
export function importRoutes(
  db: Db,
  importer: SheetImporter,
  limits: { maxArticleBytes?: number; bodyLimitBytes: number },
): ApiRoute[] {
  return [
    route({
      method: "post",
      path: "/articles",
      summary: "Import a claim sheet, an array of them, or JSONL (one per line); all or nothing",
      description:
        "The format is GET /api/schemas/claim-sheet.json. Every problem is reported at once in 422 invalid_claim_sheet " +
        "details, located by path. An article whose body is stored is reported already_present (200). With update=true a sheet " +
        "for a stored slug is its new version (status updated, revised for a new body, unchanged when it says what is stored): " +
        "claims keep their ids, relations and history; an old body is kept as a revision (admin only). 201 when an article was created.",
      access: "reviewer",
      // Replacing a stored article takes an admin: refused with the other guards, before a body is read.
      elevated: { role: "admin", when: (req) => isUpdateFlag(req.query.update), description: "update=true" },
      // JSON is read as text too: the import thread parses it, off the server's event loop.
      before: [express.text({ type: ["application/json", ...JSON_LINES_TYPES], limit: limits.bodyLimitBytes })],
      schema: ImportArticles,
      status: 201,
      statusOf: (result) => ([result].flat().some((r) => r.status === "created") ? 201 : 200),
      response: one(z.union([ImportResult, z.array(ImportResult)])),
      errors: [422],
      handler: ({ query, body }, req) =>
        importer.run({
          text: body,
          format: req.is(JSON_LINES_TYPES) ? "jsonl" : "json",
          update: query.update,
          maxArticleBytes: limits.maxArticleBytes,
        }),
    }),
    route({
      method: "post",
      path: "/articles/:slug/claims",
      summary: "Add claims (as a claim sheet writes them) to a stored article; all or nothing",
      description:
        "Every stored claim, relation and review event stays. A claim may be spanned in the title (in: title). " +
        "Its sources and propositions must be stored; a key already in the article is 422 claim_exists.",
      access: "reviewer",
      schema: AddArticleClaims,
      status: 201,
      response: one(CsvImportResult),
      errors: [422],
      handler: ({ params, body }) => addArticleClaims(db, params.slug, body.claims),
    }),
    route({
      method: "post",
      path: "/articles/:slug/claims.csv",
      summary: "Add claim rows (the columns of the CSV export) to a stored article; all or nothing",
      access: "reviewer",
      schema: ImportClaimRows,
      consumes: "text/csv",
      status: 201,
      response: one(CsvImportResult),
      errors: [422],
      handler: ({ params, body }) => importClaimCsv(db, params.slug, body),
    }),
  ];
}
