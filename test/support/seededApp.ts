import type { Express } from "express";
import { afterAll, beforeAll } from "vitest";
import { loadSeed } from "../../seed/loadSeed.js";
import { buildApp } from "../../src/app.js";
import { CLI_BUSY_TIMEOUT_MS } from "../../src/db/client.js";
import { importThread, type SheetImporter } from "../../src/domain/sheets/importThread.js";
import { createTestDb, type TestDb } from "./testDb.js";

/** A fresh database loaded with the seed article and an app over it, for one test file. */
export function useSeededApp(): {
  app: () => Express;
  testDb: () => TestDb;
  claimId: (key: string) => Promise<number>;
} {
  let testDb: TestDb;
  let app: Express;
  let importer: SheetImporter;
  beforeAll(async () => {
    testDb = createTestDb();
    await loadSeed(testDb.db);
    importer = importThread({ databaseUrl: testDb.url, busyTimeoutMs: CLI_BUSY_TIMEOUT_MS });
    app = buildApp({ config: { bodyLimitBytes: 64 * 1024 }, db: testDb.db, importer });
  });
  afterAll(async () => {
    await importer.close();
    await testDb.close();
  });
  return {
    app: () => app,
    testDb: () => testDb,
    claimId: async (key) => (await testDb.db.claim.findFirstOrThrow({ where: { key }, select: { id: true } })).id,
  };
}
