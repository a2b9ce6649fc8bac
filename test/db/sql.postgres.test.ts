import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresHandles } from "../../src/db/client.js";
import { renderSql } from "../../src/db/dialect.js";
import { inList, queryRows, writeTransaction } from "../../src/db/sql.js";
import { AppError } from "../../src/errors.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

// PostgreSQL twins of sql.sqlite.test.ts and sqlWriter.sqlite.test.ts: the same module, the other driver.
let testDb: TestDb;
beforeAll(async () => {
  testDb = createTestDb();
  await testDb.db.topic.createMany({ data: [{ slug: "energy" }, { slug: "ไทย" }] });
});
afterAll(() => testDb.close());

describe("renderSql on PostgreSQL", () => {
  it("numbers placeholders and binds a whole IN list as one array, whatever its length", () => {
    const query = (ids: number[]) =>
      Prisma.sql`SELECT "id" FROM "Topic" WHERE "slug" = ${"x"} AND "id" IN (${inList(ids)}) AND "id" > ${0}`;
    expect(renderSql(query([1, 2, 3]), "postgresql")).toEqual({
      text: `SELECT "id" FROM "Topic" WHERE "slug" = $1 AND "id" = ANY($2) AND "id" > $3`,
      values: ["x", [1, 2, 3], 0],
    });
    expect(renderSql(query(Array.from({ length: 700 }, (_, i) => i)), "postgresql").text).toBe(
      renderSql(query([1]), "postgresql").text,
    );
  });

  it("binds a date as its UTC ISO text", () => {
    const at = new Date("2023-09-20T03:04:05.678Z");
    expect(renderSql(Prisma.sql`SELECT ${at}`, "postgresql").values).toEqual(["2023-09-20T03:04:05.678Z"]);
  });
});

describe("queryRows on PostgreSQL", () => {
  it("reads through the pool with numbers for int8 counts and booleans as booleans", async () => {
    expect(await queryRows(testDb.db, Prisma.sql`SELECT COUNT(*) AS "n", COUNT(*) > 1 AS "many" FROM "Topic"`)).toEqual(
      [{ n: 2, many: true }],
    );
  });

  it("selects the same rows for a list with repeats and for lists longer than SQLite's padding", async () => {
    const slugs = (ids: number[]) =>
      queryRows<{ slug: string }>(
        testDb.db,
        Prisma.sql`SELECT "slug" FROM "Topic" WHERE "id" IN (${inList(ids)}) ORDER BY "id"`,
      );
    const [energy, thai] = (await testDb.db.topic.findMany({ orderBy: { id: "asc" } })).map((t) => t.id);
    expect(await slugs([thai!, energy!, thai!])).toEqual([{ slug: "energy" }, { slug: "ไทย" }]);
    expect(await slugs([...Array.from({ length: 2000 }, (_, i) => -i), thai!])).toEqual([{ slug: "ไทย" }]);
  });

  it("prepares a named statement once per connection", async () => {
    const pool = postgresHandles(testDb.db)!.primary;
    const client = await pool.connect();
    client.release();
    const text = Prisma.sql`SELECT "slug" FROM "Topic" WHERE "slug" = ${"energy"} /* named */`;
    for (let i = 0; i < 3; i++) await queryRows(testDb.db, text);
    const [row] = await queryRows<{ n: number }>(
      testDb.db,
      Prisma.sql`SELECT COUNT(*) AS "n" FROM pg_prepared_statements WHERE statement LIKE ${"%/* named */%"}`,
    );
    expect(row!.n).toBe(1);
  });

  it("reads and writes timestamp(3) columns as UTC whatever TZ is", async () => {
    const previous = process.env.TZ;
    process.env.TZ = "Asia/Bangkok";
    try {
      const at = new Date("2023-09-20T03:04:05.678Z");
      await writeTransaction(testDb.db, (sql) =>
        sql.insert("ApiToken", ["name", "role", "tokenSha256", "createdAt"], [["tz", "reader", "x".repeat(64), at]]),
      );
      const [row] = await queryRows<{ createdAt: Date; text: string }>(
        testDb.db,
        Prisma.sql`SELECT "createdAt", to_char("createdAt", 'HH24:MI:SS.MS') AS "text" FROM "ApiToken" WHERE "name" = ${"tz"}`,
      );
      expect(row).toEqual({ createdAt: at, text: "03:04:05.678" });
      expect((await testDb.db.apiToken.findUniqueOrThrow({ where: { name: "tz" } })).createdAt).toEqual(at);
    } finally {
      process.env.TZ = previous;
    }
  });
});

describe("writeTransaction on PostgreSQL", () => {
  it("inserts many rows in one statement, in order, and rolls everything back on an error", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`bulk-${String(i).padStart(4, "0")}`]);
    await expect(
      writeTransaction(testDb.db, async (sql) => {
        const ids = await sql.insert<{ id: number; slug: string }>("Topic", ["slug"], rows, ["id", "slug"]);
        expect(ids).toHaveLength(1000);
        expect(await sql.rows(Prisma.sql`SELECT COUNT(*) AS "n" FROM "Topic" WHERE "slug" LIKE 'bulk-%'`)).toEqual([
          { n: 1000 },
        ]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await testDb.db.topic.count({ where: { slug: { startsWith: "bulk-" } } })).toBe(0);
  });

  it("turns a broken unique constraint (23505) into the 409 conflict the ORM's P2002 gives", async () => {
    const error = await writeTransaction(testDb.db, (sql) => sql.insert("Topic", ["slug"], [["energy"]])).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409, code: "already_exists" });
    const viaExecute = await writeTransaction(testDb.db, (sql) =>
      sql.execute(Prisma.sql`INSERT INTO "Topic" ("slug") VALUES (${"energy"})`),
    ).catch((e: unknown) => e);
    expect(viaExecute).toMatchObject({ status: 409, code: "already_exists" });
  });
});
