/**
 * Rows per page when an export reads the database: enough to amortise the page's queries, few
 * enough that a page's objects die young. Measured on a CSV export of 1M claims: 1,000 rows
 * peaked at 236 MB RSS, 250 at 182 MB (2 s slower), 100 at 184 MB.
 */
export const EXPORT_PAGE_SIZE = 250;

/**
 * Reads rows in keyset pages (`id > last id`, ascending), yielding each page as soon as it is
 * read, so an export holds one page in memory whatever the table's size.
 */
export async function* keysetPages<T extends { id: number }>(
  fetchPage: (afterId: number | undefined, take: number) => Promise<T[]>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<T[]> {
  let afterId: number | undefined;
  for (;;) {
    const rows = await fetchPage(afterId, pageSize);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    afterId = rows[rows.length - 1]!.id;
  }
}

/** `{ id: { gt } }` for the page after `afterId`, or nothing for the first page. */
export function after(afterId: number | undefined): { id?: { gt: number } } {
  return afterId === undefined ? {} : { id: { gt: afterId } };
}
