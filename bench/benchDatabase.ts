import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import type { Pool } from "pg";
import { sqliteFilePath } from "../src/db/client.js";
import { postgresPool } from "../src/db/postgresPool.js";
import { type Engine, engineOf } from "../src/db/url.js";

export type Row = Record<string, unknown>;

/**
 * The benchmark's own read-only access to the corpus, on either engine: the baseline servers and
 * the choice of lookup parameters write their SQL once, with `?` placeholders, and the few
 * dialect differences (list parameters, booleans) go through here. This is a yardstick, not
 * claimtrail's SQL module: statements are prepared once per text (better-sqlite3 statements,
 * named prepared statements on pg) and nothing else is done to them.
 */
export interface BenchDatabase {
  engine: Engine;
  /**
   * The rows of a query written with `?` placeholders: synchronously on SQLite (better-sqlite3
   * is synchronous; a promise a query would slow its baseline by several percent), a promise on pg.
   */
  all(sql: string, params?: readonly unknown[], options?: { cachePlan?: boolean }): Row[] | Promise<Row[]>;
  /** `column IN (list)` with the list as one parameter, bound with `list(values)`. */
  inList(column: string, type: "int" | "text"): string;
  list(values: readonly unknown[]): unknown;
  close(): Promise<void>;
}

/** Opens the corpus a claimtrail DATABASE_URL names (`file:` or `postgres://`), read-only on SQLite. */
export function openBenchDatabase(databaseUrl: string, connections = 10): BenchDatabase {
  return engineOf(databaseUrl) === "postgresql"
    ? openPostgres(databaseUrl, connections)
    : openSqlite(sqliteFilePath(databaseUrl));
}

function openSqlite(file: string): BenchDatabase {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const statements = new Map<string, Database.Statement>();
  return {
    engine: "sqlite",
    all(sql, params = []) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement.all(...params) as Row[];
    },
    inList: (column) => `${column} IN (SELECT "value" FROM json_each(?))`,
    list: (values) => JSON.stringify(values),
    async close() {
      db.close();
    },
  };
}

/** `?` placeholders as `$1`, `$2`...: the benchmark's SQL holds no `?` inside a literal. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function openPostgres(databaseUrl: string, connections: number): BenchDatabase {
  const pool: Pool = postgresPool(databaseUrl, connections);
  const texts = new Map<string, { name: string; text: string }>();
  return {
    engine: "postgresql",
    async all(sql, params = [], { cachePlan = true } = {}) {
      // Unnamed: planned for its values each time, as claimtrail plans its text searches.
      if (!cachePlan) return (await pool.query({ text: numbered(sql), values: [...params] })).rows as Row[];
      let prepared = texts.get(sql);
      if (!prepared) {
        const text = numbered(sql);
        prepared = { name: `bench_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`, text };
        texts.set(sql, prepared);
      }
      const result = await pool.query({ ...prepared, values: [...params] });
      return result.rows as Row[];
    },
    inList: (column, type) => `${column} = ANY(?::${type}[])`,
    list: (values) => [...values],
    close: () => pool.end(),
  };
}

/** A boolean column as JavaScript: SQLite stores 0/1, PostgreSQL has booleans. */
export const isTrue = (value: unknown): boolean => value === true || value === 1;
