import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { RequestHandler } from "express";
import { z } from "zod";
import { type ApiRoute, raw, route } from "../routeTable.js";

const NoQuery = z.object({ query: z.strictObject({}) });

/** The files of swagger-ui-dist the docs page loads: served from the package, no CDN. */
const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const SWAGGER_UI_FILES = new Set(["swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png"]);
export const DOCS_ASSETS_PATH = "/api/docs/assets";

// No inline script (the CSP allows scripts from 'self' only); validatorUrl null keeps it offline.
const INIT_SCRIPT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", validatorUrl: null, deepLinking: true });
});
`;

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimtrail API</title>
<link rel="icon" type="image/png" href="${DOCS_ASSETS_PATH}/favicon-32x32.png">
<link rel="stylesheet" href="${DOCS_ASSETS_PATH}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${DOCS_ASSETS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_ASSETS_PATH}/init.js"></script>
</body>
</html>
`;

/** Serves the docs page's assets under DOCS_ASSETS_PATH (middleware, not an API route). */
export function docsAssets(): RequestHandler {
  return (req, res, next) => {
    const file = req.path.replace(/^\//, "");
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (file === "init.js") return void res.type("js").send(INIT_SCRIPT);
    if (!SWAGGER_UI_FILES.has(file)) return next();
    res.sendFile(join(SWAGGER_UI_DIR, file), { maxAge: "1d" }, (error) => error && next(error));
  };
}

/** GET /api/openapi.json and the interactive docs at GET /api/docs. */
export function docsRoutes(openApiDocument: () => object): ApiRoute[] {
  return [
    route({
      method: "get",
      path: "/openapi.json",
      summary: "This OpenAPI 3.1 document",
      access: "public",
      schema: NoQuery,
      response: raw("application/json", z.looseObject({ openapi: z.literal("3.1.0") })),
      handler: (_input, _req, res) => void res.json(openApiDocument()),
    }),
    route({
      method: "get",
      path: "/docs",
      summary: "Interactive API docs (Swagger UI, served offline)",
      access: "public",
      schema: NoQuery,
      response: raw("text/html", z.string()),
      handler: (_input, _req, res) => void res.type("html").send(DOCS_PAGE),
    }),
  ];
}
