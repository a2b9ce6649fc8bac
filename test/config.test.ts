import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  it("uses the documented defaults", () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: "file:./data/claimtrail.db",
      port: 3000,
      host: "127.0.0.1",
      bodyLimitBytes: 5 * 1024 * 1024,
      seedOnEmpty: true,
      readsRequireToken: false,
      writeRateLimitPerMinute: 60,
    });
  });

  it("names each bad variable", () => {
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "postgres://x", SEED_ON_EMPTY: "maybe" });
      expect.unreachable();
    } catch (error) {
      expect((error as ZodError).issues.map((issue) => issue.path.join("."))).toEqual([
        "DATABASE_URL",
        "PORT",
        "SEED_ON_EMPTY",
      ]);
    }
  });
});
