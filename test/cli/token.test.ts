import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { findPrincipal, hashToken } from "../../src/domain/access/tokenService.js";
import { createTestDb } from "../support/testDb.js";

const run = promisify(execFile);
// Each run starts tsx and applies migrations: a few seconds apiece on a busy machine.
const CLI_TIMEOUT_MS = 90_000;
const BIN = fileURLToPath(new URL("../../src/cli/claimtrail.mjs", import.meta.url));
const testDb = createTestDb();
const TOKEN_USAGE = `claimtrail token create --name NAME --role reader|reviewer|admin
claimtrail token list [--json]
claimtrail token revoke NAME|ID        (or --name NAME)`;
afterAll(() => testDb.close());

/** Runs `claimtrail ARGS` against the test database; never rejects, so failures can be asserted. */
async function claimtrail(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: testDb.url },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("claimtrail token", () => {
  it(
    "creates a token shown once, lists it without the token, and revokes it",
    async () => {
      const created = await claimtrail("token", "create", "--name", "Kanya", "--role", "reviewer");
      expect(created.code).toBe(0);
      const token = created.stdout.trim();
      expect(token).toMatch(/^ct_[A-Za-z0-9_-]{43}$/);
      expect(created.stderr).toMatch(/^created reviewer token "Kanya" \(id \d+\); it is shown only this once:\n$/);
      expect(await findPrincipal(testDb.db, token)).toMatchObject({
        name: "Kanya",
        role: "reviewer",
        tokenSha256: hashToken(token),
      });

      const listed = await claimtrail("token", "list", "--json");
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual([
        {
          id: expect.any(Number),
          name: "Kanya",
          role: "reviewer",
          createdAt: expect.any(String),
          revokedAt: null,
          lastUsedAt: expect.any(String),
        },
      ]);
      expect(listed.stdout).not.toContain(token.slice(3));

      const revoked = await claimtrail("token", "revoke", "Kanya");
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toMatch(/^revoked reviewer token "Kanya" \(id \d+\) at \d{4}-/);
      expect(await findPrincipal(testDb.db, token)).toBeNull();
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "fails with a one-line reason for a bad role or an unknown token",
    async () => {
      const badRole = await claimtrail("token", "create", "--name", "Nok", "--role", "owner");
      expect(badRole.code).toBe(2);
      expect(badRole.stderr).toBe(`claimtrail: --role must be reader, reviewer or admin\nusage: ${TOKEN_USAGE}\n`);
      const noName = await claimtrail("token", "create", "--role", "reader");
      expect(noName.code).toBe(2);
      expect(noName.stderr.split("\n")[0]).toBe("claimtrail: --name is required");
      const unknown = await claimtrail("token", "revoke", "--name", "Nobody");
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toBe('claimtrail: token "Nobody" was not found\n');
    },
    CLI_TIMEOUT_MS,
  );
});
