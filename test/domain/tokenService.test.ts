import { afterAll, describe, expect, it } from "vitest";
import { roleAllows } from "../../src/domain/access/roles.js";
import {
  createApiToken,
  findPrincipal,
  hashToken,
  listApiTokens,
  revokeApiToken,
  settleLastUsedWrites,
} from "../../src/domain/access/tokenService.js";
import { AppError } from "../../src/errors.js";
import { createTestDb } from "../support/testDb.js";

const testDb = createTestDb();
const { db } = testDb;
afterAll(() => testDb.close());

async function failure(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("createApiToken", () => {
  it("returns a ct_ token of 32 random bytes once, and stores only its SHA-256", async () => {
    const { token, record } = await createApiToken(db, { name: "นางสาวมาลี", role: "reviewer" });
    expect(token).toMatch(/^ct_[A-Za-z0-9_-]{43}$/);
    expect(record).toEqual({
      id: record.id,
      name: "นางสาวมาลี",
      role: "reviewer",
      createdAt: expect.any(String),
      revokedAt: null,
      lastUsedAt: null,
    });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: record.id } });
    expect(row.tokenSha256).toBe(hashToken(token));
    expect(row.tokenSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token.slice(3));
  });

  it("makes a different token every time", async () => {
    const a = await createApiToken(db, { name: "Twin A", role: "reader" });
    const b = await createApiToken(db, { name: "Twin B", role: "reader" });
    expect(a.token).not.toBe(b.token);
  });

  it("refuses a name already used with 409 token_name_taken", async () => {
    await createApiToken(db, { name: "Anan", role: "reader" });
    const error = await failure(() => createApiToken(db, { name: "Anan", role: "admin" }));
    expect([error.status, error.code]).toEqual([409, "token_name_taken"]);
  });

  it("names each bad field", async () => {
    const error = await failure(() => createApiToken(db, { name: "<b>Anan</b>", role: "owner" as "admin" }));
    expect([error.status, error.code]).toEqual([400, "validation_error"]);
    expect(error.details).toEqual([
      { path: "name", code: "invalid_format", message: "must be letters, digits, spaces or . _ @ ' -" },
      { path: "role", code: "invalid_value", message: 'Invalid option: expected one of "reader"|"reviewer"|"admin"' },
    ]);
  });

  it("keeps the import's name for the import, and stores names in NFC", async () => {
    const reserved = await failure(() => createApiToken(db, { name: "Claim-Sheet Import", role: "reviewer" }));
    expect(reserved.details).toEqual([{ path: "name", code: "custom", message: '"claim-sheet import" is reserved' }]);
    const { record } = await createApiToken(db, { name: "Jose\u0301", role: "reader" });
    expect(record.name).toBe("Jos\u00e9");
  });
});

describe("findPrincipal", () => {
  it("finds the owner of a live token and notes its use", async () => {
    const { token, record } = await createApiToken(db, { name: "Preecha", role: "admin" });
    const now = new Date("2026-11-25T10:00:00Z");
    expect(await findPrincipal(db, token, now)).toEqual({
      tokenId: record.id,
      name: "Preecha",
      role: "admin",
      tokenSha256: hashToken(token),
    });
    await settleLastUsedWrites();
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt).toEqual(now);
    await findPrincipal(db, token, new Date("2026-11-25T10:00:30Z"));
    await settleLastUsedWrites();
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: record.id } })).lastUsedAt).toEqual(now);
  });

  it("knows nothing of unknown, altered or revoked tokens", async () => {
    const { token } = await createApiToken(db, { name: "Gone", role: "reviewer" });
    expect(await findPrincipal(db, "ct_unknown")).toBeNull();
    expect(await findPrincipal(db, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    await revokeApiToken(db, "Gone");
    expect(await findPrincipal(db, token)).toBeNull();
  });
});

describe("listApiTokens and revokeApiToken", () => {
  it("lists every token without the token or its hash, and revokes by name or id", async () => {
    const { record } = await createApiToken(db, { name: "Listed", role: "reader" });
    const at = new Date("2026-11-25T12:00:00Z");
    expect(await revokeApiToken(db, String(record.id), at)).toMatchObject({
      name: "Listed",
      revokedAt: at.toISOString(),
    });
    // Revoking again changes nothing.
    expect((await revokeApiToken(db, "Listed", new Date("2027-01-01T00:00:00Z"))).revokedAt).toBe(at.toISOString());
    const listed = (await listApiTokens(db)).find((t) => t.name === "Listed");
    expect(Object.keys(listed!).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "revokedAt", "role"]);
    const error = await failure(() => revokeApiToken(db, "Nobody"));
    expect([error.status, error.code]).toEqual([404, "not_found"]);
  });
});

describe("roleAllows", () => {
  it("orders reader < reviewer < admin", () => {
    expect(roleAllows("reader", "reviewer")).toBe(false);
    expect(roleAllows("reviewer", "reviewer")).toBe(true);
    expect(roleAllows("admin", "reviewer")).toBe(true);
    expect(roleAllows("reviewer", "admin")).toBe(false);
  });
});
