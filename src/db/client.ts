import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";

export type Db = PrismaClient;

/** The SQLite file a `file:` URL names. */
export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** The one place a PrismaClient is made: SQLite through the better-sqlite3 driver adapter. */
export function createDb(databaseUrl: string): Db {
  mkdirSync(dirname(sqliteFilePath(databaseUrl)), { recursive: true });
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
}
