import type { Server } from "node:http";
import type { Express } from "express";
import request from "supertest";
import { type AppDeps, buildApp } from "../../src/app.js";
import { CLI_BUSY_TIMEOUT_MS } from "../../src/db/client.js";
import type { Role } from "../../src/domain/access/roles.js";
import { createApiToken } from "../../src/domain/access/tokenService.js";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { importThread } from "../../src/domain/sheets/importThread.js";
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
  // Imports run on an import thread with its own connection, as on the server.
  const importer = importThread({ databaseUrl: testDb.url, busyTimeoutMs: CLI_BUSY_TIMEOUT_MS });
  const app = buildApp({ config: { bodyLimitBytes: 64 * 1024, ...config }, db: testDb.db, importer, log: () => {} });
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
      await importer.close();
      await testDb.close();
    },
  };
}

/** Ids of the small sheet's claims by key, and of its relations by "from>to". */
export async function sheetIds(
  t: TestDb,
): Promise<{ claims: Record<string, number>; relations: Record<string, number> }> {
  const claims = await t.db.claim.findMany({ select: { id: true, key: true } });
  const relations = await t.db.relation.findMany({
    select: { id: true, fromClaim: { select: { key: true } }, toClaim: { select: { key: true } } },
  });
  return {
    claims: Object.fromEntries(claims.map((c) => [c.key, c.id])),
    relations: Object.fromEntries(relations.map((r) => [`${r.fromClaim.key}>${r.toClaim.key}`, r.id])),
  };
}

/**
 * supertest on buildApp over a test database for the export and import tests: reads without a
 * token, writes with an admin token; `bodyLimitBytes` small enough to test 413.
 */
export async function sheetTestApp(db: TestDb["db"], bodyLimitBytes = 1024 * 1024) {
  const { token } = await createApiToken(db, { name: `sheet tests ${++tokenCount}`, role: "admin" });
  const agent = request(buildApp({ config: { bodyLimitBytes, writeRateLimitPerMinute: 10_000 }, db, log: () => {} }));
  return {
    get: (url: string) => agent.get(url),
    post: (url: string) => agent.post(url).set("Authorization", `Bearer ${token}`),
    anonymousPost: (url: string) => agent.post(url),
  };
}

/** supertest parser that keeps a binary body (XLSX) as a Buffer. */
export function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  stream.on("end", () => callback(null, Buffer.concat(chunks)));
  stream.on("error", (error: Error) => callback(error, Buffer.alloc(0)));
}
