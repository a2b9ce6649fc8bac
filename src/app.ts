import express, { type Express, type RequestHandler } from "express";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import { inRequestScope } from "./db/requestScope.js";
import { inProcessImporter, type SheetImporter } from "./domain/sheets/importThread.js";
import { routeNotFound } from "./errors.js";
import { apiRoutes } from "./http/apiRoutes.js";
import { authenticate } from "./http/middleware/authenticate.js";
import { authFailureLimit } from "./http/middleware/authFailureLimit.js";
import { errorHandler } from "./http/middleware/errorHandler.js";
import { requireRole } from "./http/middleware/requireRole.js";
import { securityHeaders } from "./http/middleware/securityHeaders.js";
import { writeRateLimit } from "./http/middleware/writeRateLimit.js";
import { buildOpenApiDocument } from "./http/openapi.js";
import { docsAssets } from "./http/routes/docs.js";
import { IMPORT_TEXT_TYPES } from "./http/routes/imports.js";
import { type ApiRoute, mountRoutes } from "./http/routeTable.js";
import { API_PREFIX, urls } from "./urls.js";
import { webRoutes } from "./web/webRoutes.js";

/** Base of exported absolute URLs when none is configured: the default HOST and PORT. */
export const DEFAULT_PUBLIC_URL = "http://127.0.0.1:3000";

export interface AppDeps {
  /** Access settings default to open reads and 60 writes a minute per token. */
  config: Pick<Config, "bodyLimitBytes"> &
    Partial<
      Pick<
        Config,
        "readsRequireToken" | "writeRateLimitPerMinute" | "authFailuresPerMinute" | "publicUrl" | "maxArticleBytes"
      >
    >;
  db: Db;
  /** Where POST /api/articles imports run: the server gives an import thread; by default, in process. */
  importer?: SheetImporter;
  log?: (message: string, error: unknown) => void;
  /** Where the API is mounted (API_PREFIX, `/api`; the web page calls `/api`). Every URL written follows it. */
  apiPrefix?: string;
}

/** The Express app, without listen(): tests, the CLI and the server each build their own. */
export function buildApp({
  config,
  db,
  importer = inProcessImporter(db),
  log,
  apiPrefix = API_PREFIX,
}: AppDeps): Express {
  const links = urls(config.publicUrl ?? DEFAULT_PUBLIC_URL, apiPrefix);
  const readsRequireToken = config.readsRequireToken ?? false;
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  // Each request is one read-your-writes scope for the read replicas (src/db/requestScope.ts).
  app.use((req, _res, next) => inRequestScope(next, { writes: req.method !== "GET" && req.method !== "HEAD" }));
  app.use(securityHeaders());
  // Bodies are read only once a route's guards have passed, and never for GET.
  const bodyParsers = [
    express.json({ limit: config.bodyLimitBytes }),
    express.text({ type: IMPORT_TEXT_TYPES, limit: config.bodyLimitBytes }),
  ];
  const parseBody = (spec: ApiRoute): RequestHandler[] => (spec.method === "get" ? [] : bodyParsers);

  const identify = authenticate(db, authFailureLimit(config.authFailuresPerMinute ?? 20));
  const limitWrites = writeRateLimit(config.writeRateLimitPerMinute ?? 60);
  const guards = (spec: ApiRoute): RequestHandler[] => {
    if (spec.access === "public") return [];
    const needed = spec.access === "read" ? (readsRequireToken ? "reader" : null) : spec.access;
    const elevated = spec.elevated;
    const elevate: RequestHandler[] = elevated
      ? [(req, res, next) => (elevated.when(req) ? requireRole(elevated.role)(req, res, next) : next())]
      : [];
    return [
      identify,
      ...(needed ? [requireRole(needed)] : []),
      ...elevate,
      ...(spec.method === "get" ? [] : [limitWrites]),
    ];
  };
  const routes = apiRoutes(db, () => openApiDocument, {
    urls: links,
    maxArticleBytes: config.maxArticleBytes,
    bodyLimitBytes: config.bodyLimitBytes,
    importer,
  });
  const openApiDocument = buildOpenApiDocument(routes, { readsRequireToken, urls: links });
  const api = express.Router();
  mountRoutes(api, routes, guards, parseBody);
  app.use(links.docsAssets(), docsAssets(links));
  app.use(links.apiPrefix, api);
  app.use(webRoutes());

  app.use((req, _res, next) => next(routeNotFound(req.method, req.path)));
  app.use(errorHandler(log));
  return app;
}
