/**
 * `npx tsx bench/importMemory.ts [CLAIMS...] [--jsonl-only]` (default 100000): for each size, writes the bench
 * corpus as a JSONL file and as a JSON array file, imports each with `claimtrail import FILE`
 * into a fresh SQLite file under GNU `time -v`, and prints the file's size next to the import's
 * wall time and peak RSS (the CLI process, tsx included). Progress goes to stderr.
 */
import { execFile } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { writeCorpusFile } from "../scripts/crash/crashImports.js";
import { progress } from "./progress.js";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../src/cli/claimtrail.mjs", import.meta.url));

export interface ImportMemoryFigures {
  layout: "jsonl" | "json";
  claims: number;
  fileMiB: number;
  seconds: number;
  peakRssMiB: number;
}

/** The JSONL file's sheets as one pretty-printed JSON array (what `export --format json` writes). */
async function writeJsonArray(jsonl: string, file: string): Promise<void> {
  const out = createWriteStream(file);
  let first = true;
  for await (const line of createInterface({ input: createReadStream(jsonl, "utf8"), crlfDelay: Infinity })) {
    if (line === "") continue;
    const chunk = `${first ? "[\n  " : ",\n  "}${JSON.stringify(JSON.parse(line), null, 2).replaceAll("\n", "\n  ")}`;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    first = false;
  }
  await new Promise<void>((resolve) => out.end(first ? "[]\n" : "\n]\n", () => resolve()));
}

/** Imports `file` into a fresh SQLite database with the CLI and reads GNU time's peak RSS. */
async function measureImport(folder: string, file: string): Promise<{ seconds: number; peakRssMiB: number }> {
  const database = join(folder, `import-${Date.now()}.db`);
  const { stderr } = await run("/usr/bin/time", ["-v", process.execPath, BIN, "import", file], {
    env: { ...process.env, DATABASE_URL: `file:${database}` },
    maxBuffer: 64 * 1024 * 1024,
  });
  rmSync(database, { force: true });
  const kib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]);
  const [, h = "0", m = "0", s = "0"] = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr) ?? [];
  return { seconds: Number(h) * 3600 + Number(m) * 60 + Number(s), peakRssMiB: kib / 1024 };
}

/** Writes the corpus of `claims` claims in both layouts and measures a CLI import of each. */
export async function measureImportMemory(
  claims: number,
  layouts: readonly ImportMemoryFigures["layout"][] = ["jsonl", "json"],
): Promise<ImportMemoryFigures[]> {
  const folder = mkdtempSync(join(tmpdir(), "claimtrail-import-memory-"));
  try {
    const jsonl = join(folder, "corpus.jsonl");
    const json = join(folder, "corpus.json");
    progress(`import memory: writing ${claims} claims`);
    await writeCorpusFile(jsonl, claims, 42);
    if (layouts.includes("json")) await writeJsonArray(jsonl, json);
    const figures: ImportMemoryFigures[] = [];
    for (const [layout, file] of [
      ["jsonl", jsonl],
      ["json", json],
    ] as const) {
      if (!layouts.includes(layout)) continue;
      progress(`import memory: claimtrail import ${layout} (${claims} claims)`);
      const measured = await measureImport(folder, file);
      figures.push({ layout, claims, fileMiB: statSync(file).size / 1024 / 1024, ...measured });
    }
    return figures;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The figures as a Markdown table. */
export function importMemoryTable(figures: ImportMemoryFigures[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.layout} | ${f.claims} | ${f.fileMiB.toFixed(1)} | ${f.seconds.toFixed(1)} | ${f.peakRssMiB.toFixed(0)} |`,
  );
  return ["| file | claims | file MiB | import s | peak RSS MiB |", "| --- | --- | --- | --- | --- |", ...rows].join(
    "\n",
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv
    .slice(2)
    .filter((arg) => !arg.startsWith("--"))
    .map(Number);
  const layouts = process.argv.includes("--jsonl-only") ? (["jsonl"] as const) : (["jsonl", "json"] as const);
  const figures: ImportMemoryFigures[] = [];
  for (const claims of sizes.length > 0 ? sizes : [100_000])
    figures.push(...(await measureImportMemory(claims, layouts)));
  process.stdout.write(`${importMemoryTable(figures)}\n`);
}
