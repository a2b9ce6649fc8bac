import { spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { PROJECT_ROOT } from "../projectRoot.js";
import { sqliteFilePath } from "./client.js";
import { postgresPool } from "./postgresPool.js";
import { engineOf } from "./url.js";

/**
 * Applies the committed migrations: on SQLite with `prisma migrate deploy` (the Wasm engine,
 * through prisma.config.ts), creating the database file and its folder if needed; on PostgreSQL
 * those of prisma/postgresql/migrations, here (see applyPostgresMigrations).
 */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  if (engineOf(databaseUrl) === "postgresql") {
    await applyPostgresMigrations(databaseUrl);
    return;
  }
  mkdirSync(dirname(resolve(sqliteFilePath(databaseUrl))), { recursive: true });
  // A database that has every migration needs no deploy. Skipping it also keeps a CLI command
  // working beside a running server: the deploy wants a lock the server's WAL connection holds.
  if (sqliteIsCurrent(databaseUrl)) return;
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

const SQLITE_MIGRATIONS_DIR = join(PROJECT_ROOT, "prisma", "migrations");

/** Whether the SQLite file exists and records every committed migration as finished. */
function sqliteIsCurrent(databaseUrl: string): boolean {
  const file = resolve(sqliteFilePath(databaseUrl));
  if (!existsSync(file)) return false;
  const committed = readdirSync(SQLITE_MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const connection = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = connection
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) return false;
    const rows = connection
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
      .all() as { migration_name: string }[];
    const applied = new Set(rows.map((row) => row.migration_name));
    return committed.every((name) => applied.has(name));
  } finally {
    connection.close();
  }
}

/** The CLI runs in the project root, so a relative file: URL is resolved against our cwd first. */
function toAbsoluteUrl(databaseUrl: string): string {
  return `file:${resolve(sqliteFilePath(databaseUrl))}`;
}

export const POSTGRES_MIGRATIONS_DIR = join(PROJECT_ROOT, "prisma", "postgresql", "migrations");

// Prisma's own table, created as `prisma migrate deploy` creates it, so that Prisma's CLI (once it
// deploys to PostgreSQL offline) sees these migrations as its own.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** The advisory lock `prisma migrate` takes, so two deploys never run at once. */
const PRISMA_MIGRATE_LOCK = 72707369;

/**
 * Applies the PostgreSQL migrations not yet recorded in `_prisma_migrations`, each in its own
 * transaction, recording them as `prisma migrate deploy` does (id, SHA-256 checksum of the
 * file, started and finished times, one applied step). Prisma 6.19's CLI cannot deploy to
 * PostgreSQL offline (it fails reading the catalog's `name` columns, Prisma issue 27403), and
 * its adapter splits a script on every `;`; here a script is sent whole (simple query protocol).
 * A migration that fails is rolled back and leaves no row, so fixing it and deploying again works.
 */
export async function applyPostgresMigrations(
  databaseUrl: string,
  folder = POSTGRES_MIGRATIONS_DIR,
): Promise<string[]> {
  const pool = postgresPool(databaseUrl, 1);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    const checksums = new Map(done.rows.map((row) => [row.migration_name, row.checksum]));
    const names = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const name of names) {
      const script = readFileSync(join(folder, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(script).digest("hex");
      const recorded = checksums.get(name);
      if (recorded !== undefined) {
        if (recorded !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, $3, now(), 0)`,
          [id, checksum, name],
        );
        await client.query(script);
        await client.query(
          `UPDATE "_prisma_migrations" SET "finished_at" = clock_timestamp(), "applied_steps_count" = 1 WHERE "id" = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(error as Error).message}`);
      }
      applied.push(name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    client.release();
    await pool.end();
  }
}
