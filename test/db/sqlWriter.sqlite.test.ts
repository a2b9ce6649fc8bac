import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { type Db, sharedConnection } from "../../src/db/client.js";
import { sqlWriter, withBulkWriteSettings } from "../../src/db/sql.js";
import { AppError } from "../../src/errors.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { createTestDb } from "../support/testDb.js";

const testDb = createTestDb();
const { db } = testDb;
afterAll(() => testDb.close());
beforeEach(async () => {
  await db.topic.deleteMany();
});

const slugs = async () =>
  (await db.topic.findMany({ orderBy: { id: "asc" }, select: { slug: true } })).map((t) => t.slug);
const rollBack = (error: Error) => expect(error.message).toBe("roll back");

describe("sqlWriter on Prisma's connection", () => {
  it("writes inside the open transaction: its reads see the writes, and a rollback undoes them", async () => {
    await db
      .$transaction(async (tx) => {
        const sql = await sqlWriter(db, tx);
        expect(await sql.execute(Prisma.sql`INSERT INTO "Topic" ("slug") VALUES (${"energy"})`)).toBe(1);
        expect(await sql.rows(Prisma.sql`INSERT INTO "Topic" ("slug") VALUES (${"ไทย"}) RETURNING "slug"`)).toEqual([
          { slug: "ไทย" },
        ]);
        expect(await tx.topic.count()).toBe(2);
        throw new Error("roll back");
      })
      .catch(rollBack);
    expect(await slugs()).toEqual([]);
  });

  it("inserts many rows in order, a few statements whatever their number, returning the columns asked for", async () => {
    const connection = (await sharedConnection(db))!;
    const prepare = connection.prepare.bind(connection);
    const prepared: string[] = [];
    connection.prepare = ((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    }) as typeof connection.prepare;
    try {
      const names = Array.from({ length: 150 }, (_, i) => `topic-${i}`);
      const returned = await db.$transaction(async (tx) => {
        const sql = await sqlWriter(db, tx);
        const rows = await sql.insert<{ id: number; slug: string }>(
          "Topic",
          ["slug"],
          names.map((slug) => [slug]),
          ["id", "slug"],
        );
        await sql.insert("Topic", ["slug"], [["one-more"]]);
        await sql.insert("Topic", ["slug"], []);
        return rows;
      });
      expect(await slugs()).toEqual([...names, "one-more"]);
      expect(returned.map((r) => r.slug).sort()).toEqual([...names].sort());
      expect(returned.every((r) => typeof r.id === "number")).toBe(true);
      // 150 = 64 + 64 + 16 + 4 + 1 + 1: three shapes with RETURNING, and the one-row one without.
      expect(prepared.filter((sql) => sql.startsWith('INSERT INTO "Topic"'))).toHaveLength(4);
    } finally {
      connection.prepare = prepare;
    }
  });

  it("turns a broken unique constraint into the 409 conflict the ORM's P2002 gives", async () => {
    await db
      .$transaction(async (tx) => {
        const sql = await sqlWriter(db, tx);
        await sql.insert("Topic", ["slug"], [["energy"]]);
        const error = await sql.insert("Topic", ["slug"], [["energy"]]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AppError);
        expect([(error as AppError).status, (error as AppError).code]).toEqual([409, "already_exists"]);
        throw new Error("roll back");
      })
      .catch(rollBack);
    expect(await slugs()).toEqual([]);
  });

  it("refuses to write when the connection has no open transaction", async () => {
    const sql = await sqlWriter(db, db);
    await expect(sql.execute(Prisma.sql`INSERT INTO "Topic" ("slug") VALUES (${"loose"})`)).rejects.toThrow(
      "no open transaction",
    );
    await expect(sql.insert("Topic", ["slug"], [["loose"]])).rejects.toThrow("no open transaction");
    expect(await slugs()).toEqual([]);
  });

  it("refuses a table or column that is not a plain identifier", async () => {
    await db
      .$transaction(async (tx) => {
        const sql = await sqlWriter(db, tx);
        await expect(sql.insert("Topic", ['slug"; DROP TABLE "Topic'], [["x"]])).rejects.toThrow(
          "not a plain identifier",
        );
        throw new Error("roll back");
      })
      .catch(rollBack);
  });
});

describe("sqlWriter on a client without a shared connection", () => {
  it("goes through the transaction's client, with integers as numbers", async () => {
    const unknownClient = {} as Db;
    await db
      .$transaction(async (tx) => {
        const sql = await sqlWriter(unknownClient, tx);
        const rows = await sql.insert<{ id: number; slug: string }>(
          "Topic",
          ["slug"],
          [["a"], ["b"], ["c"], ["d"], ["e"]],
          ["id", "slug"],
        );
        expect(rows.map((r) => r.slug).sort()).toEqual(["a", "b", "c", "d", "e"]);
        expect(rows.every((r) => typeof r.id === "number")).toBe(true);
        expect(await sql.execute(Prisma.sql`DELETE FROM "Topic" WHERE "slug" = ${"e"}`)).toBe(1);
        expect(await sql.rows(Prisma.sql`SELECT COUNT(*) AS "n" FROM "Topic"`)).toEqual([{ n: 4 }]);
        throw new Error("roll back");
      })
      .catch(rollBack);
    expect(await slugs()).toEqual([]);
  });
});

describe("withBulkWriteSettings", () => {
  it("keeps statement journals in memory while bulk writes run, and restores the setting after the last, even on failure", async () => {
    const connection = (await sharedConnection(db))!;
    const tempStore = () => Number(connection.pragma("temp_store", { simple: true }));
    expect(tempStore()).toBe(0);
    await withBulkWriteSettings(db, async () => {
      expect(tempStore()).toBe(2);
      await withBulkWriteSettings(db, async () => expect(tempStore()).toBe(2));
      expect(tempStore()).toBe(2);
    });
    expect(tempStore()).toBe(0);
    await expect(withBulkWriteSettings(db, async () => Promise.reject(new Error("failed")))).rejects.toThrow("failed");
    expect(tempStore()).toBe(0);
  });
});
