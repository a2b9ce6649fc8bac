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

/** Deletes every article, proposition, source and topic (claims, chains and relations go with them). */
export async function emptyDatabase(db: Db): Promise<void> {
  await db.article.deleteMany();
  await db.proposition.deleteMany();
  // Sources point at their affiliations; unlink them first so they delete in any order.
  await db.source.updateMany({ data: { affiliationId: null } });
  await db.source.deleteMany();
  await db.topic.deleteMany();
}
