import { configDefaults, defineConfig } from "vitest/config";

// With TEST_DATABASE_URL=postgres://... the suite runs on PostgreSQL (test/support/engine.ts).
// Tests of one engine's internals say so in their name: *.sqlite.test.ts, *.postgres.test.ts.
const postgres = (process.env.TEST_DATABASE_URL ?? "") !== "";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [...configDefaults.exclude, postgres ? "test/**/*.sqlite.test.ts" : "test/**/*.postgres.test.ts"],
    globalSetup: ["test/support/globalSetup.ts"],
    // Each file gets its own database; two workers match the two cores CI has.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
