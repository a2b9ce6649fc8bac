import { conflict } from "../errors.js";
import { Prisma } from "../generated/prisma/client.js";

/**
 * Whether a write broke a unique constraint: Prisma's P2002 for the ORM, the driver's constraint
 * code for hand-written SQL (src/db/sql.ts): SQLite's constraint codes, PostgreSQL's 23505.
 * The one place that knows these codes.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}

/** The 409 a broken unique constraint becomes when no feature gives it a more precise one. */
export const alreadyExists = () => conflict("already_exists", "a record with the same unique fields already exists");

/** SQLITE_BUSY / Prisma's timeout on a locked database: another writer holds the lock. */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P1008" || error.code === "P2034"))
    return true;
  const text = error instanceof Error ? `${(error as { code?: unknown }).code ?? ""} ${error.message}` : "";
  return /SQLITE_BUSY|database is locked/i.test(text);
}
