import { engineOf } from "../../src/db/url.js";

/**
 * The engine the suite runs on: SQLite unless TEST_DATABASE_URL names a PostgreSQL database
 * (postgres://USER:PASSWORD@HOST:PORT/PREFIX), whose name is then the prefix of every database
 * the tests make on that server.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "";
export const TEST_ENGINE = TEST_DATABASE_URL === "" ? "sqlite" : engineOf(TEST_DATABASE_URL);
if (TEST_ENGINE !== "postgresql" && TEST_DATABASE_URL !== "") {
  throw new Error("TEST_DATABASE_URL must be a postgres:// URL (SQLite needs none)");
}
