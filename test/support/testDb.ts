import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { createDb, type Db, type DbOptions } from "../../src/db/client.js";
import { TEST_DATABASE_URL, TEST_ENGINE } from "./engine.js";
import { databaseName, dropDatabase, psqlAdmin, quoted, withDatabase } from "./postgres.js";

export interface TestDb {
  db: Db;
  url: string;
  close(): Promise<void>;
}

let databases = 0;

/**
 * A fresh database with every committed migration applied: a copy of the migrated template,
 * a SQLite file or (with TEST_DATABASE_URL) a PostgreSQL database made from the template.
 */
export function createTestDb(options: DbOptions = {}): TestDb {
  if (TEST_ENGINE === "postgresql") return createPostgresTestDb(options);
  const folder = mkdtempSync(join(tmpdir(), "claimtrail-db-"));
  const file = join(folder, "test.db");
  copyFileSync(inject("templateDatabase"), file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    async close() {
      await db.$disconnect();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** An empty migrated PostgreSQL database of the test server, named after the worker and a count. */
export function createPostgresTestDb(options: DbOptions = {}): TestDb {
  const name = `${databaseName(TEST_DATABASE_URL)}_${process.pid}_${++databases}`;
  const template = databaseName(inject("templateDatabase"));
  psqlAdmin(TEST_DATABASE_URL, `CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(template)} STRATEGY FILE_COPY`);
  const url = withDatabase(TEST_DATABASE_URL, name);
  const db = createDb(url, options);
  return {
    db,
    url,
    async close() {
      await db.$disconnect();
      dropDatabase(TEST_DATABASE_URL, name);
    },
  };
}

/** Deletes every article, proposition, source and topic (claims, chains and relations go with them). */
export async function emptyDatabase(db: Db): Promise<void> {
  await db.article.deleteMany();
  await db.proposition.deleteMany();
  // Sources point at their affiliations; unlink them first so they delete in any order.
  await db.source.updateMany({ data: { affiliationId: null } });
  await db.source.deleteMany();
  await db.topic.deleteMany();
}
