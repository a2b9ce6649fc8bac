import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db/url.js";

/** Environment variables claimtrail reads, each with its default. Parsed once at start-up. */
const Env = z.object({
  /**
   * The database, and so the engine: a `file:` URL (SQLite, relative to the working directory)
   * or a `postgres://` / `postgresql://` URL (PostgreSQL).
   */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must be a file: URL (SQLite) or a postgres:// URL (PostgreSQL)")
    .default(DEFAULT_DATABASE_URL),
  /** PostgreSQL read replicas (hot standbys of DATABASE_URL), comma separated; none by default. */
  READ_REPLICA_URLS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((url) => url.trim())
        .filter((url) => url !== ""),
    )
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, "each must be a postgres:// URL"))),
  /** TCP port the server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface the server binds to. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Largest request body accepted, in bytes (claim-sheet uploads). */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /** Whether `serve` loads the seed article into an empty database. */
  SEED_ON_EMPTY: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((value) => value === "true" || value === "1"),
  /** Whether reads need a bearer token too (any role); writes always do. */
  READS_REQUIRE_TOKEN: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  /** Writes accepted per token per minute; more get 429. */
  WRITE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().max(100_000).default(60),
  /** Failed authentications accepted per client address per minute; more get 429. */
  AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().max(100_000).default(20),
  /** On SIGTERM/SIGINT, how long in-flight requests may run before their connections are cut. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Base of the absolute URLs exports write (JSON-LD @id, url); default http://HOST:PORT. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  /** Largest article body a claim sheet may carry, in UTF-8 bytes (HTTP and CLI alike). */
  MAX_ARTICLE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
});

export type Config = {
  databaseUrl: string;
  readReplicaUrls: string[];
  port: number;
  host: string;
  bodyLimitBytes: number;
  seedOnEmpty: boolean;
  readsRequireToken: boolean;
  writeRateLimitPerMinute: number;
  authFailuresPerMinute: number;
  shutdownGraceMs: number;
  publicUrl: string;
  maxArticleBytes: number;
};

/** Reads the configuration from `env`; throws a ZodError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.parse(env);
  return {
    databaseUrl: parsed.DATABASE_URL,
    readReplicaUrls: parsed.READ_REPLICA_URLS,
    port: parsed.PORT,
    host: parsed.HOST,
    bodyLimitBytes: parsed.BODY_LIMIT_BYTES,
    seedOnEmpty: parsed.SEED_ON_EMPTY,
    readsRequireToken: parsed.READS_REQUIRE_TOKEN,
    writeRateLimitPerMinute: parsed.WRITE_RATE_LIMIT_PER_MINUTE,
    authFailuresPerMinute: parsed.AUTH_FAILURES_PER_MINUTE,
    shutdownGraceMs: parsed.SHUTDOWN_GRACE_MS,
    publicUrl: parsed.PUBLIC_URL ?? `http://${urlHost(parsed.HOST)}:${parsed.PORT}`,
    maxArticleBytes: parsed.MAX_ARTICLE_BYTES,
  };
}

/** A host as a URL writes it: an IPv6 address in brackets. */
function urlHost(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}
