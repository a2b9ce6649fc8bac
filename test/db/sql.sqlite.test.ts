import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedConnection } from "../../src/db/client.js";
import { renderSql } from "../../src/db/dialect.js";
import { inList, queryRows } from "../../src/db/sql.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let testDb: TestDb;
beforeAll(async () => {
  testDb = createTestDb();
  await testDb.db.topic.createMany({ data: [{ slug: "energy" }, { slug: "ไทย" }] });
});
afterAll(() => testDb.close());

const topicsQuery = (prefix: string) =>
  Prisma.sql`SELECT "id", "slug", "id" > 0 AS "positive" FROM "Topic" WHERE "slug" >= ${prefix} ORDER BY "slug"`;

describe("queryRows", () => {
  it("runs on the connection Prisma opened, so it sees what Prisma wrote", async () => {
    const connection = await sharedConnection(testDb.db);
    expect(connection?.open).toBe(true);
    expect(await queryRows(testDb.db, topicsQuery(""))).toEqual([
      { id: 1, slug: "energy", positive: 1 },
      { id: 2, slug: "ไทย", positive: 1 },
    ]);
  });

  it("prepares a statement once and binds each call's values", async () => {
    const connection = (await sharedConnection(testDb.db))!;
    const prepare = connection.prepare.bind(connection);
    let prepared = 0;
    connection.prepare = ((sql: string) => {
      prepared++;
      return prepare(sql);
    }) as typeof connection.prepare;
    try {
      const query = Prisma.sql`SELECT "slug" FROM "Topic" WHERE "slug" = ${"energy"} OR "id" = ${2} ORDER BY "id"`;
      expect(await queryRows(testDb.db, query)).toEqual([{ slug: "energy" }, { slug: "ไทย" }]);
      expect(
        await queryRows(
          testDb.db,
          Prisma.sql`SELECT "slug" FROM "Topic" WHERE "slug" = ${"ไทย"} OR "id" = ${0} ORDER BY "id"`,
        ),
      ).toEqual([{ slug: "ไทย" }]);
      expect(prepared).toBe(1);
    } finally {
      connection.prepare = prepare;
    }
  });

  it("goes through $queryRaw on a transaction's client, and sees the transaction's own writes", async () => {
    await testDb.db
      .$transaction(async (tx) => {
        await tx.topic.create({ data: { slug: "fresh" } });
        expect(await sharedConnection(tx)).toBeUndefined();
        const rows = await queryRows<{ slug: string }>(
          tx,
          Prisma.sql`SELECT "slug" FROM "Topic" WHERE "slug" = ${"fresh"}`,
        );
        expect(rows).toEqual([{ slug: "fresh" }]);
        throw new Error("roll back");
      })
      .catch((error: Error) => expect(error.message).toBe("roll back"));
    expect(await queryRows(testDb.db, Prisma.sql`SELECT "slug" FROM "Topic" WHERE "slug" = ${"fresh"}`)).toEqual([]);
  });
});

const sqlite = (values: unknown[]) => renderSql(Prisma.sql`${inList(values)}`, "sqlite");

describe("inList on SQLite", () => {
  it("pads a list to the next power of two with its last value, so lists of 5 to 8 values share one statement", () => {
    expect(sqlite([7]).values).toEqual([7]);
    expect(sqlite([1, 2, 3]).values).toEqual([1, 2, 3, 3]);
    expect(sqlite([1, 2, 3, 4, 5]).values).toEqual([1, 2, 3, 4, 5, 5, 5, 5]);
    expect(sqlite([1, 2, 3, 4, 5]).text).toBe(sqlite([1, 2, 3, 4, 5, 6, 7, 8]).text);
    expect(sqlite(Array.from({ length: 300 }, (_, i) => i)).values).toHaveLength(512);
  });

  it("leaves lists longer than 512 as they are", () => {
    expect(sqlite(Array.from({ length: 513 }, (_, i) => i)).values).toHaveLength(513);
  });

  it("selects the same rows as the list itself", async () => {
    const slugs = (values: unknown[]) =>
      queryRows<{ slug: string }>(
        testDb.db,
        Prisma.sql`SELECT "slug" FROM "Topic" WHERE "id" IN (${inList(values)}) ORDER BY "id"`,
      );
    expect(await slugs([2, 1, 2])).toEqual([{ slug: "energy" }, { slug: "ไทย" }]);
    expect(await slugs([2])).toEqual([{ slug: "ไทย" }]);
  });

  it("refuses an empty list, which SQL cannot express", () => {
    expect(() => inList([])).toThrow("an IN list needs at least one value");
  });
});
