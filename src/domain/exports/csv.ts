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

export interface CsvSyntaxError {
  line: number;
  message: string;
}

/**
 * Parses RFC 4180 CSV (CRLF or LF line ends, a leading BOM ignored) into records of raw cells.
 * Throws a CsvSyntaxError-shaped Error on an unterminated quote or a stray quote.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let line = 1;
  let i = text.startsWith(UTF8_BOM) ? 1 : 0;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    record.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
          throw csvError(line, "a quoted field must end at a comma or a line end");
        }
        continue;
      }
      if (char === "\n") line++;
      field += char;
      i++;
      continue;
    }
    if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (char === '"') {
      throw csvError(line, "a quote inside an unquoted field");
    } else if (char === ",") {
      endField();
      i++;
    } else if (char === "\r" || char === "\n") {
      endRecord();
      i += char === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
    } else {
      field += char;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw csvError(line, "a quoted field is not closed");
  if (fieldStarted || record.length > 0) endRecord();
  return records;
}

function csvError(line: number, message: string): Error & CsvSyntaxError {
  return Object.assign(new Error(`line ${line}: ${message}`), { line, message: `line ${line}: ${message}` });
}
