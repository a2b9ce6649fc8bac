import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  it("uses the documented defaults", () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: "file:./data/claimtrail.db",
      readReplicaUrls: [],
      port: 3000,
      host: "127.0.0.1",
      bodyLimitBytes: 5 * 1024 * 1024,
      seedOnEmpty: true,
      readsRequireToken: false,
      writeRateLimitPerMinute: 60,
      authFailuresPerMinute: 20,
      shutdownGraceMs: 10_000,
      publicUrl: "http://127.0.0.1:3000",
      maxArticleBytes: 1024 * 1024,
    });
  });

  it("builds PUBLIC_URL from HOST and PORT unless it is set, without a trailing slash", () => {
    expect(loadConfig({ HOST: "::1", PORT: "8080" }).publicUrl).toBe("http://[::1]:8080");
    expect(loadConfig({ PUBLIC_URL: "https://claims.example.org/" }).publicUrl).toBe("https://claims.example.org");
    expect(() => loadConfig({ PUBLIC_URL: "javascript:alert(1)" })).toThrow(/PUBLIC_URL/);
  });

  it("names each bad variable", () => {
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", SEED_ON_EMPTY: "maybe" });
      expect.unreachable();
    } catch (error) {
      expect((error as ZodError).issues.map((issue) => issue.path.join("."))).toEqual([
        "DATABASE_URL",
        "PORT",
        "SEED_ON_EMPTY",
      ]);
    }
  });

  it("takes a PostgreSQL URL and comma-separated replicas", () => {
    const config = loadConfig({
      DATABASE_URL: "postgresql://desk@db1/claimtrail",
      READ_REPLICA_URLS: "postgres://desk@db2/claimtrail, postgres://desk@db3/claimtrail",
    });
    expect(config.databaseUrl).toBe("postgresql://desk@db1/claimtrail");
    expect(config.readReplicaUrls).toEqual(["postgres://desk@db2/claimtrail", "postgres://desk@db3/claimtrail"]);
  });

  it("refuses a replica that is not a PostgreSQL URL", () => {
    expect(() => loadConfig({ READ_REPLICA_URLS: "file:./replica.db" })).toThrow(/READ_REPLICA_URLS|postgres/);
  });
});
