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

  constructor(
    config: { url: string },
    private readonly busyTimeoutMs: number,
  ) {
    super(config);
  }

  override async connect() {
    const adapter = await super.connect();
    // The adapter keeps its better-sqlite3 handle in a public `client` field (checked by test/db).
    const connection = (adapter as unknown as { client: Database }).client;
    // WAL: readers never wait for a writer (another process's import included); NORMAL is
    // durable across a process crash, and fsyncs at checkpoints only.
    connection.pragma("journal_mode = WAL");
    connection.pragma("synchronous = NORMAL");
    // better-sqlite3 waits for a lock synchronously, freezing the event loop: keep it short.
    connection.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    this.connection = connection;
    return adapter;
  }
}

/**
 * How long a connection waits for another writer's lock before SQLITE_BUSY (503 `busy` over
 * HTTP). The server waits briefly, since the wait blocks every request; a CLI command can wait.
 */
export const SERVER_BUSY_TIMEOUT_MS = 50;
export const CLI_BUSY_TIMEOUT_MS = 10_000;

const adapters = new WeakMap<Db, ConnectionSharingAdapter>();

/** The one place a PrismaClient is made: SQLite through the better-sqlite3 driver adapter. */
export function createDb(databaseUrl: string, { busyTimeoutMs = CLI_BUSY_TIMEOUT_MS } = {}): Db {
  mkdirSync(dirname(sqliteFilePath(databaseUrl)), { recursive: true });
  const adapter = new ConnectionSharingAdapter({ url: databaseUrl }, busyTimeoutMs);
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
