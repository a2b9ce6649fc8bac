import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyPostgresMigrations, POSTGRES_MIGRATIONS_DIR } from "../../src/db/migrate.js";
import { TEST_DATABASE_URL } from "../support/engine.js";
import { databaseName, dropDatabase, psqlAdmin, quoted, withDatabase } from "../support/postgres.js";

// PostgreSQL only: the migrations are applied by src/db/migrate.ts, not Prisma's CLI.
const name = `${databaseName(TEST_DATABASE_URL)}_migrate_${process.pid}`;
psqlAdmin(TEST_DATABASE_URL, `CREATE DATABASE ${quoted(name)}`);
const url = withDatabase(TEST_DATABASE_URL, name);
afterAll(() => dropDatabase(TEST_DATABASE_URL, name));

async function rows<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const names = readdirSync(POSTGRES_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("applyPostgresMigrations", () => {
  it("applies every migration once and records it in _prisma_migrations as Prisma does", async () => {
    expect(await applyPostgresMigrations(url)).toEqual(names);
    const recorded = await rows<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      done: boolean;
    }>(
      `SELECT "migration_name", "checksum", "applied_steps_count", "finished_at" >= "started_at" AS done
         FROM "_prisma_migrations" ORDER BY "migration_name"`,
    );
    expect(recorded).toEqual(
      names.map((migration) => ({
        migration_name: migration,
        checksum: createHash("sha256")
          .update(readFileSync(join(POSTGRES_MIGRATIONS_DIR, migration, "migration.sql")))
          .digest("hex"),
        applied_steps_count: 1,
        done: true,
      })),
    );
    expect(await applyPostgresMigrations(url)).toEqual([]);
    const tables = await rows<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = 'Claim'`,
    );
    expect(tables).toEqual([{ tablename: "Claim" }]);
  });

  it("refuses a migration changed after it was applied, and rolls back one that fails", async () => {
    const folder = mkdtempSync(join(tmpdir(), "claimtrail-migrations-"));
    cpSync(POSTGRES_MIGRATIONS_DIR, folder, { recursive: true });
    const first = join(folder, names[0]!, "migration.sql");
    writeFileSync(first, `${readFileSync(first, "utf8")}\n-- edited\n`);
    await expect(applyPostgresMigrations(url, folder)).rejects.toThrow(
      `migration ${names[0]} was changed after it was applied`,
    );

    cpSync(POSTGRES_MIGRATIONS_DIR, folder, { recursive: true });
    cpSync(join(folder, names[0]!), join(folder, "29990101000000_broken"), { recursive: true });
    writeFileSync(
      join(folder, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" ("id" INTEGER);\nSELECT 'a;b';\nCREATE TABLE "Claim" ("id" INTEGER);`,
    );
    await expect(applyPostgresMigrations(url, folder)).rejects.toThrow(/migration 29990101000000_broken failed/);
    expect(await rows(`SELECT 1 FROM pg_tables WHERE tablename = 'Half'`)).toEqual([]);
    expect(await rows(`SELECT 1 FROM "_prisma_migrations" WHERE "migration_name" = '29990101000000_broken'`)).toEqual(
      [],
    );
  });
});
