import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  expectedPostgresSchema,
  POSTGRES_MIGRATIONS,
  POSTGRES_SCHEMA,
  postgresSchemaText,
  SQLITE_MIGRATIONS,
} from "../../prisma/postgresSchema.js";
import { migrationNames } from "../../prisma/postgresTwins.js";

// Runs on every engine: the PostgreSQL side is generated, and must not fall behind.
describe("the PostgreSQL schema and migrations", () => {
  it("are the generated copy of prisma/schema.prisma (else: npm run db:postgres)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(expectedPostgresSchema());
  });

  it("have a twin of every SQLite migration, of the same name (else: npm run db:postgres)", () => {
    const sqlite = migrationNames(SQLITE_MIGRATIONS);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(migrationNames(POSTGRES_MIGRATIONS)).toEqual(sqlite);
    for (const name of sqlite) {
      const twin = readFileSync(`${POSTGRES_MIGRATIONS}/${name}/migration.sql`, "utf8");
      expect(twin, `${name} has a hand-written part left to do`).not.toMatch(/TODO by hand/);
    }
    expect(readFileSync(`${POSTGRES_MIGRATIONS}/migration_lock.toml`, "utf8")).toContain('provider = "postgresql"');
  });

  it("differ from the SQLite schema in provider and client output only", () => {
    const sqlite =
      'generator client {\n  output = "../src/generated/prisma"\n}\ndatasource db {\n  provider = "sqlite"\n}\n';
    expect(postgresSchemaText(sqlite)).toMatch(
      /^\/\/ GENERATED[^\n]*\ngenerator client {\n {2}output = "..\/..\/src\/generated\/prisma-pg"\n}\ndatasource db {\n {2}provider = "postgresql"\n}\n$/,
    );
    expect(() => postgresSchemaText("datasource db {}")).toThrow(/no sqlite provider/);
  });
});
