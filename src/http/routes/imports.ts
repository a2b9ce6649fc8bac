import type { Db } from "../../db/client.js";
import { roleAllows } from "../../domain/access/roles.js";
import { importClaimCsv } from "../../domain/exports/importClaimCsv.js";
import { importClaimSheets } from "../../domain/sheets/importClaimSheet.js";
import { parseJsonLinesText } from "../../domain/sheets/sheetText.js";
import { forbidden } from "../../errors.js";
import { type ApiRoute, route } from "../routeTable.js";
import { ImportArticles, ImportClaimRows } from "../schemas/imports.js";

/** Bodies the JSON parser leaves alone: JSONL claim sheets and CSV claim rows (parsed as text in app.ts). */
export const IMPORT_TEXT_TYPES = ["application/jsonl", "application/x-ndjson", "text/csv"];

/**
 * Writes that bring data in: claim sheets (POST /api/articles, JSON or JSONL) and claim rows
 * for a stored article (POST /api/articles/:slug/claims.csv). Reviewers add articles and
 * claims; replacing a stored article (`update=true`) takes an admin token.
 */
export function importRoutes(db: Db, limits: { maxArticleBytes?: number } = {}): ApiRoute[] {
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
      schema: ImportArticles,
      status: 201,
      errors: [422],
      // Replacing a stored article takes an admin: refused before a body is read.
      before: [
        (req, _res, next) =>
          next(
            isUpdate(req.query.update) && !roleAllows(req.principal!.role, "admin") ? forbidden("admin") : undefined,
          ),
      ],
      handler: async ({ query, body }, req, res) => {
        const sheets =
          typeof body === "string" && req.is(IMPORT_TEXT_TYPES.slice(0, 2)) ? parseJsonLinesText(body) : body;
        const results = await importClaimSheets(db, sheets, {
          update: query.update,
          maxArticleBytes: limits.maxArticleBytes,
        });
        const created = results.some((r) => r.status === "created");
        res.status(created ? 201 : 200).json({ data: Array.isArray(sheets) ? results : results[0] });
      },
    }),
    route({
      method: "post",
      path: "/articles/:slug/claims.csv",
      summary: "Add claim rows (the columns of the CSV export) to a stored article; all or nothing",
      access: "reviewer",
      schema: ImportClaimRows,
      consumes: "text/csv",
      status: 201,
      errors: [422],
      handler: async ({ params, body }) => ({ data: await importClaimCsv(db, params.slug, body) }),
    }),
  ];
}

/** `update` as ImportArticles reads it, before the query is validated (a bad value is refused there). */
function isUpdate(value: unknown): boolean {
  return value === "true" || value === "1";
}
