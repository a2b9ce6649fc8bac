import express, { type Express, type RequestHandler } from "express";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import { inRequestScope } from "./db/requestScope.js";
import { routeNotFound } from "./errors.js";
import { apiRoutes } from "./http/apiRoutes.js";
import { authenticate } from "./http/middleware/authenticate.js";
import { errorHandler } from "./http/middleware/errorHandler.js";
import { requireRole } from "./http/middleware/requireRole.js";
import { securityHeaders } from "./http/middleware/securityHeaders.js";
import { writeRateLimit } from "./http/middleware/writeRateLimit.js";
import { API_PREFIX, buildOpenApiDocument } from "./http/openapi.js";
import { DOCS_ASSETS_PATH, docsAssets } from "./http/routes/docs.js";
import { IMPORT_TEXT_TYPES } from "./http/routes/imports.js";
import { type ApiRoute, mountRoutes } from "./http/routeTable.js";
import { extractPage } from "./web/extract/extractPage.js";
import { webRoutes } from "./web/webRoutes.js";

export interface AppDeps {
  /** Access settings default to open reads and 60 writes a minute per token. */
  config: Pick<Config, "bodyLimitBytes"> & Partial<Pick<Config, "readsRequireToken" | "writeRateLimitPerMinute">>;
  db: Db;
  log?: (message: string, error: unknown) => void;
}

/** The Express app, without listen(): tests, the CLI and the server each build their own. */
export function buildApp({ config, db, log }: AppDeps): Express {
  const readsRequireToken = config.readsRequireToken ?? false;
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  // Each request is one read-your-writes scope for the read replicas (src/db/requestScope.ts).
  app.use((req, _res, next) => inRequestScope(next, { writes: req.method !== "GET" && req.method !== "HEAD" }));
  app.use(securityHeaders());
  app.use(express.json({ limit: config.bodyLimitBytes }));
  app.use(express.text({ type: IMPORT_TEXT_TYPES, limit: config.bodyLimitBytes }));

  const identify = authenticate(db);
  const limitWrites = writeRateLimit(config.writeRateLimitPerMinute ?? 60);
  const guards = (spec: ApiRoute): RequestHandler[] => {
    if (spec.access === "public") return [];
    const needed = spec.access === "read" ? (readsRequireToken ? "reader" : null) : spec.access;
    return [identify, ...(needed ? [requireRole(needed)] : []), ...(spec.method === "get" ? [] : [limitWrites])];
  };
  const routes = apiRoutes(db, () => openApiDocument);
  const openApiDocument = buildOpenApiDocument(routes, { readsRequireToken });
  const api = express.Router();
  mountRoutes(api, routes, guards);
  app.use(DOCS_ASSETS_PATH, docsAssets());
  app.use(API_PREFIX, api);
  app.use(extractPage());
  app.use(webRoutes());

  app.use((req, _res, next) => next(routeNotFound(req.method, req.path)));
  app.use(errorHandler(log));
  return app;
}
