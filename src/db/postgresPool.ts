import pg from "pg";

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

// PostgreSQL hands back `timestamp(3)` (no zone) as local time in node-pg unless told otherwise;
// Prisma writes UTC into those columns, so they are read as UTC whatever TZ says. COUNT(*) and
// other int8 values are numbers here: no count of rows comes near 2^53.
const TIMESTAMP = 1114;
const INT8 = 20;
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
} as pg.CustomTypesConfig;

/**
 * A pool for one PostgreSQL server. Idle connections close after 10 s and never hold the
 * process open (a CLI command exits when it is done); a connection dropped by the server while
 * idle is logged, not thrown (an unhandled 'error' would end the process).
 */
export function postgresPool(connectionString: string, max = 10): Pool {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 10_000, allowExitOnIdle: true, types });
  pool.on("error", (error) => console.error(`claimtrail: idle PostgreSQL connection failed: ${error.message}`));
  return pool;
}
