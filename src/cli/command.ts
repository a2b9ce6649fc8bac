import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
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

/**
 * A command called wrongly (an unknown or bad option, a missing or unreadable FILE): the CLI
 * prints this one line and the command's usage, and exits 2.
 */
export class UsageError extends Error {}

/** The usage lines of a command's help: its first paragraph. */
export function usageOf(help: string): string {
  return help.split("\n\n")[0]!.trimEnd();
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "is a folder",
};

/** Fails with a UsageError naming `file` unless it is a file this process can read. */
export async function readableFile(file: string): Promise<void> {
  try {
    if ((await stat(file)).isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    await access(file, constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot read ${file}: ${FILE_ERRORS[code] ?? code}`);
  }
}
