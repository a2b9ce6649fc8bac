import { cpus, loadavg, totalmem } from "node:os";
import type { Engine } from "../src/db/url.js";
import type { ExportFigures } from "./exports.js";
import type { ImportFigures } from "./importCorpus.js";
import type { LoadFigures, LookupFigures } from "./lookups.js";
import type { SearchIndexCost } from "./searchIndexCost.js";

/** The import targets (claims/s) the issues set: 20,000 on SQLite, 30,000 on PostgreSQL (issue 13). */
const IMPORT_TARGET: Record<Engine, number> = { sqlite: 20_000, postgresql: 30_000 };

/** One engine's figures in a run. */
export interface EngineRun {
  engine: Engine;
  claims: number;
  articles: number;
  sources: number;
  /** 1-minute load average before this engine's part of the run. */
  loadBefore: number;
  import: ImportFigures | null;
  lookups: LookupFigures[];
  exports: { claimtrail: ExportFigures; baseline: ExportFigures | null }[];
  notes: string[];
}

export interface BenchRun {
  label: string;
  date: string;
  machine: string;
  /** 1-minute load average before the run: other processes share this machine. */
  loadBefore: number;
  seconds: number;
  connections: number;
  /** Each engine measured, in order (SQLite first when both were). */
  engines: EngineRun[];
}

export function describeMachine(): string {
  const cpu = cpus();
  return `${cpu.length} x ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`;
}

export function currentLoad(): number {
  return loadavg()[0]!;
}

const n = (value: number, digits = 0) =>
  value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (ours: number, theirs: number) => (theirs > 0 ? `${n(ours / theirs, 2)}x` : "-");
const mark = (ok: boolean) => (ok ? "met" : "**missed**");

const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

/** One measure's rows for one engine: the figure's row, then its detail row (latency, RSS). */
type Block = { key: string; rows: string[][] };

function importBlock(i: ImportFigures, engine: Engine): Block {
  const how =
    i.sheetsPerImport === undefined
      ? "import (recorded by an earlier benchmark)"
      : `import via importClaimSheets, ${n(i.sheetsPerImport)} sheets a call`;
  return {
    key: "import",
    rows: [
      [
        `${how} (claims/s), ${n(i.claims)} claims in ${n(i.importSeconds, 1)} s`,
        n(i.claimsPerSecond),
        "-",
        "-",
        `>= ${n(IMPORT_TARGET[engine])}: ${mark(i.claimsPerSecond >= IMPORT_TARGET[engine])}`,
      ],
    ],
  };
}

/** The import beside the same import without the text-search indexes: what keeping search in step costs. */
function searchIndexCostBlock(cost: SearchIndexCost, engine: Engine): Block {
  const perClaimUs = 1e6 / cost.withIndexes - 1e6 / cost.withoutIndexes;
  return {
    key: "import:search-index-cost",
    rows: [
      [
        `... the same import, ${n(cost.claims)} claims into a new database, with / without the text-search indexes (claims/s)`,
        n(cost.withIndexes),
        n(cost.withoutIndexes),
        ratio(cost.withIndexes, cost.withoutIndexes),
        `the indexes cost ${n(perClaimUs)} us a claim; ${n(1e6 / IMPORT_TARGET[engine])} us is the target's whole budget`,
      ],
    ],
  };
}

function lookupBlock(f: LookupFigures): Block {
  const same = f.sameJson ? "same JSON" : `**JSON differs**: ${f.difference ?? ""}`;
  const failures =
    f.claimtrail.failures + f.baseline.failures > 0
      ? `, **${f.claimtrail.failures}/${f.baseline.failures} failed responses**`
      : "";
  // No completed request means no latency figure: every request outlasted the run.
  const latency = (l: LoadFigures) => (l.requestsPerSecond > 0 ? `${l.p50} / ${l.p99}` : "none completed");
  return {
    key: `lookup:${f.lookup.path}`,
    rows: [
      [
        `\`GET ${f.lookup.path}\` (${f.lookup.name}) req/s`,
        n(f.claimtrail.requestsPerSecond),
        n(f.baseline.requestsPerSecond),
        ratio(f.claimtrail.requestsPerSecond, f.baseline.requestsPerSecond),
        `>= 0.5x: ${mark(f.claimtrail.requestsPerSecond >= 0.5 * f.baseline.requestsPerSecond)} (${same}${failures})`,
      ],
      [
        "... p50 / p99 (ms)",
        latency(f.claimtrail),
        latency(f.baseline),
        f.claimtrail.requestsPerSecond > 0 ? `${ratio(f.claimtrail.p99, f.baseline.p99)} (p99)` : "-",
        `p99 < 25 ms: ${mark(f.claimtrail.requestsPerSecond > 0 && f.claimtrail.p99 < 25)}`,
      ],
    ],
  };
}

function exportBlock({ claimtrail: ours, baseline: theirs }: EngineRun["exports"][number]): Block {
  const within = theirs ? ours.seconds <= 2 * theirs.seconds : false;
  return {
    key: `export:${ours.name}`,
    rows: [
      [
        `${ours.name}: ${n(ours.rows)} ${ours.name.endsWith(".jsonl") ? "lines (claim sheets)" : "rows"}, ${n(ours.bytes / 2 ** 20, 1)} MiB, wall s`,
        n(ours.seconds, 1),
        theirs ? `${n(theirs.seconds, 1)} (${theirs.name})` : "-",
        theirs ? ratio(ours.seconds, theirs.seconds) : "-",
        theirs ? `<= 2x: ${mark(within)}` : "-",
      ],
      [
        "... peak RSS (MiB)",
        n(ours.peakRssMiB),
        theirs ? n(theirs.peakRssMiB) : "-",
        theirs ? ratio(ours.peakRssMiB, theirs.peakRssMiB) : "-",
        `< 200 MB: ${mark(ours.peakRssMiB * 1.048576 < 200)}`,
      ],
    ],
  };
}

function blocks(run: EngineRun): Block[] {
  return [
    ...(run.import ? [importBlock(run.import, run.engine)] : []),
    ...(run.import?.searchIndexCost ? [searchIndexCostBlock(run.import.searchIndexCost, run.engine)] : []),
    ...run.lookups.map(lookupBlock),
    ...run.exports.map(exportBlock),
  ];
}

const sizeOf = (run: EngineRun) => `${n(run.claims)} claims, ${n(run.articles)} articles, ${n(run.sources)} sources`;

/**
 * The run as a markdown section: one table, each figure beside its baseline (the raw driver on
 * the same engine), ratio and target; with two engines, each measure's SQLite rows and then its
 * PostgreSQL rows, side by side.
 */
export function renderRun(run: BenchRun): string {
  const lines: string[] = [];
  const sizes = [...new Set(run.engines.map(sizeOf))];
  lines.push(`## ${run.label}: ${sizes.length === 1 ? sizes[0] : "sizes differ by engine (see notes)"}`);
  lines.push("");
  lines.push(
    `${run.date} on ${run.machine}; load average ${n(run.loadBefore, 2)} before the run (the machine is shared).`,
  );
  lines.push(
    `Engines: ${run.engines.map((e) => `${ENGINE_NAMES[e.engine]} (load average ${n(e.loadBefore, 2)} before it)`).join(", ")}. Baselines: the raw driver on the same engine (better-sqlite3, pg) and its shell (sqlite3, psql).`,
  );
  lines.push(
    `Lookups: autocannon, ${run.connections} connections, ${run.seconds} s each, from the benchmark process; servers in their own processes.`,
  );
  lines.push("");
  lines.push("| Engine | Measure | claimtrail | baseline | ratio | target |");
  lines.push("|---|---|---|---|---|---|");
  const perEngine = run.engines.map((engine) => ({ engine, blocks: new Map(blocks(engine).map((b) => [b.key, b])) }));
  const keys = [...new Set(perEngine.flatMap(({ blocks }) => [...blocks.keys()]))];
  for (const key of keys) {
    for (const { engine, blocks } of perEngine) {
      for (const row of blocks.get(key)?.rows ?? [])
        lines.push(`| ${ENGINE_NAMES[engine.engine]} | ${row.join(" | ")} |`);
    }
  }
  const notes = run.engines.flatMap((engine) => [
    ...(sizes.length === 1 ? [] : [`${ENGINE_NAMES[engine.engine]}: ${sizeOf(engine)}.`]),
    ...engine.notes.map((note) => `${ENGINE_NAMES[engine.engine]}: ${note}`),
  ]);
  if (notes.length > 0) {
    lines.push("");
    for (const note of notes) lines.push(`- ${note}`);
  }
  return lines.join("\n");
}

/** Replaces the section of the same label and size in `existing`, or appends it. */
export function mergeResults(existing: string, run: BenchRun): string {
  const id = `${run.label}-${run.engines.map((e) => `${e.engine === "sqlite" ? "" : `${e.engine}-`}${e.claims}`).join("-")}`;
  const section = `<!-- run:${id} -->\n${renderRun(run)}\n<!-- /run:${id} -->`;
  const header =
    "# claimtrail benchmark results\n\nWritten by `npm run bench`; one section per label and size. See README, Benchmark.\n";
  const body = existing.trim() === "" ? header : existing;
  const pattern = new RegExp(`<!-- run:${id} -->[\\s\\S]*?<!-- /run:${id} -->`);
  return pattern.test(body) ? body.replace(pattern, section) : `${body.trimEnd()}\n\n${section}\n`;
}
