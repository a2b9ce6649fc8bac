/** Keyset pagination: the cursor is the opaque form of the last id a page returned. */
export interface Page {
  limit: number;
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`, "utf8").toString("base64url");
}

/** The id a cursor of `encodeCursor` stands for, or undefined for anything else. */
export function decodeCursor(cursor: string): number | undefined {
  const id = Number.parseInt(Buffer.from(cursor, "base64url").toString("utf8").replace(/^id:/, ""), 10);
  return Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}

/** Given up to limit+1 rows ordered by id, the page's rows and its description. */
export function paginate<T extends { id: number }>(rows: T[], limit: number): { rows: T[]; page: Page } {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  return { rows: pageRows, page: { limit, nextCursor: more ? encodeCursor(pageRows[pageRows.length - 1]!.id) : null } };
}

/** One page of a list, as services return it (`handle()` sends it as `{ data, page }`). */
export interface Paged<T> {
  items: T[];
  page: Page;
}
