import type { Db } from "../db/client.js";
import type { SheetImporter } from "../domain/sheets/importThread.js";
import type { Urls } from "../urls.js";
import { articleRoutes } from "./routes/articles.js";
import { claimRoutes } from "./routes/claims.js";
import { contradictionRoutes } from "./routes/contradictions.js";
import { docsRoutes } from "./routes/docs.js";
import { exportRoutes } from "./routes/exports.js";
import { extractRoutes } from "./routes/extract.js";
import { importRoutes } from "./routes/imports.js";
import { relationRoutes } from "./routes/relations.js";
import { schemaRoutes } from "./routes/schemas.js";
import { sourceRoutes } from "./routes/sources.js";
import type { ApiRoute } from "./routeTable.js";

/**
 * Every route under the API prefix (/api). A route listed here is mounted behind the guards its access needs
 * and described in /api/openapi.json from its own schema; nothing else is needed.
 */
export function apiRoutes(
  db: Db,
  openApiDocument: () => object,
  settings: { urls: Urls; maxArticleBytes?: number; bodyLimitBytes: number; importer: SheetImporter },
): ApiRoute[] {
  return [
    ...articleRoutes(db),
    ...sourceRoutes(db),
    ...claimRoutes(db),
    ...contradictionRoutes(db),
    ...relationRoutes(db),
    ...importRoutes(db, settings.importer, settings),
    ...exportRoutes(db, settings.urls),
    ...schemaRoutes(settings.urls),
    ...extractRoutes(db),
    ...docsRoutes(openApiDocument, settings.urls),
  ];
}
