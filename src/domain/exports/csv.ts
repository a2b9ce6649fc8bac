import { CsvError, parse } from "csv-parse/sync";

/**
 * CSV as RFC 4180 writes it (CRLF line ends, fields with `"`, `,`, CR or LF quoted, quotes
 * doubled), with spreadsheet formula injection neutralised: see `neutraliseFormula`.
 */

/** The UTF-8 byte order mark: without it Excel reads a CSV as ANSI and garbles Thai. */
export const UTF8_BOM = "\uFEFF";

const FORMULA_START = /^\s*[=+\-@]|^[\t\r\n]/;
/** A value the export prefixed: one `'` before a formula start or before another such value. */
const PREFIXED = /^'+(?:\s*[=+\-@]|[\t\r\n])/;

/**
 * A spreadsheet runs a cell whose first character (after leading whitespace) is `=`, `+`, `-`
 * or `@`, or which starts with a tab, CR or LF, as a formula. Such a cell gets a `'` in front,
 * which spreadsheets show as text. A value that already looks prefixed gets one more `'`, so
 * `restoreFormula` gives back exactly the original.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) || PREFIXED.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseFormula` (what the CSV import does to every cell). */
export function restoreFormula(cell: string): string {
  return PREFIXED.test(cell) ? cell.slice(1) : cell;
}

/** One field, quoted when RFC 4180 needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record with its CRLF, every cell neutralised and quoted as needed. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map((cell) => csvField(neutraliseFormula(cell))).join(",")}\r\n`;
}

/** Messages for the CSV syntax errors csv-parse reports, by its error code. */
const SYNTAX_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is not closed",
  INVALID_OPENING_QUOTE: "a quote inside an unquoted field",
  CSV_INVALID_CLOSING_QUOTE: "a quoted field must end at a comma or a line end",
};

/** A CSV text that csv-parse refused, located by the line (from 1) the bad record starts on. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** One record and its spreadsheet row number (the first record is row 1, a quoted newline stays in its row). */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/**
 * Parses RFC 4180 CSV (CRLF or LF line ends, a leading BOM ignored) with csv-parse into records
 * of raw cells. Rows may differ in length (the import reports that per row); an empty line is
 * a record of one empty cell. Throws CsvSyntaxError on an unterminated or stray quote.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  try {
    const parsed = parse(text, { bom: true, relax_column_count: true, info: true }) as unknown as {
      record: string[];
      info: { records: number };
    }[];
    return parsed.map(({ record, info }) => ({ row: info.records, cells: record }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse counts a CRLF inside quotes as two lines; its `bytes` is where the bad record
    // starts, so the line is counted here, in the text up to there.
    const bytes = (error as CsvError & { bytes?: number }).bytes ?? 0;
    const before = Buffer.from(text, "utf8").subarray(0, bytes).toString("utf8");
    throw new CsvSyntaxError(before.split("\n").length, SYNTAX_MESSAGES[error.code] ?? error.message);
  }
}

/** The records of a CSV text, as lists of raw cells (see parseCsvRecords). */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((record) => record.cells);
}
