import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Database } from "better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma-pg/client.js";
import { type Pool, postgresPool } from "./postgresPool.js";
import { markWrote, mayReadFromReplica } from "./requestScope.js";
import { type Engine, engineOf } from "./url.js";

/**
 * The client every service and repository is given. Both generated clients have the same models
 * (one schema, two providers), so the PostgreSQL one is typed as the SQLite one.
 */
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

/** What the SQL module needs of a PostgreSQL client: its pools. */
export interface PostgresHandles {
  primary: Pool;
  /** Read replicas (READ_REPLICA_URLS), in the order given; hand-written reads go to them. */
  replicas: Pool[];
}

const adapters = new WeakMap<Db, ConnectionSharingAdapter>();
const postgresClients = new WeakMap<Db, PostgresHandles>();

export interface DbOptions {
  /** PostgreSQL read replicas; ignored for SQLite. */
  replicaUrls?: readonly string[];
  /** SQLite: how long to wait for another writer's lock (default CLI_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
}

/** The one place a PrismaClient is made: SQLite through better-sqlite3, PostgreSQL through pg. */
export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  if (engineOf(databaseUrl) === "postgresql") return createPostgresDb(databaseUrl, options.replicaUrls ?? []);
  mkdirSync(dirname(sqliteFilePath(databaseUrl)), { recursive: true });
  const adapter = new ConnectionSharingAdapter({ url: databaseUrl }, options.busyTimeoutMs ?? CLI_BUSY_TIMEOUT_MS);
  const db = new PrismaClient({ adapter });
  adapters.set(db, adapter);
  return db;
}

function createPostgresDb(databaseUrl: string, replicaUrls: readonly string[]): Db {
  const primary = markingWrites(postgresPool(databaseUrl));
  const replicas = replicaUrls.map((url) => postgresPool(url));
  // The adapter ends the pool when the client disconnects; the replicas' pools end with it.
  const adapter = new PrismaPg(primary, { disposeExternalPool: true });
  const base = new PostgresPrismaClient({ adapter });
  // The ORM's reads in a request that has not written go to a replica, as the SQL module's do.
  const replicaClients = replicas.map((pool) => new PostgresPrismaClient({ adapter: new PrismaPg(pool) }));
  let nextReplica = 0;
  const db = base.$extends({
    query: {
      $allModels: {
        $allOperations: ({ model, operation, args, query }) => {
          const text = caseInsensitiveText(args) as typeof args;
          if (replicaClients.length === 0 || !ORM_READS.has(operation) || !mayReadFromReplica()) return query(text);
          const replica = replicaClients[nextReplica++ % replicaClients.length]!;
          const delegate = (replica as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[
            model.charAt(0).toLowerCase() + model.slice(1)
          ]!;
          return delegate[operation]!(text);
        },
      },
    },
  }) as unknown as Db;
  const disconnect = base.$disconnect.bind(base);
  Object.defineProperty(db, "$disconnect", {
    value: async () => {
      await disconnect();
      await Promise.all(replicaClients.map((client) => client.$disconnect()));
      await Promise.all(replicas.map((pool) => pool.end()));
    },
  });
  postgresClients.set(db, { primary, replicas });
  return db;
}

/** ORM operations that only read, which a replica may serve. */
const ORM_READS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
]);

/**
 * The ORM's text filters with `mode: "insensitive"` added: SQLite's LIKE (what `contains`
 * becomes there) ignores case, PostgreSQL's does not, and `?q=putin` must find "Putin" on both.
 */
function caseInsensitiveText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(caseInsensitiveText);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  let textFilter = false;
  for (const [key, inner] of Object.entries(value)) {
    out[key] = caseInsensitiveText(inner);
    if ((key === "contains" || key === "startsWith" || key === "endsWith") && typeof inner === "string")
      textFilter = true;
  }
  if (textFilter && !("mode" in out)) out.mode = "insensitive";
  return out;
}

/**
 * The primary's pool, recording in the request scope each write the ORM sends through it (any
 * statement but a SELECT, and every transaction), so that the request's later reads go to the
 * primary too (read-your-writes).
 */
function markingWrites(pool: Pool): Pool {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  const isRead = (config: unknown) => {
    const text = typeof config === "string" ? config : (config as { text?: unknown })?.text;
    return typeof text === "string" && /^\s*SELECT\b/i.test(text);
  };
  Object.assign(pool, {
    query: (...args: unknown[]) => {
      if (!isRead(args[0])) markWrote();
      return query(...args);
    },
    connect: (...args: unknown[]) => {
      markWrote();
      return connect(...args);
    },
  });
  return pool;
}

/** The engine under a client made by `createDb`, or under a transaction's client of one. */
export function engineOfDb(db: object): Engine {
  if (postgresClients.has(db as Db)) return "postgresql";
  if (adapters.has(db as Db)) return "sqlite";
  return (db as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

/** The pools under a PostgreSQL client made by `createDb`; undefined for any other client. */
export function postgresHandles(db: object): PostgresHandles | undefined {
  return postgresClients.get(db as Db);
}

/**
 * The better-sqlite3 connection under a client made by `createDb`, connecting it if needed;
 * undefined for any other client (a transaction's, or one on another database or engine).
 */
export async function sharedConnection(db: object): Promise<Database | undefined> {
  const adapter = adapters.get(db as Db);
  if (!adapter) return undefined;
  if (!adapter.connection) await (db as Db).$connect();
  return adapter.connection;
}
