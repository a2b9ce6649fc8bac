import { join } from "node:path";
import express, { Router } from "express";
import { PROJECT_ROOT } from "../projectRoot.js";

const ASSETS_DIR = join(PROJECT_ROOT, "src", "web", "assets");
const INDEX_FILE = join(PROJECT_ROOT, "src", "web", "index.html");

/**
 * The fact-checker's page: one HTML shell at `/` and its plain ES modules, CSS and nothing else
 * under `/assets/`. The page reads and writes only through the public JSON API, so what it shows
 * is what any other client would get.
 */
export function webRoutes(): Router {
  const router = Router();
  // The modules are small and change with each deploy: revalidate with the ETag every time
  // rather than guess a max-age.
  router.use("/assets", express.static(ASSETS_DIR, { index: false, maxAge: 0, fallthrough: true }));
  router.get("/", (_req, res) => {
    res.sendFile(INDEX_FILE, { headers: { "Cache-Control": "no-cache" } });
  });
  return router;
}
