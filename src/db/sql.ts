import { createHash } from "node:crypto";
import type { Database, Statement } from "better-sqlite3";
import type { Prisma } from "../generated/prisma/client.js";
import { type Db, engineOfDb, type PostgresHandles, postgresHandles, sharedConnection } from "./client.js";
import { asConflict, bind, renderSql } from "./dialect.js";
import type { Pool, PoolClient } from "./postgresPool.js";
import { markWrote, mayReadFromReplica } from "./requestScope.js";
import type { Engine } from "./url.js";

export { inList } from "./dialect.js";
export { inRequestScope } from "./requestScope.js";

// The hot lookups, the exports and the imports run hand-written, portable SQL (quoted
// identifiers, built as Prisma.Sql, rendered per engine by dialect.ts). Through `$queryRaw`
// every call prepares its statement again and maps each value through Prisma's type tags and
// back, which costs more than the query itself. Here a statement is prepared once per
// connection (better-sqlite3 statements on SQLite, named prepared statements on PostgreSQL) and
// rows come back as plain objects. Any other client (a transaction's) goes through
// `$queryRawUnsafe`, so the same repository code runs in both.

type Queryable = Pick<Db, "$queryRawUnsafe">;

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

const statementNames = new Map<string, string>();

/**
 * The name of a PostgreSQL prepared statement for this text: node-pg prepares a named statement
 * once per connection and then only binds and executes it. The set of texts is bounded (lists
 * are one array parameter whatever their length), so the names are too.
 */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `ct_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * A statement is named (prepared once per connection, its plan cached) unless `cachePlan` is
 * false. PostgreSQL then plans it for its values each time: an import's reads run against
 * tables the import itself grows (a plan cached while they were small, a sequential scan, would
 * stay for the rest of the transaction), and a text search is only fast with the plan its
 * pattern calls for (see findSearchedClaimIds).
 */
export interface StatementOptions {
  cachePlan?: boolean;
}

async function postgresRows<T>(
  client: Pool | PoolClient,
  query: Prisma.Sql,
  { cachePlan = true }: StatementOptions = {},
): Promise<T[]> {
  const { text, values } = renderSql(query, "postgresql");
  try {
    return (await client.query({ name: cachePlan ? statementName(text) : undefined, text, values })).rows as T[];
  } catch (error) {
    throw asConflict(error);
  }
}

async function postgresExecute(
  client: PoolClient,
  query: Prisma.Sql,
  { cachePlan = true }: StatementOptions = {},
): Promise<number> {
  const { text, values } = renderSql(query, "postgresql");
  try {
    return (await client.query({ name: cachePlan ? statementName(text) : undefined, text, values })).rowCount ?? 0;
  } catch (error) {
    throw asConflict(error);
  }
}

// --- Read replicas -------------------------------------------------------------------------

let nextReplica = 0;

/** Where a hand-written read goes: a replica for a request that has not written, else the primary. */
function readPool(handles: PostgresHandles): Pool {
  if (handles.replicas.length === 0 || !mayReadFromReplica()) return handles.primary;
  nextReplica = (nextReplica + 1) % handles.replicas.length;
  return handles.replicas[nextReplica]!;
}

// --- Reads ---------------------------------------------------------------------------------

/** The rows of a query, as objects keyed by column name. */
export async function queryRows<T>(db: Queryable, query: Prisma.Sql, options: StatementOptions = {}): Promise<T[]> {
  const handles = postgresHandles(db);
  if (handles) return postgresRows<T>(readPool(handles), query, options);
  const connection = await sharedConnection(db);
  if (connection) {
    const { text, values } = renderSql(query, "sqlite");
    return prepared(connection, text).all(...values) as T[];
  }
  return viaPrisma<T>(db, query);
}

/** A query on a client without a connection of ours (a transaction's), integers as numbers. */
async function viaPrisma<T>(db: Queryable, query: Prisma.Sql): Promise<T[]> {
  const { text, values } = renderSql(query, engineOfDb(db));
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
  return rows.map(withNumbers) as T[];
}

/** Integers as numbers, as our connections return them ($queryRaw gives SQLite's INTEGER and pg's int8 as bigint). */
function withNumbers(row: Record<string, unknown>): Record<string, unknown> {
  for (const [column, value] of Object.entries(row)) if (typeof value === "bigint") row[column] = Number(value);
  return row;
}

// --- Writes --------------------------------------------------------------------------------

/** What `sqlWriter` needs of a transaction's client when there is no shared connection. */
type TransactionQueryable = Pick<Db, "$queryRawUnsafe" | "$executeRawUnsafe">;

/**
 * Writes inside one open transaction, as portable hand-written SQL (quoted identifiers).
 * Every call runs on the transaction's own connection: on SQLite Prisma's (the adapter began the
 * transaction on it, and no other request's statement runs in between), on PostgreSQL the pool
 * client `writeTransaction` holds, else through the transaction's Prisma client.
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
 * Rows a multi-row INSERT takes on SQLite: a batch is cut into these sizes (64 + 64 + 16 + 1 + 1
 * for 146), so that a table needs a handful of prepared statements whatever the batch sizes.
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
    const row = `(${columns.map(() => "?").join(", ")})`;
    const values = Array.from({ length: size }, () => row).join(", ");
    sql = `INSERT INTO ${identifier(table)} (${columns.map(identifier).join(", ")}) VALUES ${values}${returningSql(returning)}`;
    insertSqlCache.set(key, sql);
  }
  return sql;
}

function returningSql(returning: readonly string[]): string {
  return returning.length > 0 ? ` RETURNING ${returning.map(identifier).join(", ")}` : "";
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

/** `?` placeholders numbered for PostgreSQL. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * A writer for the transaction `tx` of `db` (call it inside `db.$transaction(async (tx) => ...)`).
 * Refuses to write on the shared connection outside a transaction: each statement would then
 * commit on its own and an import could be left half written.
 */
export async function sqlWriter(db: Db, tx: TransactionQueryable): Promise<SqlWriter> {
  markWrote();
  const connection = await sharedConnection(db);
  if (!connection) return prismaWriter(tx, engineOfDb(db));
  const inTransaction = () => {
    if (!connection.inTransaction) throw new Error("sqlWriter: the connection has no open transaction");
  };
  const sqlite = <T>(write: () => T): T => {
    try {
      return write();
    } catch (error) {
      throw asConflict(error);
    }
  };
  return {
    async execute(query) {
      inTransaction();
      const { text, values } = renderSql(query, "sqlite");
      return sqlite(() => prepared(connection, text).run(...values).changes);
    },
    async rows<T>(query: Prisma.Sql) {
      inTransaction();
      const { text, values } = renderSql(query, "sqlite");
      return sqlite(() => prepared(connection, text).all(...values) as T[]);
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
        const bound = values.map(bind.sqlite);
        return sqlite(() => {
          if (returning.length > 0) return statement.all(bound) as T[];
          statement.run(bound);
          return [];
        });
      });
    },
  };
}

/** A writer through a transaction's Prisma client (no connection of ours under it). */
function prismaWriter(tx: TransactionQueryable, engine: Engine): SqlWriter {
  return {
    async execute(query) {
      const { text, values } = renderSql(query, engine);
      return tx.$executeRawUnsafe(text, ...values);
    },
    async rows<T>(query: Prisma.Sql) {
      const { text, values } = renderSql(query, engine);
      return (await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values)).map(withNumbers) as T[];
    },
    insert: <T>(
      table: string,
      columns: readonly string[],
      rows: readonly unknown[][],
      returning: readonly string[] = [],
    ) =>
      insertInChunks<T>(table, columns, rows, returning, async (sql, values) => {
        const text = engine === "postgresql" ? numbered(sql) : sql;
        const bound = values.map(bind[engine]);
        if (returning.length === 0) {
          await tx.$executeRawUnsafe(text, ...bound);
          return [];
        }
        return (await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...bound)).map(withNumbers) as T[];
      }),
  };
}

/** PostgreSQL column types by table, as unnest's arrays are cast to them. */
const columnTypes = new WeakMap<Pool, Map<string, Map<string, string>>>();

async function arrayTypes(
  pool: Pool,
  client: PoolClient,
  table: string,
  columns: readonly string[],
): Promise<string[]> {
  let tables = columnTypes.get(pool);
  if (!tables) {
    tables = new Map();
    columnTypes.set(pool, tables);
  }
  let types = tables.get(table);
  if (!types) {
    const result = await client.query<{ column_name: string; type: string }>(
      `SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`,
      [`"${table}"`],
    );
    types = new Map(result.rows.map((row) => [row.column_name, row.type]));
    tables.set(table, types);
  }
  return columns.map((column) => {
    const type = types.get(column);
    if (type === undefined) throw new Error(`no column ${table}.${column}`);
    return `${type}[]`;
  });
}

/**
 * A writer on a PostgreSQL transaction's pool client. Rows are inserted with one statement per
 * call whatever their number: each column is one array parameter, zipped by `unnest`, so
 * there are no per-row placeholders, no parameter cap, and one prepared statement per table.
 */
function postgresWriter(pool: Pool, client: PoolClient): SqlWriter {
  return {
    execute: (query) => postgresExecute(client, query, { cachePlan: false }),
    rows: <T>(query: Prisma.Sql) => postgresRows<T>(client, query, { cachePlan: false }),
    async insert<T>(
      table: string,
      columns: readonly string[],
      rows: readonly unknown[][],
      returning: readonly string[] = [],
    ) {
      if (rows.length === 0) return [];
      const types = await arrayTypes(pool, client, table, columns);
      const arrays = columns.map((_, c) => rows.map((row) => bind.postgresql(row[c])));
      const text = `INSERT INTO ${identifier(table)} (${columns.map(identifier).join(", ")})
        SELECT * FROM unnest(${types.map((type, i) => `$${i + 1}::${type}`).join(", ")})${returningSql(returning)}`;
      try {
        return (await client.query({ name: statementName(text), text, values: arrays })).rows as T[];
      } catch (error) {
        throw asConflict(error);
      }
    },
  };
}

/** Settings a bulk write runs with, and how many bulk writes have them applied, per connection. */
const bulkWrites = new WeakMap<Database, { count: number; restore: () => void }>();

/**
 * Runs `work` (a bulk write: an import's transaction) with the connection tuned for it, then
 * restores the settings it had. Statement journals stay in memory: a multi-row INSERT late in a
 * large transaction records hundreds of KB of pages, which SQLite otherwise spills to a
 * temporary file statement by statement (measured: 13% of an import's CPU time). SQLite-only
 * (PRAGMA), hence here; on any other client `work` just runs.
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

/**
 * Runs `work` in one transaction with a writer on it: all or nothing. SQLite: Prisma's
 * interactive transaction on the shared connection, with the bulk-write settings. PostgreSQL: a
 * connection of the primary's pool, BEGIN ... COMMIT (ROLLBACK on any error), so every statement
 * is a named prepared statement on that connection rather than a round trip through Prisma.
 */
export async function writeTransaction<T>(db: Db, work: (sql: SqlWriter) => Promise<T>): Promise<T> {
  markWrote();
  const handles = postgresHandles(db);
  if (!handles) {
    return withBulkWriteSettings(db, () =>
      db.$transaction(async (tx) => work(await sqlWriter(db, tx)), { timeout: 600_000, maxWait: 60_000 }),
    );
  }
  const client = await handles.primary.connect();
  try {
    await client.query("BEGIN");
    const result = await work(postgresWriter(handles.primary, client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Serialises, until the transaction `tx` ends, every transaction that takes the same lock for the
 * same unordered pair of ids: a check-then-insert of "a relation between a and b either way round"
 * cannot race another (the unique index covers one direction only). PostgreSQL: a transaction
 * advisory lock. SQLite writes one transaction at a time on the app's one connection, so nothing to do.
 */
export async function lockPair(tx: Pick<Db, "$executeRawUnsafe">, a: number, b: number): Promise<void> {
  if (engineOfDb(tx) !== "postgresql") return;
  await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1::int4, $2::int4)", Math.min(a, b), Math.max(a, b));
}
