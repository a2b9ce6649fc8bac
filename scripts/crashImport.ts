/**
 * `npm run crash [-- KILLS [CLAIMS [SEED]]]`: kill -9 a CLI import of CLAIMS generated claims
 * (default 60,000) at KILLS (default 10) random points and check each database with
 * PRAGMA integrity_check and for all-or-nothing. Exit 1 on any partial or damaged database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations } from "../src/db/migrate.js";
import { crashImports, writeCorpusFile } from "./crash/crashImports.js";

const kills = Number(process.argv[2] ?? 10);
const claims = Number(process.argv[3] ?? 60_000);
const seed = Number(process.argv[4] ?? 42);
const folder = mkdtempSync(join(tmpdir(), "claimtrail-crash-"));
const template = join(folder, "template.db");
applyMigrations(`file:${template}`);
const file = join(folder, "corpus.jsonl");
const expected = await writeCorpusFile(file, claims, seed);
const { fullImportMs, outcomes } = await crashImports({ folder, template, file, expected, kills, seed });
console.log(`uninterrupted import of ${expected.claims} claims (${expected.articles} articles): ${fullImportMs} ms`);
for (const o of outcomes)
  console.log(`killed after ${o.killedAfterMs} ms: ${o.state} (${o.claims} claims), integrity ${o.integrity}`);
const bad = outcomes.filter((o) => o.state === "partial" || o.integrity !== "ok");
console.log(
  `${outcomes.length} kills: ${outcomes.filter((o) => o.state === "all").length} all, ${outcomes.filter((o) => o.state === "nothing").length} nothing, ${bad.length} damaged or partial`,
);
rmSync(folder, { recursive: true, force: true });
process.exitCode = bad.length === 0 ? 0 : 1;
