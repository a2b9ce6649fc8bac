// SQLite-only: WAL, busy_timeout and SQLITE_BUSY are the SQLite engine's locking (PostgreSQL never answers busy).
import Database from "better-sqlite3";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { createDb, type Db, SERVER_BUSY_TIMEOUT_MS, sqliteFilePath } from "../../src/db/client.js";
import { createApiToken, settleLastUsedWrites } from "../../src/domain/access/tokenService.js";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { smallSheet } from "../support/sheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let test: TestDb;
let serverDb: Db;
let token: string;
let relationId: number;

beforeAll(async () => {
  test = createTestDb();
  await importClaimSheet(test.db, smallSheet());
  token = (await createApiToken(test.db, { name: "busy reviewer", role: "reviewer" })).token;
  relationId = (await test.db.relation.findFirstOrThrow()).id;
  serverDb = createDb(test.url, { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
});
afterAll(async () => {
  await serverDb.$disconnect();
  await test.close();
});

/** Holds the write lock from another connection (as a CLI import in another process does) while `work` runs. */
async function whileAnotherWriterHoldsTheLock<T>(work: () => Promise<T>): Promise<T> {
  const other = new Database(sqliteFilePath(test.url));
  other.exec('BEGIN IMMEDIATE; UPDATE "Source" SET "name" = "name";');
  try {
    return await work();
  } finally {
    other.exec("ROLLBACK");
    other.close();
  }
}

describe("another process holding the write lock", () => {
  const app = () => buildApp({ config: { bodyLimitBytes: 1024 * 1024 }, db: serverDb, log: () => {} });

  it("uses WAL with synchronous=NORMAL", async () => {
    await serverDb.article.count();
    const file = new Database(sqliteFilePath(test.url), { readonly: true });
    expect(file.pragma("journal_mode", { simple: true })).toBe("wal");
    file.close();
    const [{ synchronous }] = await serverDb.$queryRawUnsafe<[{ synchronous: bigint | number }]>("PRAGMA synchronous");
    expect(Number(synchronous)).toBe(1);
  });

  it("does not block reads, even with a token whose lastUsedAt is due", async () => {
    await whileAnotherWriterHoldsTheLock(async () => {
      const res = await request(app()).get("/api/claims").set("Authorization", `Bearer ${token}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(3);
      await settleLastUsedWrites();
    });
  });

  it("answers a write 503 busy with Retry-After, soon, never 500", async () => {
    await whileAnotherWriterHoldsTheLock(async () => {
      const res = await request(app())
        .post(`/api/relations/${relationId}/review`)
        .set("Authorization", `Bearer ${token}`)
        .set("If-Match", '"1"')
        .send({ status: "confirmed" });
      expect(res.status).toBe(503);
      expect(res.headers["retry-after"]).toBe("1");
      expect(res.body).toEqual({
        error: { code: "busy", message: "the database is busy with another write; try again shortly", details: null },
      });
    });
    const res = await request(app())
      .post(`/api/relations/${relationId}/review`)
      .set("Authorization", `Bearer ${token}`)
      .set("If-Match", '"1"')
      .send({ status: "confirmed" });
    expect(res.status).toBe(200);
  });
});
