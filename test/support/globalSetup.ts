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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Migrates one template database; each test file copies it. */
export default async function setup(project: TestProject) {
  if (TEST_ENGINE === "postgresql") {
    const prefix = databaseName(TEST_DATABASE_URL);
    const template = `${prefix}_${process.pid}_template`;
    // Databases are named PREFIX_PID_...: those of a run that was killed (its process gone) go first.
    for (const name of psqlAdmin(TEST_DATABASE_URL, "SELECT datname FROM pg_database").split("\n")) {
      const pid = name.startsWith(`${prefix}_`)
        ? Number(/^(\d+)_/.exec(name.slice(prefix.length + 1))?.[1])
        : Number.NaN;
      if (Number.isInteger(pid) && !isAlive(pid)) dropDatabase(TEST_DATABASE_URL, name);
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
