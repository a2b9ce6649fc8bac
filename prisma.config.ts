import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, engineOf } from "./src/db/url.js";

// The schema reads env("DATABASE_URL"); without a URL the CLI would try to download a native engine.
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
const databaseUrl = process.env.DATABASE_URL;

// The driver adapter makes the CLI use Prisma's Wasm schema engine, so no native engine
// is downloaded (see README, "Prisma offline"). The adapter must match the schema's provider,
// so a postgres URL selects the generated PostgreSQL schema (prisma/postgresql). The CLI is only
// used on PostgreSQL to generate the client and diff schemas; src/db/migrate.ts applies its migrations.
const postgres = engineOf(databaseUrl) === "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  adapter: async () =>
    postgres
      ? new PrismaPg({ connectionString: databaseUrl, idleTimeoutMillis: 1_000, allowExitOnIdle: true })
      : new PrismaBetterSQLite3({ url: databaseUrl }),
});
