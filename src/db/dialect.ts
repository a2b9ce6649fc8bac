import { Prisma } from "../generated/prisma/client.js";
import { alreadyExists, isUniqueViolation } from "./errors.js";
import type { Engine } from "./url.js";

// Repositories write one SQL text for both engines (quoted identifiers, Prisma.sql values).
// What differs is rendered here: placeholders (? or $n), lists (padded IN lists on SQLite,
// one array on PostgreSQL), the few operators that differ, and how values are bound.

/** A list of values inside a Prisma.Sql, rendered per engine (see inList). */
class ListValue {
  constructor(readonly values: readonly unknown[]) {}
}

/** Longest IN list that is padded on SQLite; longer ones are left as they are. */
const LONGEST_PADDED_LIST = 512;

/**
 * The values of `x IN (${inList(values)})`. On SQLite a padded list of placeholders: padded to
 * the next power of two by repeating the last value, so lists of any length share a handful of
 * prepared statements instead of one per length (statements evicted from the cache hold native
 * memory until collected: a CSV export of 1M claims peaked 80-120 MB higher with a cache of 16
 * churning). On PostgreSQL `x = ANY($1)` with one array: one statement for every length, and no
 * limit on the number of parameters.
 */
export function inList(values: readonly unknown[]): Prisma.Sql {
  if (values.length === 0) throw new Error("an IN list needs at least one value");
  return Prisma.sql`${new ListValue(values)}`;
}

/** How a value is bound: SQLite stores booleans as 0/1 and dates as ISO text, as Prisma does. */
function bindSqlite(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  return value;
}

/**
 * PostgreSQL: a date is bound as its UTC ISO text, which a `timestamp(3)` column (no zone) takes
 * as UTC; node-pg would send local time, wrong whenever TZ is not UTC.
 */
function bindPostgres(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(bindPostgres);
  return value;
}

export const bind: Record<Engine, (value: unknown) => unknown> = { sqlite: bindSqlite, postgresql: bindPostgres };

export interface RenderedSql {
  text: string;
  values: unknown[];
}

/** The SQL text and bound values of a query for one engine. */
export function renderSql(query: Prisma.Sql, engine: Engine): RenderedSql {
  const values: unknown[] = [];
  const parts: string[] = [];
  const placeholder = (value: unknown) => {
    values.push(bind[engine](value));
    return engine === "sqlite" ? "?" : `$${values.length}`;
  };
  const render = (sql: Prisma.Sql) => {
    sql.strings.forEach((text, i) => {
      parts.push(text);
      if (i === sql.values.length) return;
      const value = sql.values[i];
      if (value instanceof ListValue) {
        parts.push(renderList(value.values, engine, parts, sql.strings[i + 1] ?? "", placeholder));
      } else {
        parts.push(placeholder(value));
      }
    });
  };
  render(query);
  return { text: parts.join(""), values };
}

function renderList(
  list: readonly unknown[],
  engine: Engine,
  parts: string[],
  next: string,
  placeholder: (value: unknown) => string,
): string {
  if (engine === "sqlite") {
    let size = 1;
    while (size < list.length) size *= 2;
    const padded = [...list];
    if (size <= LONGEST_PADDED_LIST) while (padded.length < size) padded.push(list[list.length - 1]);
    return padded.map(placeholder).join(", ");
  }
  const array = placeholder([...list]);
  const last = parts.length - 1;
  // `x IN (list)` becomes `x = ANY(array)`, which the planner treats as an IN list.
  const inOpen = /\bIN\s*\(\s*$/i;
  if (inOpen.test(parts[last]!) && /^\s*\)/.test(next)) {
    parts[last] = parts[last]!.replace(inOpen, "= ANY(");
    return array;
  }
  const type = list.every((v) => typeof v === "number" && Number.isInteger(v)) ? "int8" : "text";
  return `SELECT unnest(${array}::${type}[])`;
}

/**
 * A unique constraint broken by a hand-written write (another request stored the same slug
 * first) is the conflict Prisma's P2002 is for the ORM: the same 409 for the client, on both
 * engines, not a driver error.
 */
export function asConflict(error: unknown): unknown {
  return isUniqueViolation(error) ? alreadyExists() : error;
}
