import { Router } from "express";
import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  exportFileName,
  isExportFormat,
  writeExport,
  type ExportTable,
} from "../../domain/exports/writeExport.js";
import { handle } from "../handle.js";
import { GetExport } from "../schemas/exports.js";
import { streamResponse } from "../stream.js";

/** GET /api/export/{claims,sources,contradictions}.{csv,xlsx,json,jsonl}, claims.jsonld, annotations.jsonld. */
export function exportRoutes(db: Db): Router {
  const router = Router();
  router.get(
    "/export/:file",
    handle(GetExport, async ({ params, query }, req, res) => {
      const { file, table, format } = params.file;
      if (!(table in EXPORT_FORMATS) || !isExportFormat(table as ExportTable, format)) throw notFound("export", file);
      const { download, ...filters } = query;
      const request = { table: table as ExportTable, format, filters, baseUrl: `${req.protocol}://${req.get("host")}` };
      res.setHeader("Content-Type", CONTENT_TYPES[format]);
      if (download) res.setHeader("Content-Disposition", `attachment; filename="${exportFileName(request)}"`);
      await streamResponse(res, () => writeExport(db, request, res));
    }),
  );
  return router;
}
