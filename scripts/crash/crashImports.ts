import { spawn } from "node:child_process";
import { copyFileSync, createWriteStream, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { corpusOptions, generateCorpus } from "../../bench/corpus.js";
import { mulberry32 } from "../../bench/random.js";

const BIN = fileURLToPath(new URL("../../src/cli/claimtrail.mjs", import.meta.url));

export interface CrashOutcome {
  /** Milliseconds after the spawn that the import was killed. */
  killedAfterMs: number;
  integrity: string;
  claims: number;
  articles: number;
  /** all (the import had committed), nothing (it had not), or partial: a failure. */
  state: "all" | "nothing" | "partial";
}

/** Writes a JSONL file of generated claim sheets (the bench corpus) and returns its totals. */
export async function writeCorpusFile(file: string, claims: number, seed: number) {
  const out = createWriteStream(file);
  let articles = 0;
  let total = 0;
  for (const sheet of generateCorpus(corpusOptions(claims, { seed }))) {
    articles += 1;
    total += sheet.claims.length;
    if (!out.write(`${JSON.stringify(sheet)}\n`))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { articles, claims: total };
}

/** Runs `claimtrail import FILE` on `databaseFile`; kills it with SIGKILL after `killAfterMs` unless it ends first. */
export function runImport(databaseFile: string, file: string, killAfterMs?: number) {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, "import", file], {
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  return new Promise<{ code: number | null; signal: string | null; ms: number; stderr: string }>((resolve) =>
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started, stderr });
    }),
  );
}

/** integrity_check, and whether the file holds all of the import or none of it. */
export function inspect(databaseFile: string, expected: { articles: number; claims: number }) {
  const db = new Database(databaseFile);
  try {
    const integrity = String(db.pragma("integrity_check", { simple: true }));
    const claims = Number(db.prepare('SELECT COUNT(*) AS n FROM "Claim"').pluck().get());
    const articles = Number(db.prepare('SELECT COUNT(*) AS n FROM "Article"').pluck().get());
    const state: CrashOutcome["state"] =
      claims === 0 && articles === 0
        ? "nothing"
        : claims === expected.claims && articles === expected.articles
          ? "all"
          : "partial";
    return { integrity, claims, articles, state };
  } finally {
    db.close();
  }
}

/**
 * Kills `kills` CLI imports of `file` with SIGKILL at seeded random points between 30% and
 * 100% of a full import's running time, each on a fresh copy of `template`, and inspects each.
 */
export async function crashImports(options: {
  folder: string;
  template: string;
  file: string;
  expected: { articles: number; claims: number };
  kills: number;
  seed: number;
}): Promise<{ fullImportMs: number; outcomes: CrashOutcome[] }> {
  const random = mulberry32(options.seed);
  const databaseFile = join(options.folder, "crash.db");
  const fresh = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) {
      if (existsSync(databaseFile + suffix)) rmSync(databaseFile + suffix);
    }
    copyFileSync(options.template, databaseFile);
  };
  fresh();
  const full = await runImport(databaseFile, options.file);
  if (full.code !== 0) throw new Error(`the uninterrupted import failed:\n${full.stderr}`);
  const outcomes: CrashOutcome[] = [];
  for (let i = 0; i < options.kills; i++) {
    fresh();
    const killAfterMs = Math.round(full.ms * (0.3 + 0.7 * random()));
    await runImport(databaseFile, options.file, killAfterMs);
    outcomes.push({ killedAfterMs: killAfterMs, ...inspect(databaseFile, options.expected) });
  }
  return { fullImportMs: full.ms, outcomes };
}
