import { describe, expect, it } from "vitest";
import {
  databaseName,
  dropPostgres,
  preparePostgres,
  readPostgresImportRecord,
  withDatabase,
} from "../../bench/postgresDatabase.js";
import { TEST_DATABASE_URL } from "../support/engine.js";
import { describeSmokeRun, SMOKE_CLAIMS } from "./benchSmokeRun.js";

// The PostgreSQL twin of benchSmoke.test.ts: the same run against a database the benchmark
// creates (named like the suite's others, PREFIX_PID_..., so a killed run's is cleaned up).
const url = withDatabase(TEST_DATABASE_URL, `${databaseName(TEST_DATABASE_URL)}_${process.pid}_bench`);

describeSmokeRun("postgresql", "psql \\copy csv", {
  create: async () => {
    await dropPostgres(url);
    expect(await preparePostgres(url, false)).toEqual({ reuse: false, created: true });
    return url;
  },
});

describe("preparePostgres", () => {
  it("refuses the corpus it built unless asked to reuse it, and reuses it when asked", async () => {
    await expect(preparePostgres(url, false)).rejects.toThrow(/is not empty/);
    expect(await preparePostgres(url, true)).toEqual({ reuse: true, created: false });
    expect((await readPostgresImportRecord(url))?.figures.claims).toBe(SMOKE_CLAIMS);
    await dropPostgres(url);
  });

  it("refuses a database that holds tables it did not build, even with reuse", async () => {
    const other = withDatabase(TEST_DATABASE_URL, `${databaseName(TEST_DATABASE_URL)}_${process.pid}_foreign`);
    await dropPostgres(other);
    await preparePostgres(other, false);
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: other });
    await client.connect();
    await client.query(`CREATE TABLE "Notes" ("id" int)`);
    await client.end();
    await expect(preparePostgres(other, true)).rejects.toThrow(/no corpus this benchmark built/);
    await expect(preparePostgres(other, false)).rejects.toThrow(/is not empty/);
    await dropPostgres(other);
  });
});
