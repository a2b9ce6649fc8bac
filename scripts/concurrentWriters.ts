/**
 * `npm run concurrency [-- CLAIMS]`: reads under load while two writers run at once on one SQLite
 * file: a CLI import of CLAIMS generated claims (default 60,000) and an HTTP import of about 5 MB of
 * JSONL claim sheets. Prints the reads' latency percentiles and every status seen; exits 1 on any 5xx.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnServer } from "../test/support/realServer.js";
import { runImport, writeCorpusFile } from "./crash/crashImports.js";

const claims = Number(process.argv[2] ?? 60_000);
const HTTP_BODY_BYTES = 5 * 1024 * 1024;
const READ_CONNECTIONS = 10;
const BIN = fileURLToPath(new URL("../src/cli/claimtrail.mjs", import.meta.url));

/** JSONL of generated sheets, cut at about `bytes`, with article slugs prefixed so they differ from the CLI's. */
async function httpBody(folder: string, bytes: number): Promise<string> {
  const file = join(folder, "http.jsonl");
  await writeCorpusFile(file, 20_000, 7);
  const renamed = (ref: string) => (ref.includes("/") ? `web-${ref}` : ref);
  const lines: string[] = [];
  let size = 0;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line === "" || size + line.length > bytes) break;
    const sheet = JSON.parse(line);
    sheet.article.slug = `web-${sheet.article.slug}`;
    for (const relation of sheet.relations ?? []) {
      relation.from = renamed(relation.from);
      relation.to = renamed(relation.to);
    }
    const out = JSON.stringify(sheet);
    lines.push(out);
    size += Buffer.byteLength(out) + 1;
  }
  return `${lines.join("\n")}\n`;
}

const folder = mkdtempSync(join(tmpdir(), "claimtrail-concurrency-"));
const databaseUrl = `file:${join(folder, "claimtrail.db")}`;
try {
  const server = await spawnServer({
    DATABASE_URL: databaseUrl,
    SEED_ON_EMPTY: "true",
    BODY_LIMIT_BYTES: String(HTTP_BODY_BYTES + 1024 * 1024),
  });
  const token = execFileSync(process.execPath, [BIN, "token", "create", "--name", "load", "--role", "admin"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  }).trim();
  const cliFile = join(folder, "cli.jsonl");
  process.stderr.write(`writing ${claims} claims for the CLI import...\n`);
  await writeCorpusFile(cliFile, claims, 1);
  const body = await httpBody(folder, HTTP_BODY_BYTES);
  writeFileSync(join(folder, "http-size"), String(Buffer.byteLength(body)));
  process.stderr.write(
    `HTTP body: ${(Buffer.byteLength(body) / 1024 / 1024).toFixed(1)} MB; starting reads and both imports\n`,
  );

  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  let writing = true;
  const READ_PATHS = ["/api/claims?limit=20", "/api/contradictions?limit=20"];
  const reader = async (n: number) => {
    for (let i = n; writing; i++) {
      const at = performance.now();
      const res = await fetch(`${server.baseUrl}${READ_PATHS[i % READ_PATHS.length]}`);
      await res.arrayBuffer();
      latencies.push(performance.now() - at);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  };
  const readers = Array.from({ length: READ_CONNECTIONS }, (_, n) => reader(n));
  const started = Date.now();
  const [cli, http] = await Promise.all([
    runImport(join(folder, "claimtrail.db"), cliFile),
    fetch(`${server.baseUrl}/api/articles`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/jsonl" },
      body,
    }).then(async (res) => ({ status: res.status, ms: Date.now() - started, text: (await res.text()).slice(0, 200) })),
  ]);
  writing = false;
  await Promise.all(readers);
  server.child.kill("SIGTERM");
  await server.exited;

  latencies.sort((x, y) => x - y);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))]!;
  const fivexx = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  console.log(`CLI import: exit ${cli.code} in ${cli.ms} ms${cli.code === 0 ? "" : `: ${cli.stderr.trim()}`}`);
  console.log(`HTTP import: ${http.status} in ${http.ms} ms${http.status < 300 ? "" : `: ${http.text}`}`);
  console.log(
    `reads during both (${READ_CONNECTIONS} at a time): ${latencies.length} requests, p50 ${percentile(50).toFixed(1)} ms, ` +
      `p99 ${percentile(99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
  );
  console.log(`statuses: ${[...statuses].map(([status, n]) => `${status} x${n}`).join(", ")}; 5xx: ${fivexx}`);
  if (fivexx > 0 || cli.code !== 0 || http.status >= 300) process.exitCode = 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
