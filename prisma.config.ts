import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL } from "./src/db/url.js";

// The schema reads env("DATABASE_URL"); without a URL the CLI would try to download a native engine.
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
const databaseUrl = process.env.DATABASE_URL;

// The driver adapter makes the CLI use Prisma's Wasm schema engine, so no native engine
// is downloaded (see README, "Prisma offline").
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl }),
});
