import { z } from "zod";
import type { Db } from "../../db/client.js";
import {
  CONTENT_TYPES,
  exportFileName,
  isExportFormat,
  isExportTable,
  writeExport,
} from "../../domain/exports/writeExport.js";
import { notFound } from "../../errors.js";
import type { Urls } from "../../urls.js";
import { type ApiRoute, raw, route } from "../routeTable.js";
import { GetExport } from "../schemas/exports.js";
import { streamResponse } from "../stream.js";

/** GET /api/export/{claims,sources,contradictions}.{csv,xlsx,json,jsonl}, claims.jsonld, annotations.jsonld. */
export function exportRoutes(db: Db, links: Urls): ApiRoute[] {
  return [
    route({
      method: "get",
      path: "/export/:file",
      summary: "Export claims, sources, contradictions or annotations, streamed, by file suffix",
      description:
        "`:file` is TABLE.FORMAT: claims.{csv,xlsx,json,jsonl,jsonld}, sources.{csv,xlsx,json,jsonl}, " +
        "contradictions.{csv,xlsx,json,jsonl}, annotations.jsonld. Filters as GET /api/claims (and `status` for " +
        "contradictions); `download=1` adds Content-Disposition. claims.json/.jsonl are claim sheets that " +
        "POST /api/articles imports. The media type follows the format.",
      access: "read",
      schema: GetExport,
      response: raw("text/csv", z.string().meta({ description: "CSV with a header row (other formats by suffix)" })),
      handler: async ({ params, query }, _req, res) => {
        const { file, table, format } = params.file;
        if (!isExportTable(table) || !isExportFormat(table, format)) throw notFound("export", file);
        const { download, ...filters } = query;
        const request = {
          table,
          format,
          filters,
          // PUBLIC_URL, never the Host header: a client must not choose the URLs written into an export.
          baseUrl: links.root,
          apiPrefix: links.apiPrefix,
        };
        res.setHeader("Content-Type", CONTENT_TYPES[format]);
        if (download) res.setHeader("Content-Disposition", `attachment; filename="${exportFileName(request)}"`);
        await streamResponse(res, () => writeExport(db, request, res));
      },
    }),
  ];
}
