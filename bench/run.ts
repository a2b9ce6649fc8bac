/**
 * `npm run bench -- [--claims N] [--seconds S] [--database postgres://...] [--phases ...]
 * [--export-formats csv,jsonl] ...`: generates a corpus, imports it through claimtrail, loads
 * the lookups against claimtrail and the raw-driver baseline, measures the exports, on SQLite and
 * (with --database) PostgreSQL, prints the results and writes them to bench/results.md.
 * Progress goes to stderr.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { type BenchTarget, EXPORT_FORMATS, PHASES, runBench } from "./bench.js";
import { corpusOptions, DEFAULT_CLAIMS } from "./corpus.js";
import { dropPostgres, preparePostgres } from "./postgresDatabase.js";
import { mergeResults, renderRun } from "./results.js";
import { PROJECT_ROOT } from "./servers.js";

const Count = (name: string) =>
  z.coerce
    .number({ error: `--${name} must be a number` })
    .int()
    .positive(`--${name} must be positive`);
/** `--name a,b`: some of `choices`, all of them by default. */
const CommaList = <T extends string>(name: string, choices: readonly T[]) =>
  z
    .string()
    .default(choices.join(","))
    .transform((list) => list.split(","))
    .pipe(
      z.array(
        z.enum(choices as [T, ...T[]], { error: `--${name} takes a comma-separated list of ${choices.join(", ")}` }),
      ),
    );
const Args = z.object({
  claims: Count("claims").default(DEFAULT_CLAIMS),
  articles: Count("articles").optional(),
  sources: Count("sources").min(20, "--sources must be at least 20").optional(),
  seed: z.coerce.number().int().default(42),
  seconds: Count("seconds").default(10),
  connections: Count("connections").default(10),
  db: z.string().min(1).optional(),
  database: z
    .string()
    .regex(/^postgres(ql)?:\/\/[^/]+\/[^/?]+/, "--database must be postgres://USER:PASSWORD@HOST:PORT/DATABASE")
    .optional(),
  reuse: z.boolean().default(false),
  engines: z
    .string()
    .transform((list) => list.split(","))
    .pipe(z.array(z.enum(["sqlite", "postgresql"], { error: "--engines takes sqlite, postgresql or both" })))
    .optional(),
  label: z
    .string()
    .regex(/^[a-z0-9-]+$/, "--label must be lowercase letters, digits and hyphens")
    .default("current"),
  phases: CommaList("phases", PHASES),
  exportFormats: CommaList("export-formats", EXPORT_FORMATS),
  out: z.string().default(join(PROJECT_ROOT, "bench", "results.md")),
});

const { values } = parseArgs({
  options: {
    claims: { type: "string" },
    articles: { type: "string" },
    sources: { type: "string" },
    seed: { type: "string" },
    seconds: { type: "string" },
    connections: { type: "string" },
    db: { type: "string" },
    database: { type: "string" },
    reuse: { type: "boolean" },
    engines: { type: "string" },
    label: { type: "string" },
    phases: { type: "string" },
    "export-formats": { type: "string" },
    out: { type: "string" },
  },
  strict: true,
});
const parsed = Args.safeParse({ ...values, exportFormats: values["export-formats"] });
if (!parsed.success) {
  process.stderr.write(`bench: ${parsed.error.issues.map((i) => i.message).join("; ")}\n`);
  process.exit(1);
}
const args = parsed.data;

const engines = new Set(args.engines ?? (args.database ? ["sqlite", "postgresql"] : ["sqlite"]));
if (engines.has("postgresql") && !args.database) {
  process.stderr.write("bench: --engines postgresql needs --database postgres://USER:PASSWORD@HOST:PORT/DATABASE\n");
  process.exit(1);
}

// --db keeps the database (and reuses it when it already holds the corpus); otherwise a temporary one.
const folder = args.db ? null : mkdtempSync(join(tmpdir(), "claimtrail-bench-"));
const file = args.db ? resolve(args.db) : join(folder!, "bench.db");
// Export files are large (a million claims: about 1 GB each); they go when the run ends.
const workFolder = folder ?? mkdtempSync(join(tmpdir(), "claimtrail-bench-out-"));
const targets: BenchTarget[] = [];
if (engines.has("sqlite")) targets.push({ url: `file:${file}`, reuse: args.db !== undefined && existsSync(file) });
// --database: a new or empty database the benchmark fills (and drops at the end if it created
// it), or with --reuse one it filled before (and keeps).
let dropAtEnd: string | null = null;
if (engines.has("postgresql")) {
  const url = args.database!;
  try {
    const prepared = await preparePostgres(url, args.reuse);
    if (prepared.created && !args.reuse) dropAtEnd = url;
    targets.push({ url, reuse: prepared.reuse });
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
try {
  const run = await runBench({
    targets,
    corpus: corpusOptions(args.claims, { articles: args.articles, sources: args.sources, seed: args.seed }),
    seconds: args.seconds,
    connections: args.connections,
    label: args.label,
    workFolder,
    phases: new Set(args.phases),
    exportFormats: new Set(args.exportFormats),
  });
  const existing = existsSync(args.out) ? await readFile(args.out, "utf8") : "";
  await writeFile(args.out, mergeResults(existing, run));
  process.stdout.write(`${renderRun(run)}\n\nwritten to ${args.out}\n`);
} finally {
  rmSync(workFolder, { recursive: true, force: true });
  if (dropAtEnd) await dropPostgres(dropAtEnd);
}
