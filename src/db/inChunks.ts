/**
 * Prisma caps bound parameters at 999 per SQLite query, so an `in: [...]` list longer than
 * that fails ("query parameter limit exceeded"). Lists of unbounded length go through this.
 */
export const IN_LIST_SIZE = 500;

/** Runs `fetch` on slices of at most IN_LIST_SIZE values and concatenates the results in order. */
export async function inChunks<T, R>(
  values: readonly T[],
  fetch: (chunk: T[]) => Promise<R[]>,
  size = IN_LIST_SIZE,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < values.length; i += size) results.push(...(await fetch(values.slice(i, i + size))));
  return results;
}
