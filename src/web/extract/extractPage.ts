import { join } from "node:path";
import express, { Router } from "express";
import { PROJECT_ROOT } from "../../projectRoot.js";

const PUBLIC = join(PROJECT_ROOT, "src", "web", "extract", "public");

/**
 * The "new article" page at /extract: paste a text, review the proposed claims highlighted in it,
 * accept / edit / reject each, and import what was accepted. Static files only; it talks to
 * POST /api/extract and POST /api/articles like any other client.
 */
export function extractPage(): Router {
  const router = Router();
  router.use("/extract", express.static(PUBLIC, { index: "index.html", redirect: true, fallthrough: true, maxAge: 0 }));
  return router;
}
