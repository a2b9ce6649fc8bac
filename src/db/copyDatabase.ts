import { conflict } from "../errors.js";
import { Prisma } from "../generated/prisma/client.js";
import { createDb, type Db, engineOfDb } from "./client.js";
import { applyMigrations } from "./migrate.js";
import { queryRows, type SqlWriter, writeTransaction } from "./sql.js";

/**
 * Every table of the schema, parents before children, with its primary key (the order rows are
 * read in). A table added to the schema must be added here: copyDatabase refuses a database
 * with a table it does not know, rather than leave it behind.
 */
const TABLES: { name: string; key: string[] }[] = [
  { name: "Source", key: ["id"] },
  { name: "SourceName", key: ["id"] },
  { name: "Article", key: ["id"] },
  { name: "ArticleRevision", key: ["id"] },
  { name: "Claim", key: ["id"] },
  { name: "AttributionLink", key: ["id"] },
  { name: "Topic", key: ["id"] },
  { name: "ClaimTopic", key: ["claimId", "topicId"] },
  { name: "Proposition", key: ["id"] },
  { name: "ClaimStance", key: ["claimId", "propositionId"] },
  { name: "Relation", key: ["id"] },
  { name: "RelationEvent", key: ["id"] },
  { name: "ApiToken", key: ["id"] },
];

/** Tables the migrations keep up to date from the others (by triggers): never copied. */
const DERIVED = new Set(["SourceClaimCount"]);

/** Rows read and written per statement. */
const BATCH = 2_000;

export interface CopyResult {
  /** Rows copied per table. */
  rows: Record<string, number>;
}

const quoted = (name: string) => `"${name}"`;

/** Tables and their columns, as the database has them (migration bookkeeping and SQLite internals left out). */
async function tableColumns(db: Db): Promise<Map<string, string[]>> {
  const rows =
    engineOfDb(db) === "postgresql"
      ? await queryRows<{ table: string; column: string }>(
          db,
          Prisma.sql`SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
            WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
        )
      : await queryRows<{ table: string; column: string }>(
          db,
          Prisma.sql`SELECT m.name AS "table", p.name AS "column" FROM sqlite_master m, pragma_table_info(m.name) p
            WHERE m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY m.name, p.cid`,
        );
  const tables = new Map<string, string[]>();
  // A SQLite full-text index is a virtual table and shadow tables named after it: derived, not copied.
  const virtual =
    engineOfDb(db) === "postgresql"
      ? []
      : (
          await queryRows<{ name: string }>(
            db,
            Prisma.sql`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`,
          )
        ).map((row) => row.name);
  for (const { table, column } of rows) {
    if (table.startsWith("_prisma") || table.startsWith("sqlite_") || DERIVED.has(table)) continue;
    if (virtual.some((name) => table.startsWith(`${name}_`))) continue;
    tables.set(table, [...(tables.get(table) ?? []), column]);
  }
  return tables;
}

/**
 * Copies a whole database (every row of every table, ids, review history and tokens as they
 * are) from one URL to another, either engine to either engine, in one transaction on the
 * target: a failure leaves the target as it was. The target is migrated first and must hold no
 * rows. PostgreSQL's id sequences are set past the copied ids.
 */
export async function copyDatabase(fromUrl: string, toUrl: string): Promise<CopyResult> {
  await applyMigrations(toUrl);
  const from = createDb(fromUrl);
  const to = createDb(toUrl);
  try {
    const [fromTables, toTables] = await Promise.all([tableColumns(from), tableColumns(to)]);
    for (const table of new Set([...fromTables.keys(), ...toTables.keys()])) {
      if (!TABLES.some((t) => t.name === table)) throw new Error(`copy does not know table "${table}"`);
    }
    for (const { name } of TABLES) {
      const a = fromTables.get(name)?.join(",");
      const b = toTables.get(name)?.join(",");
      if (a === undefined || b === undefined || [...a.split(",")].sort().join() !== [...b.split(",")].sort().join()) {
        throw new Error(`table "${name}" differs between the databases: migrate the source first`);
      }
    }
    const rows: Record<string, number> = {};
    await writeTransaction(to, async (sql) => {
      for (const { name } of TABLES) {
        const [{ n }] = (await sql.rows<{ n: number }>(
          Prisma.sql`SELECT COUNT(*) AS "n" FROM ${Prisma.raw(quoted(name))}`,
        )) as [{ n: number }];
        if (Number(n) > 0) throw conflict("target_not_empty", `the target database is not empty (table ${name})`);
      }
      for (const table of TABLES) {
        rows[table.name] = await copyTable(from, sql, table.name, table.key, fromTables.get(table.name)!);
      }
      if (engineOfDb(to) === "postgresql") {
        for (const { name, key } of TABLES) {
          if (key.length !== 1) continue;
          await sql.rows(
            Prisma.sql`SELECT setval(pg_get_serial_sequence(${quoted(name)}, 'id'), COALESCE(MAX("id"), 0) + 1, false) FROM ${Prisma.raw(quoted(name))}`,
          );
        }
      }
    });
    return { rows };
  } finally {
    await Promise.all([from.$disconnect(), to.$disconnect()]);
  }
}

/** Copies one table in key order, a batch at a time; a source's affiliation is set once every source is there. */
async function copyTable(from: Db, sql: SqlWriter, table: string, key: string[], columns: string[]): Promise<number> {
  const keyList = Prisma.raw(key.map(quoted).join(", "));
  const select = Prisma.raw(columns.map(quoted).join(", "));
  const affiliated: [number, number][] = [];
  let after: unknown[] | undefined;
  let copied = 0;
  for (;;) {
    const where = after === undefined ? Prisma.empty : Prisma.sql`WHERE (${keyList}) > (${Prisma.join(after)})`;
    const batch = await queryRows<Record<string, unknown>>(
      from,
      Prisma.sql`SELECT ${select} FROM ${Prisma.raw(quoted(table))} ${where} ORDER BY ${keyList} LIMIT ${BATCH}`,
    );
    if (batch.length === 0) break;
    const values = batch.map((row) =>
      columns.map((column) => {
        if (table === "Source" && column === "affiliationId" && row[column] !== null) {
          affiliated.push([Number(row.id), Number(row[column])]);
          return null;
        }
        return row[column];
      }),
    );
    await sql.insert(table, columns, values);
    copied += batch.length;
    const last = batch[batch.length - 1]!;
    after = key.map((column) => last[column]);
    if (batch.length < BATCH) break;
  }
  for (const [id, affiliationId] of affiliated) {
    await sql.execute(Prisma.sql`UPDATE "Source" SET "affiliationId" = ${affiliationId} WHERE "id" = ${id}`);
  }
  return copied;
}
