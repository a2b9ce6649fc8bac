/** A column of an exported sheet: its CSV/XLSX header, XLSX width, and how a row fills it. */
export interface Column<R> {
  header: string;
  /** Width in characters in the XLSX sheet. */
  width: number;
  /** Long text: wrapped in the XLSX sheet. */
  wrap?: boolean;
  value(row: R): string | number | boolean | null;
}

/** A cell as CSV text: null is empty, booleans are `true`/`false`. */
export function cellText(value: string | number | boolean | null): string {
  return value === null ? "" : String(value);
}
