import type { ParseArgsConfig } from "node:util";
import { loadConfig } from "../config.js";
import { createDb, type Db } from "../db/client.js";
import { applyMigrations } from "../db/migrate.js";

type Options = NonNullable<ParseArgsConfig["options"]>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One `claimtrail COMMAND`: its line in the usage, its --help, its flags and what it does. */
export interface Command {
  summary: string;
  help: string;
  options: Options;
  run(values: Values, positionals: string[]): Promise<number>;
}

/** Runs work with a database: `withDb` in the CLI, a test database in tests. */
export type WithDb = <T>(work: (db: Db) => Promise<T>) => Promise<T>;

/** Opens the configured database with migrations applied, runs `work`, and disconnects. */
export async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  await applyMigrations(config.databaseUrl);
  const db = createDb(config.databaseUrl, { replicaUrls: config.readReplicaUrls });
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
