import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { PROJECT_ROOT } from "../projectRoot.js";
import { sqliteFilePath } from "./client.js";

/**
 * Applies the committed migrations with `prisma migrate deploy` (the Wasm engine, through
 * prisma.config.ts), creating the database file and its folder if needed.
 */
export function applyMigrations(databaseUrl: string): void {
  mkdirSync(dirname(resolve(sqliteFilePath(databaseUrl))), { recursive: true });
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [prismaCli, "migrate", "deploy"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: toAbsoluteUrl(databaseUrl) },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}${result.stderr}`);
  }
}

/** The CLI runs in the project root, so a relative file: URL is resolved against our cwd first. */
function toAbsoluteUrl(databaseUrl: string): string {
  return `file:${resolve(sqliteFilePath(databaseUrl))}`;
}
