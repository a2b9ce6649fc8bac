/**
 * `npm run fuzz [-- COUNT [SEED]]`: generates COUNT (default 10,000) requests from
 * /api/openapi.json with fast-check (mutated path parameters, queries, bodies, headers,
 * encodings, tokens) and sends them to a real server over a fresh seeded database. Fails on
 * any 5xx or any error body not in the error shape.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSeed } from "../seed/loadSeed.js";
import { buildApp } from "../src/app.js";
import { createDb, SERVER_BUSY_TIMEOUT_MS } from "../src/db/client.js";
import { applyMigrations } from "../src/db/migrate.js";
import { createApiToken } from "../src/domain/access/tokenService.js";
import { answerClientErrors } from "../src/server.js";
import { fuzzServer } from "./fuzz/fuzzRequests.js";

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? process.env.FUZZ_SEED ?? 42);
const folder = mkdtempSync(join(tmpdir(), "claimtrail-fuzz-"));
const url = `file:${join(folder, "fuzz.db")}`;
applyMigrations(url);
const db = createDb(url, { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
await loadSeed(db);
const tokens = await Promise.all(
  (["reader", "reviewer", "admin"] as const).map(
    async (role) => (await createApiToken(db, { name: `fuzz ${role}`, role })).token,
  ),
);
const app = buildApp({
  config: { bodyLimitBytes: 256 * 1024, writeRateLimitPerMinute: 100_000, authFailuresPerMinute: 100_000 },
  db,
  log: () => {},
});
const server = createServer(app);
answerClientErrors(server);
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as { port: number };

const started = Date.now();
const report = await fuzzServer({ baseUrl: `http://127.0.0.1:${port}`, count, seed, tokens });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const fiveXx = Object.entries(report.byStatus)
  .filter(([status]) => Number(status) >= 500)
  .reduce((sum, [, n]) => sum + n, 0);
console.log(
  `fuzz: ${report.sent} requests (seed ${seed}) in ${seconds} s; ${fiveXx} 5xx; ${report.failures.length} failures`,
);
console.log(`statuses: ${JSON.stringify(report.byStatus)}`);
for (const failure of report.failures.slice(0, 20)) {
  const { method, path, headers } = failure.request;
  console.log(
    `  ${failure.status} ${failure.reason}: ${method} ${path.slice(0, 120)} ${JSON.stringify(headers)} -> ${failure.body}`,
  );
}
server.close();
await db.$disconnect();
rmSync(folder, { recursive: true, force: true });
process.exitCode = report.failures.length === 0 ? 0 : 1;
