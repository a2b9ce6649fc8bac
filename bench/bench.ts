import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sqliteFilePath } from "../src/db/client.js";
import { type Engine, engineOf, redactedUrl } from "../src/db/url.js";
import { openBenchDatabase } from "./benchDatabase.js";
import type { CorpusOptions } from "./corpus.js";
import {
  type ExportFigures,
  hasShell,
  measureHttpExport,
  measurePagedExport,
  measurePsqlExport,
  measureSqliteShellExport,
} from "./exports.js";
import { importCorpus } from "./importCorpus.js";
import { chooseLookups, measureLookups } from "./lookups.js";
import { type ImportRecord, readPostgresImportRecord, writePostgresImportRecord } from "./postgresDatabase.js";
import { progress, progressDone } from "./progress.js";
import { type BenchRun, currentLoad, describeMachine, type EngineRun } from "./results.js";
import { measureSearchIndexCost } from "./searchIndexCost.js";
import { type RunningServer, startBaseline, startClaimtrail } from "./servers.js";
import { PSQL_CLAIMS_CSV, SQLITE_SHELL_CLAIMS_CSV } from "./shellExport.js";

/** One database the benchmark measures: a SQLite file or a PostgreSQL database. */
export interface BenchTarget {
  /** claimtrail's DATABASE_URL for it: `file:/path.db` or `postgres://...`. */
  url: string;
  /** Skip the import: it already holds a corpus (from an earlier run), whatever `corpus` asks for. */
  reuse: boolean;
}

export interface BenchOptions {
  /** The databases to measure, one engine section each, in this order. */
  targets: BenchTarget[];
  corpus: CorpusOptions;
  seconds: number;
  connections: number;
  label: string;
  /** Where export files are written (and left for inspection only while the run lasts). */
  workFolder: string;
  /** What to measure: all three unless narrowed (`--phases import`, to build a corpus to reuse). */
  phases?: ReadonlySet<Phase>;
  /** The claim exports the exports phase measures: both unless narrowed (`--export-formats csv`). */
  exportFormats?: ReadonlySet<ExportFormat>;
}

export type ExportFormat = "csv" | "jsonl";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "jsonl"];

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
async function storedCorpusSize(url: string): Promise<Pick<EngineRun, "claims" | "articles" | "sources">> {
  const db = openBenchDatabase(url, 1);
  try {
    const count = async (table: string) =>
      Number(Object.values((await db.all(`SELECT COUNT(*) AS "n" FROM "${table}"`))[0]!)[0]);
    return { claims: await count("Claim"), articles: await count("Article"), sources: await count("Source") };
  } finally {
    await db.close();
  }
}

// The import's figures are kept with the corpus, so a run that reuses it still reports them:
// beside the SQLite file, in the PostgreSQL database's comment (which also marks it as the
// benchmark's own, see preparePostgres).
async function readImportRecord(url: string): Promise<ImportRecord | null> {
  if (engineOf(url) === "postgresql") return readPostgresImportRecord(url);
  const file = `${sqliteFilePath(url)}.import.json`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ImportRecord) : null;
}

async function writeImportRecord(url: string, record: ImportRecord): Promise<void> {
  if (engineOf(url) === "postgresql") await writePostgresImportRecord(url, record);
  else writeFileSync(`${sqliteFilePath(url)}.import.json`, JSON.stringify(record));
}

/** The whole benchmark, each database in turn: import, lookups under load, exports. */
export async function runBench(options: BenchOptions): Promise<BenchRun> {
  const loadBefore = currentLoad();
  const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const engines: EngineRun[] = [];
  for (const target of options.targets) engines.push(await benchOne(target, options, date));
  progress("done");
  progressDone();
  return {
    label: options.label,
    date,
    machine: describeMachine(),
    loadBefore,
    seconds: options.seconds,
    connections: options.connections,
    engines,
  };
}

async function benchOne(target: BenchTarget, options: BenchOptions, date: string): Promise<EngineRun> {
  const { url } = target;
  const engine = engineOf(url);
  const notes: string[] = [];
  const phases = options.phases ?? new Set(PHASES);
  const loadBefore = currentLoad();
  let imported: EngineRun["import"] = null;
  if (target.reuse) {
    const record = await readImportRecord(url);
    if (record) {
      imported = record.figures;
      notes.push(
        `Import measured when the corpus was built (${record.date}, load average ${record.loadBefore.toFixed(2)}); this run reused it.`,
      );
    } else {
      notes.push(`Import skipped: reused the corpus in ${redactedUrl(url)}.`);
    }
  } else if (phases.has("import")) {
    progress(`${engine}: import`);
    imported = await importCorpus(url, options.corpus);
    progressDone();
    imported.searchIndexCost = await measureSearchIndexCost(url, options.workFolder, options.corpus);
    await writeImportRecord(url, { date, loadBefore, figures: imported });
    progressDone();
  }

  const lookups = !phases.has("lookups")
    ? []
    : await withServer(
        () => startClaimtrail(url),
        async (claimtrail) => {
          const lookups = await chooseLookups(url);
          return withServer(
            () => startBaseline(url),
            (baseline) =>
              measureLookups(lookups, claimtrail, baseline, {
                seconds: options.seconds,
                connections: options.connections,
              }),
          );
        },
      );
  progressDone();

  const exports: EngineRun["exports"] = [];
  if (phases.has("exports"))
    await measureExports(
      engine,
      url,
      options.workFolder,
      options.exportFormats ?? new Set(EXPORT_FORMATS),
      exports,
      notes,
    );

  return {
    engine,
    ...(target.reuse
      ? await storedCorpusSize(url)
      : { claims: options.corpus.claims, articles: options.corpus.articles, sources: options.corpus.sources }),
    loadBefore,
    import: imported,
    lookups,
    exports,
    notes,
  };
}

/** The shell that exports the same CSV straight from the database: the export's yardstick. */
async function measureShellBaseline(
  engine: Engine,
  url: string,
  workFolder: string,
  notes: string[],
): Promise<ExportFigures | null> {
  const shell = engine === "sqlite" ? "sqlite3" : "psql";
  if (!(await hasShell(shell))) {
    notes.push(
      `${shell} or /usr/bin/time is missing: no export baseline (apt-get install ${shell === "psql" ? "postgresql-client" : "sqlite3"} time).`,
    );
    return null;
  }
  const file = join(workFolder, `${engine}-shell.csv`);
  return engine === "sqlite"
    ? measureSqliteShellExport("sqlite3 -csv", sqliteFilePath(url), SQLITE_SHELL_CLAIMS_CSV, file)
    : measurePsqlExport("psql \\copy csv", url, PSQL_CLAIMS_CSV, file);
}

async function measureExports(
  engine: Engine,
  url: string,
  workFolder: string,
  formats: ReadonlySet<ExportFormat>,
  exports: EngineRun["exports"],
  notes: string[],
): Promise<void> {
  const shell = await measureShellBaseline(engine, url, workFolder, notes);
  const endpoint = await withServer(() => startClaimtrail(url), hasExportEndpoint);
  if (endpoint) {
    // CSV: a header, then one row a claim; JSONL: one claim sheet an article.
    const headerRows: Record<ExportFormat, number> = { csv: 1, jsonl: 0 };
    for (const format of EXPORT_FORMATS.filter((f) => formats.has(f))) {
      const figures: ExportFigures = await withServer(
        () => startClaimtrail(url),
        (server) =>
          measureHttpExport(
            `export claims.${format}`,
            server,
            `/api/export/claims.${format}`,
            join(workFolder, `${engine}-claims.${format}`),
            headerRows[format],
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
          join(workFolder, `${engine}-paged.jsonl`),
        ),
    );
    exports.push({ claimtrail: figures, baseline: shell });
  }
  progressDone();
}
