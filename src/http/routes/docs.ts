import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { RequestHandler } from "express";
import { z } from "zod";
import type { Urls } from "../../urls.js";
import { type ApiRoute, raw, route } from "../routeTable.js";

const NoQuery = z.object({ query: z.strictObject({}) });

/** The files of swagger-ui-dist the docs page loads: served from the package, no CDN. */
const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const SWAGGER_UI_FILES = new Set(["swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png"]);
// No inline script (the CSP allows scripts from 'self' only); validatorUrl null keeps it offline.
function initScript(links: Urls): string {
  return `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: ${JSON.stringify(links.openApi())}, dom_id: "#swagger-ui", validatorUrl: null, deepLinking: true });
});
`;
}

function docsPage(links: Urls): string {
  const assets = links.docsAssets();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimtrail API</title>
<link rel="icon" type="image/png" href="${assets}/favicon-32x32.png">
<link rel="stylesheet" href="${assets}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${assets}/swagger-ui-bundle.js"></script>
<script src="${assets}/init.js"></script>
</body>
</html>
`;
}

/** Serves the docs page's assets, mounted at urls.docsAssets() (middleware, not an API route). */
export function docsAssets(links: Urls): RequestHandler {
  const init = initScript(links);
  return (req, res, next) => {
    const file = req.path.replace(/^\//, "");
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (file === "init.js") return void res.type("js").send(init);
    if (!SWAGGER_UI_FILES.has(file)) return next();
    res.sendFile(join(SWAGGER_UI_DIR, file), { maxAge: "1d" }, (error) => error && next(error));
  };
}

/** GET /api/openapi.json and the interactive docs at GET /api/docs. */
export function docsRoutes(openApiDocument: () => object, links: Urls): ApiRoute[] {
  const page = docsPage(links);
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
      handler: (_input, _req, res) => void res.type("html").send(page),
    }),
  ];
}
