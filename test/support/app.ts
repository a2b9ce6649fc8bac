import type { Server } from "node:http";
import type { Express } from "express";
import { buildApp, type AppDeps } from "../../src/app.js";
import { createApiToken } from "../../src/domain/access/tokenService.js";
import type { Role } from "../../src/domain/access/roles.js";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { smallSheet } from "./sheets.js";
import { createTestDb, type TestDb } from "./testDb.js";

export interface TestApp extends TestDb {
  app: Express;
  /** The app listening on an ephemeral port, for requests that must really run at once. */
  server: Server;
  /** A fresh token with this role; the name defaults to one unique within the file. */
  token(role: Role, name?: string): Promise<string>;
}

let tokenCount = 0;

/** A fresh database with the small claim sheet imported, and the app on top of it. */
export async function createTestApp(config: Partial<AppDeps["config"]> = {}): Promise<TestApp> {
  const testDb = createTestDb();
  await importClaimSheet(testDb.db, smallSheet());
  const app = buildApp({ config: { bodyLimitBytes: 64 * 1024, ...config }, db: testDb.db, log: () => {} });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  return {
    ...testDb,
    app,
    server,
    async token(role, name = `${role} ${++tokenCount}`) {
      return (await createApiToken(testDb.db, { name, role })).token;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await testDb.close();
    },
  };
}

/** Ids of the small sheet's claims by key, and of its relations by "from>to". */
export async function sheetIds(t: TestDb): Promise<{ claims: Record<string, number>; relations: Record<string, number> }> {
  const claims = await t.db.claim.findMany({ select: { id: true, key: true } });
  const relations = await t.db.relation.findMany({ select: { id: true, fromClaim: { select: { key: true } }, toClaim: { select: { key: true } } } });
  return {
    claims: Object.fromEntries(claims.map((c) => [c.key, c.id])),
    relations: Object.fromEntries(relations.map((r) => [`${r.fromClaim.key}>${r.toClaim.key}`, r.id])),
  };
}
