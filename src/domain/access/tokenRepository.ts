import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";

/** A stored token as listings read it: never the token, never its hash. */
export interface TokenRecord {
  id: number;
  name: string;
  role: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const tokenSelect = {
  id: true,
  name: true,
  role: true,
  createdAt: true,
  revokedAt: true,
  lastUsedAt: true,
} as const;

/** Stores a token by its hash; undefined when the name is taken (names are never reused). */
export async function insertToken(
  db: Db,
  token: { name: string; role: string; tokenSha256: string },
): Promise<TokenRecord | undefined> {
  try {
    return await db.apiToken.create({ data: token, select: tokenSelect });
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

/** Every token, revoked ones included, oldest first. */
export function findTokens(db: Db): Promise<TokenRecord[]> {
  return db.apiToken.findMany({ select: tokenSelect, orderBy: { id: "asc" } });
}

/** The token with this id or this name, or null. */
export function findToken(db: Db, by: { id: number } | { name: string }): Promise<TokenRecord | null> {
  return db.apiToken.findFirst({ where: by, select: tokenSelect });
}

/** Marks a token revoked at `at`, and returns it. */
export function setTokenRevoked(db: Db, id: number, at: Date): Promise<TokenRecord> {
  return db.apiToken.update({ where: { id }, data: { revokedAt: at }, select: tokenSelect });
}

/** The token with this SHA-256, for authentication, or null. */
export function findTokenByHash(db: Db, tokenSha256: string) {
  return db.apiToken.findUnique({
    where: { tokenSha256 },
    select: { id: true, name: true, role: true, revokedAt: true, lastUsedAt: true },
  });
}

/** Records that a token was used at `at`. */
export async function setTokenLastUsed(db: Db, id: number, at: Date): Promise<void> {
  await db.apiToken.update({ where: { id }, data: { lastUsedAt: at }, select: { id: true } });
}
