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
