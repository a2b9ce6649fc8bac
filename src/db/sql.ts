import type { Database, Statement } from "better-sqlite3";
import type { Prisma } from "../generated/prisma/client.js";
import { sharedConnection, type Db } from "./client.js";

// The hot lookups and the exports run hand-written, portable SQL (quoted identifiers, built as
// Prisma.Sql). Through `$queryRaw` every call prepares its statement again and maps each value
// through Prisma's type tags and back, which costs more than the query itself. Here a statement
// is prepared once per connection and rows come back as plain objects. Any other client (a
// transaction's) goes through `$queryRaw`, so the same repository code runs in both.

type Queryable = Pick<Db, "$queryRaw">;

/** Statements prepared per connection; SQL text with IN lists of many lengths is bounded by evicting the oldest. */
const STATEMENT_CACHE_SIZE = 256;
const statementCaches = new WeakMap<Database, Map<string, Statement>>();

function prepared(connection: Database, sql: string): Statement {
  let cache = statementCaches.get(connection);
  if (!cache) statementCaches.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    // The adapter turns on safe integers for the whole connection; these rows want numbers.
    statement = connection.prepare(sql).safeIntegers(false);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(sql, statement);
  }
  return statement;
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; Prisma stores booleans as 0/1 and dates as ISO text. */
function bindable(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  return value;
}

/** The rows of a query, as objects keyed by column name. */
export async function queryRows<T>(db: Queryable, query: Prisma.Sql): Promise<T[]> {
  const connection = await sharedConnection(db);
  if (!connection) return db.$queryRaw<T[]>(query);
  return prepared(connection, query.sql).all(...query.values.map(bindable)) as T[];
}

/** Integers as numbers, as the shared connection returns them ($queryRaw gives SQLite's INTEGER as bigint). */
function withNumbers(row: Record<string, unknown>): Record<string, unknown> {
  for (const [column, value] of Object.entries(row)) if (typeof value === "bigint") row[column] = Number(value);
  return row;
}

/** What `sqlWriter` needs of a transaction's client when there is no shared connection. */
type TransactionQueryable = Pick<Db, "$queryRaw" | "$executeRaw">;

/**
 * Writes inside one open `db.$transaction`, as portable hand-written SQL (Prisma.Sql).
 * Both methods run synchronously on Prisma's own connection when `db` has one (the adapter began
 * the transaction on it, and nothing else runs between two calls), else through the
 * transaction's client.
 */
export interface SqlWriter {
  /** Runs an INSERT, UPDATE or DELETE; resolves to how many rows it changed. */
  execute(query: Prisma.Sql): Promise<number>;
  /** Runs a SELECT, or a write with RETURNING; resolves to its rows. */
  rows<T>(query: Prisma.Sql): Promise<T[]>;
}

/**
 * A writer for the transaction `tx` of `db` (call it inside `db.$transaction(async (tx) => ...)`).
 * Refuses to write on the shared connection outside a transaction: each statement would then
 * commit on its own and an import could be left half written.
 */
export async function sqlWriter(db: Db, tx: TransactionQueryable): Promise<SqlWriter> {
  const connection = await sharedConnection(db);
  if (!connection) {
    return {
      execute: (query) => tx.$executeRaw(query),
      rows: async <T>(query: Prisma.Sql) => (await tx.$queryRaw<Record<string, unknown>[]>(query)).map(withNumbers) as T[],
    };
  }
  const inTransaction = () => {
    if (!connection.inTransaction) throw new Error("sqlWriter: the connection has no open transaction");
  };
  return {
    async execute(query) {
      inTransaction();
      return prepared(connection, query.sql).run(...query.values.map(bindable)).changes;
    },
    async rows<T>(query: Prisma.Sql) {
      inTransaction();
      return prepared(connection, query.sql).all(...query.values.map(bindable)) as T[];
    },
  };
}
