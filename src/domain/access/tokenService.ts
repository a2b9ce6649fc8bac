import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { conflict, notFound, validationError } from "../../errors.js";
import { toProblemDetails } from "../../validation.js";
import { IMPORT_ACTOR } from "../sheets/importClaimSheet.js";
import { Role } from "./roles.js";
import {
  findToken,
  findTokenByHash,
  findTokens,
  insertToken,
  setTokenLastUsed,
  setTokenRevoked,
  type TokenRecord,
} from "./tokenRepository.js";

/** Every token starts with this, so a leaked one is recognisable (in logs, by secret scanners). */
export const TOKEN_PREFIX = "ct_";
const TOKEN_BYTES = 32;
/** How stale `lastUsedAt` may get before a request refreshes it (one write per token per minute at most). */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * A token owner's name, as review history will show it: letters (any script), digits, spaces,
 * `._@'-`. The import's actor name is reserved, so no one can pass for it in a history.
 */
export const TokenName = z
  .string()
  .trim()
  .transform((name) => name.normalize("NFC"))
  .pipe(
    z
      .string()
      .min(1, "must not be blank")
      .max(80)
      .regex(/^[\p{L}\p{N}][\p{L}\p{M}\p{N} ._@'-]*$/u, "must be letters, digits, spaces or . _ @ ' -")
      .refine((name) => name.toLowerCase() !== IMPORT_ACTOR.toLowerCase(), `"${IMPORT_ACTOR}" is reserved`),
  );

export const NewToken = z.strictObject({ name: TokenName, role: Role });
export type NewToken = z.input<typeof NewToken>;

/** A token as listings show it: never the token, never its hash. */
export interface TokenView {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Who a valid token belongs to. `tokenSha256` keys per-token limits without keeping the token. */
export interface Principal {
  tokenId: number;
  name: string;
  role: Role;
  tokenSha256: string;
}

/** Hex SHA-256 of a token: what is stored and what lookups compare. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function presentToken(row: TokenRecord): TokenView {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/**
 * Creates a token for a named person with a role and returns the token itself, which is never
 * stored and cannot be shown again, with the stored record. 409 `token_name_taken` if the name
 * was ever used (revoked tokens keep their names, so history stays unambiguous).
 */
export async function createApiToken(db: Db, input: NewToken): Promise<{ token: string; record: TokenView }> {
  const parsed = NewToken.safeParse(input);
  if (!parsed.success) throw validationError(toProblemDetails(parsed.error), "the token is not valid");
  const { name, role } = parsed.data;
  const token = `${TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString("base64url")}`;
  const row = await insertToken(db, { name, role, tokenSha256: hashToken(token) });
  if (!row) {
    throw conflict("token_name_taken", `a token named ${JSON.stringify(name)} exists or existed; choose another name`);
  }
  return { token, record: presentToken(row) };
}

/** Every token, revoked ones included, oldest first. */
export async function listApiTokens(db: Db): Promise<TokenView[]> {
  return (await findTokens(db)).map(presentToken);
}

/**
 * Revokes the token with this name (or id, given as digits); it stops working at once.
 * Revoking a revoked token changes nothing and returns it as it is.
 */
export async function revokeApiToken(db: Db, nameOrId: string, now = new Date()): Promise<TokenView> {
  const by = /^\d+$/.test(nameOrId) ? { id: Number(nameOrId) } : { name: nameOrId.trim().normalize("NFC") };
  const row = await findToken(db, by);
  if (!row) throw notFound("token", nameOrId);
  if (row.revokedAt) return presentToken(row);
  return presentToken(await setTokenRevoked(db, row.id, now));
}

/** Tokens whose `lastUsedAt` write is under way, and when it was last started (per process). */
const lastUsedStarted = new Map<number, number>();
const lastUsedWritesInFlight = new Set<Promise<void>>();

/** Resolves once every `lastUsedAt` write started so far has ended (for tests and shutdown). */
export async function settleLastUsedWrites(): Promise<void> {
  await Promise.all([...lastUsedWritesInFlight]);
}

/**
 * The owner of a token that exists and is not revoked, or null. The lookup is by hash, so the
 * token itself is never compared or kept. `lastUsedAt` is refreshed at most once a minute per
 * token, in the background: the request never waits for (or fails on) that write, which would
 * otherwise queue behind another process's import holding the write lock.
 */
export async function findPrincipal(db: Db, token: string, now = new Date()): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const tokenSha256 = hashToken(token);
  const row = await findTokenByHash(db, tokenSha256);
  if (!row || row.revokedAt) return null;
  const role = Role.safeParse(row.role);
  if (!role.success) return null;
  const started = lastUsedStarted.get(row.id) ?? 0;
  const stale = (since: number) => now.getTime() - since >= LAST_USED_RESOLUTION_MS;
  if ((!row.lastUsedAt || stale(row.lastUsedAt.getTime())) && stale(started)) {
    lastUsedStarted.set(row.id, now.getTime());
    const write: Promise<void> = setTokenLastUsed(db, row.id, now)
      .then(
        () => {},
        // Best effort: a locked database (or a token deleted meanwhile) leaves the old value.
        () => {
          lastUsedStarted.delete(row.id);
        },
      )
      .finally(() => lastUsedWritesInFlight.delete(write));
    lastUsedWritesInFlight.add(write);
  }
  return { tokenId: row.id, name: row.name, role: role.data, tokenSha256 };
}
