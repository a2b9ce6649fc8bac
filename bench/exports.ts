import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { progress } from "./progress.js";
import type { RunningServer } from "./servers.js";

const run = promisify(execFile);

export interface ExportFigures {
  name: string;
  seconds: number;
  /** Peak resident set of the exporting process (VmHWM), in MiB. */
  peakRssMiB: number;
  bytes: number;
  rows: number;
}

/** The peak resident set so far of a running process, in MiB, from /proc/PID/status. */
export async function peakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

async function countLines(file: string): Promise<number> {
  const { stdout } = await run("wc", ["-l", file]);
  return Number.parseInt(stdout, 10);
}

/**
 * Downloads an export from a freshly started server into `file` and reads the server's peak
 * RSS afterwards: the server is the exporting process. `headerRows` is 1 for CSV.
 */
export async function measureHttpExport(
  name: string,
  server: RunningServer,
  path: string,
  file: string,
  headerRows: number,
): Promise<ExportFigures> {
  progress(`export: ${name}`);
  const began = performance.now();
  const response = await fetch(server.url + path);
  if (response.status !== 200 || !response.body)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), createWriteStream(file));
  const seconds = (performance.now() - began) / 1000;
  return {
    name,
    seconds,
    peakRssMiB: await peakRssMiB(server.pid),
    bytes: (await stat(file)).size,
    rows: (await countLines(file)) - headerRows,
  };
}

/**
 * Exports by walking a paginated listing (`?limit=500&cursor=...`) into JSON lines: the way a
 * client exports when no export endpoint exists.
 */
export async function measurePagedExport(
  name: string,
  server: RunningServer,
  path: string,
  file: string,
): Promise<ExportFigures> {
  progress(`export: ${name}`);
  const out = createWriteStream(file);
  const began = performance.now();
  let cursor: string | null = null;
  let rows = 0;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const response = await fetch(`${server.url}${path}${separator}limit=500${cursor ? `&cursor=${cursor}` : ""}`);
    const body = (await response.json()) as { data: unknown[]; page: { nextCursor: string | null } };
    for (const row of body.data) {
      if (!out.write(`${JSON.stringify(row)}\n`))
        await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    rows += body.data.length;
    cursor = body.page.nextCursor;
    if (rows % 50_000 < 500) progress(`export: ${name}: ${rows.toLocaleString("en")} rows`);
  } while (cursor);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const seconds = (performance.now() - began) / 1000;
  return { name, seconds, peakRssMiB: await peakRssMiB(server.pid), bytes: (await stat(file)).size, rows };
}

/** Runs a shell command under GNU time (wall seconds and maximum resident set) into `file`. */
async function measureShellExport(name: string, script: string, args: string[], file: string): Promise<ExportFigures> {
  progress(`export: ${name}`);
  const timing = `${file}.time`;
  await run("/usr/bin/time", ["-f", "%e %M", "-o", timing, "sh", "-c", script, "sh", ...args, file], {
    maxBuffer: 1024 * 1024,
  });
  const [seconds, kib] = (await readFile(timing, "utf8")).trim().split(/\s+/).slice(-2).map(Number);
  return {
    name,
    seconds: seconds!,
    peakRssMiB: kib! / 1024,
    bytes: (await stat(file)).size,
    rows: (await countLines(file)) - 1,
  };
}

/** The yardstick on SQLite: the sqlite3 shell's `-csv` export of the equivalent query. */
export function measureSqliteShellExport(
  name: string,
  databaseFile: string,
  query: string,
  file: string,
): Promise<ExportFigures> {
  return measureShellExport(name, 'sqlite3 -readonly -csv -header "$1" "$2" > "$3"', [databaseFile, query], file);
}

/** The yardstick on PostgreSQL: psql's `\copy (query) to stdout csv header`. */
export function measurePsqlExport(
  name: string,
  databaseUrl: string,
  query: string,
  file: string,
): Promise<ExportFigures> {
  return measureShellExport(
    name,
    'psql "$1" -v ON_ERROR_STOP=1 -X -q -c "\\copy ($2) to stdout with (format csv, header)" > "$3"',
    [databaseUrl, query],
    file,
  );
}

/** Whether the shell (`sqlite3` or `psql`) and /usr/bin/time are installed (the shell baseline needs both). */
export async function hasShell(shell: "sqlite3" | "psql"): Promise<boolean> {
  try {
    await run("sh", ["-c", `command -v ${shell} && test -x /usr/bin/time`]);
    return true;
  } catch {
    return false;
  }
}
