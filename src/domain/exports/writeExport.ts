import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client.js";
import { claimSheetChunks } from "../sheets/exportClaimSheets.js";
import { CLAIM_COLUMNS, claimRowPages } from "./claimRows.js";
import { cellText, type Column } from "./columns.js";
import { CONTRADICTION_COLUMNS, contradictionRowPages } from "./contradictionRows.js";
import { csvRecord, UTF8_BOM } from "./csv.js";
import type { ExportFilters } from "./exportFilters.js";
import { exportUrls } from "./exportUrls.js";
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
  /** Base URL linked-data exports name claims by (e.g. http://127.0.0.1:3000). */
  baseUrl: string;
  /** Rows read per query. */
  pageSize?: number;
  /** Called after each page with the number of rows written so far (for progress on a terminal). */
  onProgress?: (rows: number) => void;
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
  }
  out.end();
  await finished(out);
}

/** Waits until `out` takes more, or fails if it is closed first (a client that went away). */
async function drained(out: Writable): Promise<void> {
  if (out.destroyed) throw new Error("the export's destination was closed");
  // The listener of whichever event does not come is removed, so waits do not pile up listeners.
  const stop = new AbortController();
  try {
    await Promise.race([
      once(out, "drain", { signal: stop.signal }),
      once(out, "close", { signal: stop.signal }).then(() => {
        throw new Error("the export's destination was closed");
      }),
    ]);
  } finally {
    stop.abort();
  }
}

function textChunks(db: Db, request: ExportRequest): AsyncGenerator<string> {
  const { table, format, filters, pageSize } = request;
  const urls = exportUrls(request.baseUrl);
  const progress = counting(request.onProgress);
  let claims = 0;
  const onClaims = (count: number) => request.onProgress?.((claims += count));
  if (table === "annotations") return webAnnotationChunks(db, filters, urls, pageSize, onClaims);
  if (table === "claims" && format === "jsonld") return schemaOrgChunks(db, filters, urls, pageSize, onClaims);
  if (table === "claims" && (format === "json" || format === "jsonl")) return claimSheetChunks(db, filters, format, pageSize, onClaims);
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

/** Flat rows as CSV (BOM, header, CRLF records), a JSON array (one row a line) or JSONL. */
async function* rowChunks<R>(pages: AsyncIterable<R[]>, columns: Column<R>[], format: ExportFormat): AsyncGenerator<string> {
  if (format === "csv") {
    yield UTF8_BOM + csvRecord(columns.map((c) => c.header));
    for await (const page of pages) yield page.map((row) => csvRecord(columns.map((c) => cellText(c.value(row))))).join("");
    return;
  }
  if (format === "jsonl") {
    for await (const page of pages) yield page.map((row) => `${JSON.stringify(row)}\n`).join("");
    return;
  }
  let first = true;
  for await (const page of pages) {
    yield (first ? "[\n" : ",\n") + page.map((row) => JSON.stringify(row)).join(",\n");
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
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "claimtrail";
  const { filters, pageSize } = request;
  const progress = counting(request.onProgress);
  if (request.table === "claims" || request.table === "sources" || request.table === "contradictions") {
    if (request.table === "claims") await addSheet(workbook, "Claims", CLAIM_COLUMNS, progress(claimRowPages(db, filters, pageSize)), out);
    if (request.table !== "contradictions") await addSheet(workbook, "Sources", SOURCE_COLUMNS, sourceRowPages(db, filters, pageSize), out);
    if (request.table !== "sources") {
      await addSheet(workbook, "Contradictions", CONTRADICTION_COLUMNS, contradictionRowPages(db, filters, pageSize), out);
    }
  }
  await workbook.commit();
}

async function addSheet<R>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: Column<R>[],
  pages: AsyncIterable<R[]>,
  out: Writable,
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
    if (out.writableNeedDrain) await drained(out);
  }
  sheet.commit();
}
