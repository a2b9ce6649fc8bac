import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { CorpusOptions } from "./corpus.js";
import {
  type ExportFigures,
  hasSqliteShell,
  measureHttpExport,
  measurePagedExport,
  measureSqliteShellExport,
} from "./exports.js";
import { type ImportFigures, importCorpus } from "./importCorpus.js";
import { chooseLookups, measureLookups } from "./lookups.js";
import { progress, progressDone } from "./progress.js";
import { type BenchRun, currentLoad, describeMachine } from "./results.js";
import { type RunningServer, startBaseline, startClaimtrail } from "./servers.js";
import { SQLITE_SHELL_CLAIMS_CSV } from "./shellExport.js";

export interface BenchOptions {
  /** The SQLite file the corpus is imported into. */
  file: string;
  /** Skip the import: the file already holds a corpus (from an earlier run with --db), whatever `corpus` asks for. */
  reuse: boolean;
  corpus: CorpusOptions;
  seconds: number;
  connections: number;
  label: string;
  /** Where export files are written (and left for inspection only while the run lasts). */
  workFolder: string;
  /** What to measure: all three unless narrowed (`--phases import`, to build a corpus to reuse). */
  phases?: ReadonlySet<Phase>;
}

export type Phase = "import" | "lookups" | "exports";
export const PHASES: readonly Phase[] = ["import", "lookups", "exports"];

async function withServer<T>(
  start: () => Promise<RunningServer>,
  work: (server: RunningServer) => Promise<T>,
): Promise<T> {
  const server = await start();
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

/** Whether this claimtrail has the streaming export endpoints (issue 3). */
async function hasExportEndpoint(server: RunningServer): Promise<boolean> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/api/export/claims.csv`, { signal: controller.signal });
  controller.abort();
  return response.status === 200;
}

/** The claims, articles and sources a reused database holds: what a run on it measures. */
function storedCorpusSize(file: string): Pick<BenchRun, "claims" | "articles" | "sources"> {
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number;
    return { claims: count("Claim"), articles: count("Article"), sources: count("Source") };
  } finally {
    db.close();
  }
}

/** The whole benchmark, in order: import, lookups under load, exports. */
export async function runBench(options: BenchOptions): Promise<BenchRun> {
  const url = `file:${options.file}`;
  const notes: string[] = [];
  const loadBefore = currentLoad();
  const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");

  const phases = options.phases ?? new Set(PHASES);
  // The import's figures are kept beside the database, so a run that reuses it still reports them.
  const importRecord = `${options.file}.import.json`;
  let imported: BenchRun["import"] = null;
  if (options.reuse) {
    if (existsSync(importRecord)) {
      const record = JSON.parse(readFileSync(importRecord, "utf8")) as {
        date: string;
        figures: ImportFigures;
        loadBefore: number;
      };
      imported = record.figures;
      notes.push(
        `Import measured when the corpus was built (${record.date}, load average ${record.loadBefore.toFixed(2)}); this run reused it.`,
      );
    } else {
      notes.push(`Import skipped: reused the corpus in ${options.file}.`);
    }
  } else if (phases.has("import")) {
    imported = await importCorpus(url, options.corpus);
    writeFileSync(importRecord, JSON.stringify({ date, loadBefore, figures: imported }));
    progressDone();
  }

  const lookups = !phases.has("lookups")
    ? []
    : await withServer(
        () => startClaimtrail(url),
        (claimtrail) =>
          withServer(
            () => startBaseline(options.file),
            (baseline) =>
              measureLookups(chooseLookups(options.file), claimtrail, baseline, {
                seconds: options.seconds,
                connections: options.connections,
              }),
          ),
      );
  progressDone();

  const exports: BenchRun["exports"] = [];
  if (phases.has("exports")) await measureExports(options, url, exports, notes);
  progress("done");
  progressDone();

  return {
    label: options.label,
    ...(options.reuse
      ? storedCorpusSize(options.file)
      : { claims: options.corpus.claims, articles: options.corpus.articles, sources: options.corpus.sources }),
    date,
    machine: describeMachine(),
    loadBefore,
    import: imported,
    lookups,
    seconds: options.seconds,
    connections: options.connections,
    exports,
    notes,
  };
}

async function measureExports(
  options: BenchOptions,
  url: string,
  exports: BenchRun["exports"],
  notes: string[],
): Promise<void> {
  const shell = (await hasSqliteShell())
    ? await measureSqliteShellExport(
        "sqlite3 -csv",
        options.file,
        SQLITE_SHELL_CLAIMS_CSV,
        join(options.workFolder, "shell.csv"),
      )
    : null;
  if (!shell)
    notes.push("The sqlite3 shell or /usr/bin/time is missing: no export baseline (apt-get install sqlite3 time).");
  const endpoint = await withServer(() => startClaimtrail(url), hasExportEndpoint);
  if (endpoint) {
    // CSV: a header, then one row a claim; JSONL: one claim sheet an article.
    for (const [format, headerRows] of [
      ["csv", 1],
      ["jsonl", 0],
    ] as const) {
      const figures: ExportFigures = await withServer(
        () => startClaimtrail(url),
        (server) =>
          measureHttpExport(
            `export claims.${format}`,
            server,
            `/api/export/claims.${format}`,
            join(options.workFolder, `claims.${format}`),
            headerRows,
          ),
      );
      exports.push({ claimtrail: figures, baseline: format === "csv" ? shell : null });
    }
  } else {
    notes.push(
      "No /api/export/claims.csv in this build: the export was measured by paging GET /api/claims?limit=500 into JSON lines.",
    );
    const figures = await withServer(
      () => startClaimtrail(url),
      (server) =>
        measurePagedExport(
          "paged /api/claims to JSONL",
          server,
          "/api/claims",
          join(options.workFolder, "paged.jsonl"),
        ),
    );
    exports.push({ claimtrail: figures, baseline: shell });
  }
  progressDone();
}
