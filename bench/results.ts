import { cpus, loadavg, totalmem } from "node:os";
import type { ExportFigures } from "./exports.js";
import type { ImportFigures } from "./importCorpus.js";
import type { LoadFigures, LookupFigures } from "./lookups.js";

export interface BenchRun {
  label: string;
  claims: number;
  articles: number;
  sources: number;
  date: string;
  machine: string;
  /** 1-minute load average before the run: other processes share this machine. */
  loadBefore: number;
  import: ImportFigures | null;
  lookups: LookupFigures[];
  seconds: number;
  connections: number;
  exports: { claimtrail: ExportFigures; baseline: ExportFigures | null }[];
  notes: string[];
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

/** The run as a markdown section: one table, each figure beside its baseline, ratio and target. */
export function renderRun(run: BenchRun): string {
  const lines: string[] = [];
  lines.push(`## ${run.label}: ${n(run.claims)} claims, ${n(run.articles)} articles, ${n(run.sources)} sources`);
  lines.push("");
  lines.push(
    `${run.date} on ${run.machine}; load average ${n(run.loadBefore, 2)} before the run (the machine is shared).`,
  );
  lines.push(
    `Lookups: autocannon, ${run.connections} connections, ${run.seconds} s each, from the benchmark process; servers in their own processes.`,
  );
  lines.push("");
  lines.push("| Measure | claimtrail | baseline | ratio | target |");
  lines.push("|---|---|---|---|---|");
  if (run.import) {
    const i = run.import;
    const how =
      i.sheetsPerImport === undefined
        ? "import (recorded by an earlier benchmark)"
        : `import via importClaimSheets, ${n(i.sheetsPerImport)} sheets a call`;
    lines.push(
      `| ${how} (claims/s), ${n(i.claims)} claims in ${n(i.importSeconds, 1)} s | ${n(i.claimsPerSecond)} | - | - | >= 20,000: ${mark(i.claimsPerSecond >= 20_000)} |`,
    );
  }
  for (const f of run.lookups) {
    const same = f.sameJson ? "same JSON" : `**JSON differs**: ${f.difference ?? ""}`;
    const failures =
      f.claimtrail.failures + f.baseline.failures > 0
        ? `, **${f.claimtrail.failures}/${f.baseline.failures} failed responses**`
        : "";
    lines.push(
      `| \`GET ${f.lookup.path}\` (${f.lookup.name}) req/s | ${n(f.claimtrail.requestsPerSecond)} | ${n(f.baseline.requestsPerSecond)} | ${ratio(f.claimtrail.requestsPerSecond, f.baseline.requestsPerSecond)} | >= 0.5x: ${mark(f.claimtrail.requestsPerSecond >= 0.5 * f.baseline.requestsPerSecond)} (${same}${failures}) |`,
    );
    // No completed request means no latency figure: every request outlasted the run.
    const latency = (l: LoadFigures) => (l.requestsPerSecond > 0 ? `${l.p50} / ${l.p99}` : "none completed");
    lines.push(
      `| ... p50 / p99 (ms) | ${latency(f.claimtrail)} | ${latency(f.baseline)} | ${f.claimtrail.requestsPerSecond > 0 ? `${ratio(f.claimtrail.p99, f.baseline.p99)} (p99)` : "-"} | p99 < 25 ms: ${mark(f.claimtrail.requestsPerSecond > 0 && f.claimtrail.p99 < 25)} |`,
    );
  }
  for (const { claimtrail: ours, baseline: theirs } of run.exports) {
    const within = theirs ? ours.seconds <= 2 * theirs.seconds : false;
    lines.push(
      `| ${ours.name}: ${n(ours.rows)} ${ours.name.endsWith(".jsonl") ? "lines (claim sheets)" : "rows"}, ${n(ours.bytes / 2 ** 20, 1)} MiB, wall s | ${n(ours.seconds, 1)} | ${theirs ? `${n(theirs.seconds, 1)} (${theirs.name})` : "-"} | ${theirs ? ratio(ours.seconds, theirs.seconds) : "-"} | ${theirs ? `<= 2x: ${mark(within)}` : "-"} |`,
    );
    lines.push(
      `| ... peak RSS (MiB) | ${n(ours.peakRssMiB)} | ${theirs ? n(theirs.peakRssMiB) : "-"} | ${theirs ? ratio(ours.peakRssMiB, theirs.peakRssMiB) : "-"} | < 200 MB: ${mark(ours.peakRssMiB * 1.048576 < 200)} |`,
    );
  }
  if (run.notes.length > 0) {
    lines.push("");
    for (const note of run.notes) lines.push(`- ${note}`);
  }
  return lines.join("\n");
}

/** Replaces the section of the same label and size in `existing`, or appends it. */
export function mergeResults(existing: string, run: BenchRun): string {
  const id = `${run.label}-${run.claims}`;
  const section = `<!-- run:${id} -->\n${renderRun(run)}\n<!-- /run:${id} -->`;
  const header =
    "# claimtrail benchmark results\n\nWritten by `npm run bench`; one section per label and size. See README, Benchmark.\n";
  const body = existing.trim() === "" ? header : existing;
  const pattern = new RegExp(`<!-- run:${id} -->[\\s\\S]*?<!-- /run:${id} -->`);
  return pattern.test(body) ? body.replace(pattern, section) : `${body.trimEnd()}\n\n${section}\n`;
}
