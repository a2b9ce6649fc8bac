import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Database } from "better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";

export type Db = PrismaClient;

/** The SQLite file a `file:` URL names. */
export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
}

/**
 * The driver adapter, keeping hold of the better-sqlite3 connection it opens so that the
 * hand-written queries (src/db/sql.ts) run on the very connection Prisma uses: same
 * transactions, same locks, one page cache.
 */
class ConnectionSharingAdapter extends PrismaBetterSQLite3 {
  connection: Database | undefined;

  override async connect() {
    const adapter = await super.connect();
    // The adapter keeps its better-sqlite3 handle in a public `client` field (checked by test/db).
    const connection = (adapter as unknown as { client: Database }).client;
    this.connection = connection;
    return adapter;
  }
}

const adapters = new WeakMap<Db, ConnectionSharingAdapter>();

/** The one place a PrismaClient is made: SQLite through the better-sqlite3 driver adapter. */
export function createDb(databaseUrl: string): Db {
  mkdirSync(dirname(sqliteFilePath(databaseUrl)), { recursive: true });
  const adapter = new ConnectionSharingAdapter({ url: databaseUrl });
  const db = new PrismaClient({ adapter });
  adapters.set(db, adapter);
  return db;
}

/**
 * The better-sqlite3 connection under a client made by `createDb`, connecting it if needed;
 * undefined for any other client (a transaction's, or one on another database).
 */
export async function sharedConnection(db: object): Promise<Database | undefined> {
  const adapter = adapters.get(db as Db);
  if (!adapter) return undefined;
  if (!adapter.connection) await (db as Db).$connect();
  return adapter.connection;
}
