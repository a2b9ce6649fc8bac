import { PassThrough, type Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import type ExcelJS from "exceljs";
import type { Db } from "../../db/client.js";
import { urls } from "../../urls.js";
import { CLAIM_COLUMNS, claimRowPages } from "./claimRows.js";
import { type Column, cellText } from "./columns.js";
import { CONTRADICTION_COLUMNS, contradictionRowPages } from "./contradictionRows.js";
import { csvRecord, UTF8_BOM } from "./csv.js";
import { claimSheetChunks } from "./exportClaimSheets.js";
import type { ExportFilters } from "./exportFilters.js";
import { readingAhead } from "./keyset.js";
import { schemaOrgChunks } from "./schemaOrg.js";
import { SOURCE_COLUMNS, sourceRowPages } from "./sourceRows.js";
import { webAnnotationChunks } from "./webAnnotations.js";

/** What can be exported, and in which formats (the URL suffix). */
export const EXPORT_FORMATS = {
  claims: ["csv", "xlsx", "json", "jsonl", "jsonld"],
  sources: ["csv", "xlsx", "json", "jsonl"],
  contradictions: ["csv", "xlsx", "json", "jsonl"],
  annotations: ["jsonld"],
} as const;

export type ExportTable = keyof typeof EXPORT_FORMATS;
export type ExportFormat = (typeof EXPORT_FORMATS)[ExportTable][number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  jsonl: "application/jsonl; charset=utf-8",
  jsonld: "application/ld+json; charset=utf-8",
};

export interface ExportRequest {
  table: ExportTable;
  format: ExportFormat;
  filters: ExportFilters;
  /** PUBLIC_URL: linked-data exports name claims by URLs under it (e.g. http://127.0.0.1:3000/api/claims/42). */
  baseUrl: string;
  /** Where the API is mounted under baseUrl (API_PREFIX, `/api`, by default). */
  apiPrefix?: string;
  /** Rows read per query. */
  pageSize?: number;
  /** Called after each page with the number of rows written so far (for progress on a terminal). */
  onProgress?: (rows: number) => void;
}

/** Whether `table` names an export: an own key only, so "constructor" or "__proto__" is none. */
export function isExportTable(table: string): table is ExportTable {
  return Object.hasOwn(EXPORT_FORMATS, table);
}

/** Whether `format` is one the table exports in. */
export function isExportFormat(table: ExportTable, format: string): format is ExportFormat {
  return (EXPORT_FORMATS[table] as readonly string[]).includes(format);
}

/** `claimtrail-claims-<article>-<topic>.csv`: the table, then the filters that narrow it. */
export function exportFileName(request: Pick<ExportRequest, "table" | "format" | "filters">): string {
  const { filters } = request;
  const parts = [filters.article, filters.source, filters.role, filters.kind, filters.topic, filters.status]
    .filter((part): part is string => part !== undefined && part !== "any")
    .map((part) => part.replace(/[^a-z0-9-]+/gi, "-"));
  return `${["claimtrail", request.table, ...parts].join("-")}.${request.format}`;
}

/**
 * Writes an export to `out` as rows are read from the database, one page at a time, waiting
 * for `out` to drain whenever it is full; `out` is ended at the end. Used by GET /api/export/*
 * and `claimtrail export`.
 */
export async function writeExport(db: Db, request: ExportRequest, out: Writable): Promise<void> {
  if (request.format === "xlsx") {
    await writeWorkbook(db, request, out);
    return;
  }
  for await (const chunk of textChunks(db, request)) {
    if (!out.write(chunk)) await drained(out);
    // better-sqlite3 answers synchronously, and a socket the kernel empties at once emits
    // "drain" on the same turn, so without this the export would hold the event loop (every
    // other request) until its last row.
    await nextTurn();
  }
  out.end();
  await finished(out);
}

/** Waits until `out` takes more, or fails if `closing` (the destination) is closed first (a client that went away). */
function drained(out: Writable, closing: Writable = out): Promise<void> {
  if (closing.destroyed) return Promise.reject(new Error("the export's destination was closed"));
  // Whichever event comes removes both listeners, so waits do not pile them up (an AbortSignal
  // per wait cost 1.3% of a CSV export's CPU, in the DOMException each abort builds).
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      closing.off("close", onClose);
      resolve();
    };
    const onClose = () => {
      out.off("drain", onDrain);
      reject(new Error("the export's destination was closed"));
    };
    out.once("drain", onDrain);
    closing.once("close", onClose);
  });
}

function textChunks(db: Db, request: ExportRequest): AsyncGenerator<string> {
  const { table, format, filters, pageSize } = request;
  const links = urls(request.baseUrl, request.apiPrefix);
  const progress = counting(request.onProgress);
  let claims = 0;
  const onClaims = (count: number) => {
    claims += count;
    request.onProgress?.(claims);
  };
  if (table === "annotations") return webAnnotationChunks(db, filters, links, pageSize, onClaims);
  if (table === "claims" && format === "jsonld") return schemaOrgChunks(db, filters, links, pageSize, onClaims);
  if (table === "claims" && (format === "json" || format === "jsonl"))
    return claimSheetChunks(db, filters, format, pageSize, onClaims);
  switch (table) {
    case "claims":
      return rowChunks(progress(claimRowPages(db, filters, pageSize)), CLAIM_COLUMNS, format);
    case "sources":
      return rowChunks(progress(sourceRowPages(db, filters, pageSize)), SOURCE_COLUMNS, format);
    case "contradictions":
      return rowChunks(progress(contradictionRowPages(db, filters, pageSize)), CONTRADICTION_COLUMNS, format);
  }
}

/** Passes pages through, reporting the running row count. */
function counting(onProgress: ((rows: number) => void) | undefined) {
  return async function* <T>(pages: AsyncIterable<T[]>): AsyncGenerator<T[]> {
    let rows = 0;
    for await (const page of pages) {
      yield page;
      rows += page.length;
      onProgress?.(rows);
    }
  };
}

/**
 * Rows per string written. A whole page as one string (about 130 KB) is allocated in V8's
 * large-object space, which only a full collection frees; strings of 50 rows die young.
 * Measured on a CSV export of 1M claims, five runs each: peak RSS 158-204 MiB (median 183)
 * with a string a page, 155-167 MiB (median 160) with 50 rows.
 */
const ROWS_PER_CHUNK = 50;

async function* inSlices<R>(pages: AsyncIterable<R[]>): AsyncGenerator<R[]> {
  for await (const page of pages) {
    for (let i = 0; i < page.length; i += ROWS_PER_CHUNK) yield page.slice(i, i + ROWS_PER_CHUNK);
  }
}

/** Flat rows as CSV (BOM, header, CRLF records), a JSON array (one row a line) or JSONL. */
async function* rowChunks<R>(
  pages: AsyncIterable<R[]>,
  columns: Column<R>[],
  format: ExportFormat,
): AsyncGenerator<string> {
  const slices = inSlices(readingAhead(pages));
  if (format === "csv") {
    yield UTF8_BOM + csvRecord(columns.map((c) => c.header));
    for await (const rows of slices)
      yield rows.map((row) => csvRecord(columns.map((c) => cellText(c.value(row))))).join("");
    return;
  }
  if (format === "jsonl") {
    for await (const rows of slices) yield rows.map((row) => `${JSON.stringify(row)}\n`).join("");
    return;
  }
  let first = true;
  for await (const rows of slices) {
    yield (first ? "[\n" : ",\n") + rows.map((row) => JSON.stringify(row)).join(",\n");
    first = false;
  }
  yield first ? "[]\n" : "\n]\n";
}

/**
 * An XLSX workbook written with exceljs's streaming writer: sheets Claims, Sources and
 * Contradictions for a claims export (one sheet for the others), each with a bold frozen
 * header row, an autofilter, set widths and wrapped long text. Shared strings are off so
 * memory does not grow with the rows.
 */
async function writeWorkbook(db: Db, request: ExportRequest, out: Writable): Promise<void> {
  const zipped = new PassThrough();
  const progress = new ZipProgress(zipped);
  zipped.pipe(out);
  // Loaded on first use: exceljs adds about 16 MB to every process that imports it.
  const { default: excel } = await import("exceljs");
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: zipped, useStyles: true, useSharedStrings: false });
  workbook.creator = "claimtrail";
  const { filters, pageSize } = request;
  const rows = counting(request.onProgress);
  const sheet = <R>(name: string, columns: Column<R>[], pages: AsyncIterable<R[]>) =>
    addSheet(workbook, name, columns, pages, () => progress.catchUp(out));
  if (request.table === "claims") await sheet("Claims", CLAIM_COLUMNS, rows(claimRowPages(db, filters, pageSize)));
  if (request.table === "claims" || request.table === "sources")
    await sheet("Sources", SOURCE_COLUMNS, sourceRowPages(db, filters, pageSize));
  if (request.table === "claims" || request.table === "contradictions") {
    await sheet("Contradictions", CONTRADICTION_COLUMNS, contradictionRowPages(db, filters, pageSize));
  }
  await workbook.commit();
  await finished(out);
}

/**
 * The bytes the zip has produced so far. better-sqlite3 answers synchronously, so a loop of
 * queries never lets the event loop run, and the zip (deflated on the thread pool, a loop turn
 * per chunk) falls behind: exceljs would then hold the sheet in memory. After each page the
 * writer gives the loop turns until the zip's output stops growing.
 */
class ZipProgress {
  bytes = 0;
  constructor(readonly stream: PassThrough) {
    stream.on("data", (chunk: Buffer) => (this.bytes += chunk.length));
  }

  async catchUp(out: Writable): Promise<void> {
    let seen = -1;
    // Until 5 ms pass with no new output (the deflate of a chunk takes well under that).
    for (let turns = 0; turns < 2000 && this.bytes !== seen; turns++) {
      seen = this.bytes;
      await sleep(5);
    }
    if (out.destroyed) throw new Error("the export's destination was closed");
    if (this.stream.writableNeedDrain) await drained(this.stream, out);
  }
}

async function addSheet<R>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: Column<R>[],
  pages: AsyncIterable<R[]>,
  afterPage: () => Promise<void>,
): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.header,
    width: c.width,
    ...(c.wrap ? { style: { alignment: { wrapText: true, vertical: "top" } } } : {}),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "top" };
  header.commit();
  for await (const page of pages) {
    for (const row of page) sheet.addRow(columns.map((c) => c.value(row))).commit();
    // better-sqlite3 answers synchronously, so without this turn of the event loop the zip
    // (deflated on the thread pool) never runs and exceljs would hold the whole sheet in memory.
    await afterPage();
  }
  sheet.commit();
}
