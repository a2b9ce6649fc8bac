import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loadSeed.js";
import { createDb, type Db } from "../../src/db/client.js";
import { copyDatabase } from "../../src/db/copyDatabase.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { createApiToken, findPrincipal } from "../../src/domain/access/tokenService.js";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportTable,
  writeExport,
} from "../../src/domain/exports/writeExport.js";
import { reviewRelation } from "../../src/domain/relations/relationService.js";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { smallSheet } from "../support/sheets.js";
import { createPostgresTestDb, type TestDb } from "../support/testDb.js";

// PostgreSQL only: moving a desk from SQLite to PostgreSQL and back loses nothing.
const folder = mkdtempSync(join(tmpdir(), "claimtrail-copy-"));
const sqliteUrl = `file:${join(folder, "desk.db")}`;
const backUrl = `file:${join(folder, "back.db")}`;
let sqlite: Db;
let postgres: TestDb;
let token: string;

beforeAll(async () => {
  await applyMigrations(sqliteUrl);
  sqlite = createDb(sqliteUrl);
  await loadSeed(sqlite);
  await importClaimSheet(sqlite, smallSheet());
  token = (await createApiToken(sqlite, { name: "Kanya", role: "reviewer" })).token;
  const relation = await sqlite.relation.findFirstOrThrow({ orderBy: { id: "asc" } });
  await reviewRelation(sqlite, relation.id, { status: "confirmed", expectedVersion: 1, note: "checked" }, "Kanya");
  postgres = createPostgresTestDb();
}, 120_000);
afterAll(async () => {
  await sqlite.$disconnect();
  await postgres.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Every export but XLSX (a zip that records when it was written), as text. */
async function exportsOf(url: string): Promise<Record<string, string>> {
  const db = createDb(url);
  try {
    const out: Record<string, string> = {};
    for (const [table, formats] of Object.entries(EXPORT_FORMATS) as [ExportTable, readonly ExportFormat[]][]) {
      for (const format of formats.filter((f) => f !== "xlsx")) {
        const stream = new PassThrough();
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        await writeExport(db, { table, format, filters: {}, baseUrl: "http://desk" }, stream);
        out[`${table}.${format}`] = Buffer.concat(chunks).toString("utf8");
      }
    }
    return out;
  } finally {
    await db.$disconnect();
  }
}

async function history(url: string) {
  const db = createDb(url);
  try {
    return {
      events: await db.relationEvent.findMany({ orderBy: { id: "asc" } }),
      tokens: await db.apiToken.findMany({ orderBy: { id: "asc" } }),
      relations: await db.relation.findMany({ orderBy: { id: "asc" } }),
    };
  } finally {
    await db.$disconnect();
  }
}

describe("copyDatabase", () => {
  it("round-trips SQLite -> PostgreSQL -> SQLite with every export byte for byte, ids, history and tokens", async () => {
    const original = await exportsOf(sqliteUrl);
    expect(original["claims.csv"]!.split("\n").length).toBeGreaterThan(30);

    const toPostgres = await copyDatabase(sqliteUrl, postgres.url);
    expect(toPostgres.rows.Claim).toBe(await sqlite.claim.count());
    expect(toPostgres.rows.RelationEvent).toBe(await sqlite.relationEvent.count());
    expect(await exportsOf(postgres.url)).toEqual(original);

    const back = await copyDatabase(postgres.url, backUrl);
    expect(back.rows).toEqual(toPostgres.rows);
    expect(await exportsOf(backUrl)).toEqual(original);

    const before = await history(sqliteUrl);
    expect(before.events.some((e) => e.actor === "Kanya" && e.toStatus === "confirmed")).toBe(true);
    expect(await history(postgres.url)).toEqual(before);
    expect(await history(backUrl)).toEqual(before);
    expect(await findPrincipal(postgres.db, token)).toMatchObject({ name: "Kanya", role: "reviewer" });
  }, 180_000);

  it("sets PostgreSQL's id sequences past the copied ids, so new rows get fresh ids", async () => {
    const highest = (await postgres.db.apiToken.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    const { record } = await createApiToken(postgres.db, { name: "Somchai", role: "reader" });
    expect(record.id).toBe(highest + 1);
  });

  it("refuses a target that is not empty, and leaves it as it was", async () => {
    const claims = await postgres.db.claim.count();
    await expect(copyDatabase(sqliteUrl, postgres.url)).rejects.toMatchObject({
      status: 409,
      code: "target_not_empty",
    });
    expect(await postgres.db.claim.count()).toBe(claims);
  });
});

describe("claimtrail copy", () => {
  const run = promisify(execFile);
  const BIN = fileURLToPath(new URL("../../src/cli/claimtrail.mjs", import.meta.url));
  it("names the missing option", async () => {
    const failed = await run(process.execPath, [BIN, "copy", "--from", sqliteUrl]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain("--to is required");
  }, 90_000);

  it("copies into an empty database and prints the rows per table", async () => {
    const target = `file:${join(folder, "cli.db")}`;
    const { stdout } = await run(process.execPath, [BIN, "copy", "--from", postgres.url, "--to", target]);
    expect(stdout).toMatch(/^Source +\d+\n/);
    expect(stdout).toContain(`copied ${postgres.url.replace(/:[^:@/]+@/, ":***@")} to ${target}\n`);
    expect(await exportsOf(target)).toEqual(await exportsOf(postgres.url));
  }, 90_000);
});
