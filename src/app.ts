import express, { type Express } from "express";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import { routeNotFound } from "./errors.js";
import { errorHandler } from "./http/middleware/errorHandler.js";
import { articleRoutes } from "./http/routes/articles.js";
import { claimRoutes } from "./http/routes/claims.js";
import { contradictionRoutes } from "./http/routes/contradictions.js";
import { sourceRoutes } from "./http/routes/sources.js";
import { webRoutes } from "./web/webRoutes.js";

export interface AppDeps {
  config: Pick<Config, "bodyLimitBytes">;
  db: Db;
  log?: (message: string, error: unknown) => void;
}

/** The Express app, without listen(): tests, the CLI and the server each build their own. */
export function buildApp({ config, db, log }: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(express.json({ limit: config.bodyLimitBytes }));

  const api = express.Router();
  api.use(articleRoutes(db));
  api.use(sourceRoutes(db));
  api.use(claimRoutes(db));
  api.use(contradictionRoutes(db));
  app.use("/api", api);
  app.use(webRoutes());

  app.use((req, _res, next) => next(routeNotFound(req.method, req.path)));
  app.use(errorHandler(log));
  return app;
}
