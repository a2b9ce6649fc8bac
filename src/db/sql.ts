import type { Database, Statement } from "better-sqlite3";
import { Prisma } from "../generated/prisma/client.js";
import { type Db, sharedConnection } from "./client.js";
import { alreadyExists, isUniqueViolation } from "./errors.js";

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
  if (!cache) {
    cache = new Map();
    statementCaches.set(connection, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    // The adapter turns on safe integers for the whole connection; these rows want numbers.
    statement = connection.prepare(sql).safeIntegers(false);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(sql, statement);
  }
  return statement;
}

/** Longest IN list that is padded; longer ones are left as they are. */
const LONGEST_PADDED_LIST = 512;

/**
 * The values of an `IN (...)` list, padded to the next power of two by repeating the last one,
 * so lists of any length share a handful of prepared statements instead of one statement per
 * length. Statements evicted from the cache hold native memory until they are collected: a
 * CSV export of 1M claims peaked 80-120 MB higher with a cache of 16 churning.
 */
export function inList(values: readonly unknown[]): Prisma.Sql {
  if (values.length === 0) throw new Error("an IN list needs at least one value");
  let size = 1;
  while (size < values.length) size *= 2;
  if (size > LONGEST_PADDED_LIST) return Prisma.join([...values]);
  const padded = [...values];
  while (padded.length < size) padded.push(values[values.length - 1]);
  return Prisma.join(padded);
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

/**
 * A unique constraint broken by a write (another request stored the same slug first) is the
 * conflict Prisma's P2002 is for the ORM: the same 409 for the client, not a driver error.
 */
function asConflict<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw isUniqueViolation(error) ? alreadyExists() : error;
  }
}

/** What `sqlWriter` needs of a transaction's client when there is no shared connection. */
type TransactionQueryable = Pick<Db, "$queryRaw" | "$executeRaw">;

/**
 * Writes inside one open `db.$transaction`, as portable hand-written SQL (quoted identifiers).
 * Every call runs synchronously on Prisma's own connection when `db` has one (the adapter began
 * the transaction on it, and no other request's statement runs in between), else through the
 * transaction's client.
 */
export interface SqlWriter {
  /** Runs an INSERT, UPDATE or DELETE; resolves to how many rows it changed. */
  execute(query: Prisma.Sql): Promise<number>;
  /** Runs a SELECT, or a write with RETURNING; resolves to its rows. */
  rows<T>(query: Prisma.Sql): Promise<T[]>;
  /**
   * Inserts rows (one value per column, in order) into a table, in order, many rows a statement.
   * With `returning`, resolves to those columns of the inserted rows, in no promised order.
   */
  insert<T = unknown>(
    table: string,
    columns: readonly string[],
    rows: readonly unknown[][],
    returning?: readonly string[],
  ): Promise<T[]>;
}

/**
 * Rows a multi-row INSERT takes: a batch is cut into these sizes (64 + 64 + 16 + 1 + 1 for 146),
 * so that a table needs a handful of prepared statements whatever the batch sizes.
 */
const INSERT_SIZES = [64, 16, 4, 1];

function identifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
}

const insertSqlCache = new Map<string, string>();

/** `INSERT INTO "T" ("a", "b") VALUES (?, ?), (?, ?) [RETURNING "x"]` for `size` rows. */
function insertSql(table: string, columns: readonly string[], size: number, returning: readonly string[]): string {
  const key = `${table}|${columns.join(",")}|${size}|${returning.join(",")}`;
  let sql = insertSqlCache.get(key);
  if (sql === undefined) {
    sql = buildInsertSql(table, columns, size, returning);
    insertSqlCache.set(key, sql);
  }
  return sql;
}

function buildInsertSql(table: string, columns: readonly string[], size: number, returning: readonly string[]): string {
  const row = `(${columns.map(() => "?").join(", ")})`;
  const values = Array.from({ length: size }, () => row).join(", ");
  const tail = returning.length > 0 ? ` RETURNING ${returning.map(identifier).join(", ")}` : "";
  return `INSERT INTO ${identifier(table)} (${columns.map(identifier).join(", ")}) VALUES ${values}${tail}`;
}

/** Cuts `count` rows into statement sizes, largest first. */
function insertChunks(count: number): number[] {
  const sizes: number[] = [];
  for (const size of INSERT_SIZES) for (; count >= size; count -= size) sizes.push(size);
  return sizes;
}

async function insertInChunks<T>(
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  returning: readonly string[],
  run: (sql: string, values: unknown[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  let at = 0;
  for (const size of insertChunks(rows.length)) {
    const values: unknown[] = [];
    for (let i = at; i < at + size; i++) for (const value of rows[i]!) values.push(value);
    for (const row of await run(insertSql(table, columns, size, returning), values)) out.push(row);
    at += size;
  }
  return out;
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
      rows: async <T>(query: Prisma.Sql) =>
        (await tx.$queryRaw<Record<string, unknown>[]>(query)).map(withNumbers) as T[],
      insert: <T>(
        table: string,
        columns: readonly string[],
        rows: readonly unknown[][],
        returning: readonly string[] = [],
      ) =>
        insertInChunks<T>(table, columns, rows, returning, async (sql, values) => {
          const query = new Prisma.Sql(sql.split("?"), values);
          if (returning.length === 0) {
            await tx.$executeRaw(query);
            return [];
          }
          return (await tx.$queryRaw<Record<string, unknown>[]>(query)).map(withNumbers) as T[];
        }),
    };
  }
  const inTransaction = () => {
    if (!connection.inTransaction) throw new Error("sqlWriter: the connection has no open transaction");
  };
  return {
    async execute(query) {
      inTransaction();
      return asConflict(() => prepared(connection, query.sql).run(...query.values.map(bindable)).changes);
    },
    async rows<T>(query: Prisma.Sql) {
      inTransaction();
      return asConflict(() => prepared(connection, query.sql).all(...query.values.map(bindable)) as T[]);
    },
    async insert<T>(
      table: string,
      columns: readonly string[],
      rows: readonly unknown[][],
      returning: readonly string[] = [],
    ) {
      inTransaction();
      return insertInChunks<T>(table, columns, rows, returning, async (sql, values) => {
        const statement = prepared(connection, sql);
        const bound = values.map(bindable);
        return asConflict(() => {
          if (returning.length > 0) return statement.all(bound) as T[];
          statement.run(bound);
          return [];
        });
      });
    },
  };
}

/** Settings a bulk write runs with, and how many bulk writes have them applied, per connection. */
const bulkWrites = new WeakMap<Database, { count: number; restore: () => void }>();

/**
 * Runs `work` (a bulk write: an import's transaction) with the connection tuned for it, then
 * restores the settings it had. Statement journals stay in memory: a multi-row INSERT late in a
 * large transaction records hundreds of KB of pages, which SQLite otherwise spills to a
 * temporary file statement by statement (measured: 13% of an import's CPU time). SQLite-only,
 * hence here; on any other client `work` just runs.
 */
export async function withBulkWriteSettings<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const connection = await sharedConnection(db);
  if (!connection) return work();
  let state = bulkWrites.get(connection);
  if (state === undefined) {
    const tempStore = Number(connection.pragma("temp_store", { simple: true }));
    connection.pragma("temp_store = MEMORY");
    state = { count: 0, restore: () => connection.pragma(`temp_store = ${tempStore}`) };
    bulkWrites.set(connection, state);
  }
  state.count++;
  try {
    return await work();
  } finally {
    if (--state.count === 0) {
      bulkWrites.delete(connection);
      state.restore();
    }
  }
}
