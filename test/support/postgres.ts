import { spawnSync } from "node:child_process";

/** The URL of another database on the same server as `url`. */
export function withDatabase(url: string, database: string): string {
  const match = /^(postgres(?:ql)?:\/\/[^/]*\/)([^?]*)(.*)$/.exec(url);
  if (!match) throw new Error(`not a postgres:// URL with a database name: ${url}`);
  return `${match[1]}${database}${match[3]}`;
}

/** The database a postgres:// URL names. */
export function databaseName(url: string): string {
  const match = /^postgres(?:ql)?:\/\/[^/]*\/([^?]*)/.exec(url);
  if (!match?.[1]) throw new Error(`not a postgres:// URL with a database name: ${url}`);
  return decodeURIComponent(match[1]);
}

/**
 * Runs SQL on the server's `postgres` database with psql, synchronously: test files make their
 * databases at import time, and `CREATE DATABASE` cannot run inside a transaction anyway.
 */
export function psqlAdmin(url: string, sql: string): string {
  const result = spawnSync("psql", [withDatabase(url, "postgres"), "-v", "ON_ERROR_STOP=1", "-tAc", sql], {
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`psql failed (${sql}): ${result.stderr}${result.error ?? ""}`);
  return result.stdout;
}

export function quoted(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  return `"${name}"`;
}

/** Drops a database, closing what is still connected to it. */
export function dropDatabase(url: string, database: string): void {
  psqlAdmin(url, `DROP DATABASE IF EXISTS ${quoted(database)} WITH (FORCE)`);
}
