import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { createDb, type Db } from "../../src/db/client.js";

export interface TestDb {
  db: Db;
  url: string;
  close(): Promise<void>;
}

/** A fresh SQLite file with every committed migration applied (a copy of the migrated template). */
export function createTestDb(): TestDb {
  const folder = mkdtempSync(join(tmpdir(), "claimtrail-db-"));
  const file = join(folder, "test.db");
  copyFileSync(inject("templateDatabase"), file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    async close() {
      await db.$disconnect();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
