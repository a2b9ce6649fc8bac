import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/db/migrate.js";
import { TEST_DATABASE_URL, TEST_ENGINE } from "./engine.js";
import { databaseName, dropDatabase, psqlAdmin, quoted, withDatabase } from "./postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template: a SQLite file, or a PostgreSQL database's URL. */
    templateDatabase: string;
  }
}

/** Migrates one template database; each test file copies it. */
export default async function setup(project: TestProject) {
  if (TEST_ENGINE === "postgresql") {
    const template = `${databaseName(TEST_DATABASE_URL)}_template`;
    // Databases left by an earlier run that was killed go first.
    const prefix = databaseName(TEST_DATABASE_URL).replace(/_/g, "\\_");
    for (const stale of psqlAdmin(
      TEST_DATABASE_URL,
      `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}\\_%'`,
    )
      .split("\n")
      .filter((name) => name !== "")) {
      dropDatabase(TEST_DATABASE_URL, stale);
    }
    psqlAdmin(TEST_DATABASE_URL, `CREATE DATABASE ${quoted(template)}`);
    const templateUrl = withDatabase(TEST_DATABASE_URL, template);
    await applyMigrations(templateUrl);
    project.provide("templateDatabase", templateUrl);
    return () => dropDatabase(TEST_DATABASE_URL, template);
  }
  const folder = mkdtempSync(join(tmpdir(), "claimtrail-test-"));
  const template = join(folder, "template.db");
  await applyMigrations(`file:${template}`);
  project.provide("templateDatabase", template);
  return () => rmSync(folder, { recursive: true, force: true });
}
