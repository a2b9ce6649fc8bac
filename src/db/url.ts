/** Where the SQLite database lives when DATABASE_URL is not set (relative to the working directory). */
export const DEFAULT_DATABASE_URL = "file:./data/claimtrail.db";

export type Engine = "sqlite" | "postgresql";

/** The engine a DATABASE_URL names: `file:` is SQLite, `postgres://` or `postgresql://` PostgreSQL. */
export function engineOf(databaseUrl: string): Engine {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(`not a file:, postgres:// or postgresql:// URL: ${redactedUrl(databaseUrl)}`);
}

/** A URL fit for logs: the password, if any, replaced. */
export function redactedUrl(databaseUrl: string): string {
  return databaseUrl.replace(/^([a-z]+:\/\/[^:/@]+):[^@]*@/, "$1:***@");
}
