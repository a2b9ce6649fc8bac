import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/db/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates one template database with `prisma migrate deploy`; each test file copies it. */
export default function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), "claimtrail-test-"));
  const template = join(folder, "template.db");
  applyMigrations(`file:${template}`);
  project.provide("templateDatabase", template);
  return () => rmSync(folder, { recursive: true, force: true });
}
