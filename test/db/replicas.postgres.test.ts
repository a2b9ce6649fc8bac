import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { createDb, type Db } from "../../src/db/client.js";
import { inRequestScope, queryRows, writeTransaction } from "../../src/db/sql.js";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { smallSheet } from "../support/sheets.js";
import { type Standby, startStandby } from "../support/standby.js";
import { createPostgresTestDb, type TestDb } from "../support/testDb.js";

// PostgreSQL only: a real streaming hot standby, started here, serves the hand-written reads.
let primary: TestDb;
let standby: Standby;
let db: Db;
let replica: Db;

const onStandby = () => queryRows<{ standby: boolean }>(replica, Prisma.sql`SELECT pg_is_in_recovery() AS "standby"`);
const topics = (client: Db) =>
  queryRows<{ slug: string }>(
    client,
    Prisma.sql`SELECT "slug" FROM "Topic" WHERE "slug" LIKE 'replica-%' ORDER BY "slug"`,
  );

async function caughtUp(): Promise<void> {
  const [{ lsn }] = (await queryRows<{ lsn: string }>(
    primary.db,
    Prisma.sql`SELECT pg_current_wal_lsn()::text AS "lsn"`,
  )) as [{ lsn: string }];
  for (let i = 0; i < 200; i++) {
    const [row] = await queryRows<{ done: boolean }>(
      replica,
      Prisma.sql`SELECT pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn AS "done"`,
    );
    if (row!.done) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the standby did not catch up");
}

beforeAll(async () => {
  primary = createPostgresTestDb();
  await importClaimSheet(primary.db, smallSheet());
  standby = startStandby(5433 + (process.pid % 200));
  db = createDb(primary.url, { replicaUrls: [standby.urlOf(primary.url)] });
  replica = createDb(standby.urlOf(primary.url));
  expect(await onStandby()).toEqual([{ standby: true }]);
  await caughtUp();
}, 120_000);
afterAll(async () => {
  await db?.$disconnect();
  await replica?.$disconnect();
  standby?.stop();
  await primary?.close();
});

/** Runs `work` with the standby not replaying the primary's WAL, so it shows what it had before. */
async function withReplayPaused<T>(work: () => Promise<T>): Promise<T> {
  await queryRows(replica, Prisma.sql`SELECT pg_wal_replay_pause()::text AS "paused"`);
  try {
    return await work();
  } finally {
    await queryRows(replica, Prisma.sql`SELECT pg_wal_replay_resume()::text AS "resumed"`);
  }
}

describe("read replicas", () => {
  it("serves a request's reads from the replica and its writes from the primary", async () => {
    const servedBy = await inRequestScope(() =>
      queryRows<{ standby: boolean }>(db, Prisma.sql`SELECT pg_is_in_recovery() AS "standby"`),
    );
    expect(servedBy).toEqual([{ standby: true }]);
    // Outside a request (the CLI, an import's checks) reads go to the primary.
    expect(await queryRows(db, Prisma.sql`SELECT pg_is_in_recovery() AS "standby"`)).toEqual([{ standby: false }]);

    await withReplayPaused(async () => {
      await db.topic.create({ data: { slug: "replica-a" } });
      expect(await topics(primary.db)).toEqual([{ slug: "replica-a" }]);
      // Not yet on the replica, so a read that sees nothing was served by the replica.
      expect(await inRequestScope(() => topics(db))).toEqual([]);
      // The ORM's reads too; outside a request they go to the primary.
      const ormTopics = () =>
        db.topic.findMany({ where: { slug: { startsWith: "replica-" } }, select: { slug: true } });
      // (awaited inside the scope: a Prisma query runs when it is awaited, not when it is built)
      expect(await inRequestScope(async () => await ormTopics())).toEqual([]);
      expect(await inRequestScope(async () => await db.topic.count({ where: { slug: "replica-a" } }))).toBe(0);
      expect(await ormTopics()).toEqual([{ slug: "replica-a" }]);
      const res = await request(buildApp({ config: { bodyLimitBytes: 1024 }, db, log: () => {} }))
        .get("/api/claims?topic=replica-a")
        .expect(200);
      expect(res.body.data).toEqual([]);
    });
    await caughtUp();
    expect(await inRequestScope(() => topics(db))).toEqual([{ slug: "replica-a" }]);
  });

  it("reads its own writes: after a request writes, its reads go to the primary", async () => {
    await withReplayPaused(async () => {
      const seen = await inRequestScope(async () => {
        const before = await topics(db);
        await writeTransaction(db, (sql) => sql.insert("Topic", ["slug"], [["replica-b"]]));
        return { before, after: await topics(db) };
      });
      expect(seen.before).toEqual([{ slug: "replica-a" }]);
      expect(seen.after).toEqual([{ slug: "replica-a" }, { slug: "replica-b" }]);

      const viaOrm = await inRequestScope(async () => {
        await db.topic.create({ data: { slug: "replica-c" } });
        return topics(db);
      });
      expect(viaOrm).toEqual([{ slug: "replica-a" }, { slug: "replica-b" }, { slug: "replica-c" }]);
      // Another request that has not written still reads the (paused) replica.
      expect(await inRequestScope(() => topics(db))).toEqual([{ slug: "replica-a" }]);
    });
  });

  it("refuses writes on the standby itself", async () => {
    await expect(
      queryRows(replica, Prisma.sql`INSERT INTO "Topic" ("slug") VALUES (${"nope"}) RETURNING "id"`),
    ).rejects.toThrow(/read-only transaction/);
  });
});
