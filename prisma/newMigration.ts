/**
 * Authors a migration from the difference between the last committed schema and the working
 * one (`npm run db:new-migration -- NAME`), for SQLite and its PostgreSQL twin. Prisma's `migrate
 * dev` needs a native engine that cannot be downloaded here, so this replaces it; `npm run
 * db:migrate` applies the result.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { writePostgresTwins } from "./postgresTwins.js";

const parsedName = z
  .string({ error: "usage: npm run db:new-migration -- NAME" })
  .regex(/^[a-z0-9_]+$/, "NAME must be lowercase letters, digits and underscores")
  .safeParse(process.argv[2]);
if (!parsedName.success) {
  console.error(parsedName.error.issues[0]!.message);
  process.exit(1);
}
const name = parsedName.data;

const scratch = mkdtempSync(join(tmpdir(), "claimtrail-schema-"));
const previous = join(scratch, "schema.prisma");
writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" }));
const sql = execFileSync(
  "npx",
  [
    "prisma",
    "migrate",
    "diff",
    "--from-schema-datamodel",
    previous,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  // The CLI opens its driver adapter even for a diff: point it at a scratch file, not the real database.
  { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${join(scratch, "diff.db")}` } },
);
if (!/\S/.test(sql.replace(/^--.*$/gm, ""))) {
  console.error("prisma/schema.prisma has no change since HEAD: no migration written");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, "migration.sql"), sql);
console.error(`wrote ${folder}/migration.sql; apply it with npm run db:migrate`);
// The PostgreSQL twin is diffed by the CLI through a PostgreSQL connection (POSTGRES_ADMIN_URL,
// default the local server's socket); without one, `npm run db:postgres` writes it later.
try {
  writePostgresTwins();
} catch (error) {
  console.error(
    `the PostgreSQL twin was not written (${(error as Error).message.split("\n")[0]}); run npm run db:postgres`,
  );
  process.exitCode = 1;
}
