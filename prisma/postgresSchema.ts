/**
 * The PostgreSQL copy of the one hand-edited schema. Prisma reads `provider` literally offline
 * (`env(...)` makes it download an engine), so prisma/postgresql/schema.prisma is generated from
 * prisma/schema.prisma: same models, another provider and client output. A test checks it is current.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const SQLITE_SCHEMA = join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = join("prisma", "postgresql", "schema.prisma");
export const SQLITE_MIGRATIONS = join("prisma", "migrations");
export const POSTGRES_MIGRATIONS = join("prisma", "postgresql", "migrations");

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:postgres` (edit that file, not this one).\n";

/** The PostgreSQL twin of a SQLite schema's text. */
export function postgresSchemaText(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output(\s*)=(\s*)"\.\.\/src\/generated\/prisma"/, 'output$1=$2"../../src/generated/prisma-pg"');
  if (replaced === sqliteSchema) throw new Error("prisma/schema.prisma: no sqlite provider to replace");
  return HEADER + replaced;
}

/** What prisma/postgresql/schema.prisma must hold for the working prisma/schema.prisma. */
export function expectedPostgresSchema(root = "."): string {
  return postgresSchemaText(readFileSync(join(root, SQLITE_SCHEMA), "utf8"));
}
