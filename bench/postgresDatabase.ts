import pg from "pg";
import type { ImportFigures } from "./importCorpus.js";

/** What the benchmark keeps about a corpus it built: on SQLite beside the file, on PostgreSQL as the database's comment. */
export interface ImportRecord {
  date: string;
  loadBefore: number;
  figures: ImportFigures;
}

/** The marker in a database comment that says the benchmark built this corpus. */
const MARK = "claimtrail-bench";

/** The URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const match = /^(postgres(?:ql)?:\/\/[^/]*\/)([^?]*)(.*)$/.exec(url);
  if (!match) throw new Error(`not a postgres:// URL with a database name: ${url}`);
  return `${match[1]}${encodeURIComponent(database)}${match[3]}`;
}

/** The database a postgres:// URL names. */
export function databaseName(url: string): string {
  const match = /^postgres(?:ql)?:\/\/[^/]*\/([^?]*)/.exec(url);
  if (!match?.[1]) throw new Error("--database must name a database: postgres://USER:PASSWORD@HOST:PORT/DATABASE");
  return decodeURIComponent(match[1]);
}

const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface PreparedPostgres {
  /** The database holds a corpus this benchmark built, to be measured again without importing. */
  reuse: boolean;
  /** The benchmark created the database (it drops it at the end unless asked to keep it). */
  created: boolean;
}

/**
 * Makes the PostgreSQL database ready for a run: created when it does not exist, used when it
 * exists and holds no table, reused when it holds a corpus the benchmark built and `reuse` is
 * asked. Any other database is refused: the benchmark never writes into someone's data.
 */
export async function preparePostgres(url: string, reuse: boolean): Promise<PreparedPostgres> {
  const name = databaseName(url);
  const exists = await withClient(withDatabase(url, "postgres"), async (admin) => {
    const found = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${identifier(name)}`);
    return found.rowCount !== 0;
  });
  if (!exists) return { reuse: false, created: true };
  const tables = await withClient(url, async (client) => {
    const result = await client.query(`SELECT COUNT(*)::int AS "n" FROM pg_tables WHERE schemaname = 'public'`);
    return result.rows[0].n as number;
  });
  if (tables === 0) return { reuse: false, created: false };
  if (reuse && (await readPostgresImportRecord(url)) !== null) return { reuse: true, created: false };
  throw new Error(
    reuse
      ? `database ${name} holds tables but no corpus this benchmark built: give an empty or new database`
      : `database ${name} is not empty: give a new database (the benchmark creates it), or --reuse to measure a corpus the benchmark built there`,
  );
}

/** The import record of a corpus the benchmark built in this database, or null. */
export async function readPostgresImportRecord(url: string): Promise<ImportRecord | null> {
  const comment = await withClient(url, async (client) => {
    const result = await client.query(
      `SELECT shobj_description(oid, 'pg_database') AS "comment" FROM pg_database WHERE datname = current_database()`,
    );
    return result.rows[0]?.comment as string | null;
  });
  if (!comment) return null;
  try {
    const parsed = JSON.parse(comment) as { [MARK]?: ImportRecord };
    return parsed[MARK] ?? null;
  } catch {
    return null;
  }
}

/** Marks the database as a corpus the benchmark built, with its import figures. */
export async function writePostgresImportRecord(url: string, record: ImportRecord): Promise<void> {
  const comment = JSON.stringify({ [MARK]: record }).replaceAll("'", "''");
  await withClient(url, (client) =>
    client.query(`COMMENT ON DATABASE ${identifier(databaseName(url))} IS '${comment}'`),
  );
}

/** Drops a database the benchmark created, closing what is still connected to it. */
export async function dropPostgres(url: string): Promise<void> {
  await withClient(withDatabase(url, "postgres"), (admin) =>
    admin.query(`DROP DATABASE IF EXISTS ${identifier(databaseName(url))} WITH (FORCE)`),
  );
}
