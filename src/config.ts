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
  };
}
