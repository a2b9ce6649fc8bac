import type { Db } from "../../db/client.js";
import { encodeCursor, type Page } from "../pagination.js";
import { findSpan, isIndexedQuery, SHORTEST_INDEXED_QUERY } from "../search/searchText.js";
import type { ClaimFilters } from "./claimFilters.js";
import { findSearchedClaimIds, findSourceNames, SCAN_LIMIT, scanClaimIds } from "./claimSearchRepository.js";
import type { ClaimView } from "./claimView.js";

/** Where a search hit matched: a span in code points, end exclusive, of the quote, the gloss or a source's name. */
export type SearchMatch =
  | { field: "quote" | "gloss"; start: number; end: number }
  | { field: "source"; source: string; name: string; start: number; end: number };

export interface SearchedClaim extends ClaimView {
  /** The first place the query occurs (quote, then gloss, then the chains' sources in order). */
  match: SearchMatch | null;
}

/** How a search was answered: from the index, or by a bounded scan for a short query. */
export interface SearchInfo {
  query: string;
  mode: "index" | "scan";
  /** For a scan: how many claims it read at most, and why. */
  scanned?: number;
  note?: string;
}

export const SHORT_QUERY_NOTE = `queries shorter than ${SHORTEST_INDEXED_QUERY} characters are not indexed: this page comes from a scan of at most ${SCAN_LIMIT} claims after the cursor; follow nextCursor to scan on`;

/**
 * The claims matching a text query and the other filters, in id order, one keyset page at a
 * time, each with where the query matched. `load` turns ids into views (the claims listing's
 * own loader, so a hit looks exactly like a listed claim).
 */
export async function searchClaims(
  db: Db,
  filters: ClaimFilters & { q: string; limit: number; cursor?: number },
  load: (ids: number[]) => Promise<ClaimView[]>,
): Promise<{ data: SearchedClaim[]; page: Page; search: SearchInfo }> {
  const { q, limit, cursor, ...rest } = filters;
  const afterId = cursor ?? 0;
  let ids: number[];
  let nextCursor: string | null;
  let search: SearchInfo;
  if (isIndexedQuery(q)) {
    const found = await findSearchedClaimIds(db, q, rest, afterId, limit + 1);
    ids = found.slice(0, limit);
    nextCursor = found.length > limit ? encodeCursor(ids[ids.length - 1]!) : null;
    search = { query: q, mode: "index" };
  } else {
    const scan = await scanClaimIds(db, q, rest, afterId, limit + 1);
    ids = scan.ids.slice(0, limit);
    // A full page ends at its last hit; a short one at the end of what the scan read, unless that was everything.
    const resumeAt = scan.ids.length > limit ? ids[ids.length - 1]! : scan.lastScanned;
    const done = scan.ids.length <= limit && scan.readToEnd;
    nextCursor = done || resumeAt === null ? null : encodeCursor(resumeAt);
    search = { query: q, mode: "scan", scanned: SCAN_LIMIT, note: SHORT_QUERY_NOTE };
  }
  const views = await load(ids);
  const names = await findSourceNames(db, [
    ...new Set(views.flatMap((view) => view.chains.flatMap((chain) => chain.links.map((link) => link.source.slug)))),
  ]);
  const data = views.map((view) => ({ ...view, match: findMatch(view, q, names) }));
  return { data, page: { limit, nextCursor }, search };
}

/** The first place the query occurs in a claim: its quote, its gloss, then its chains' sources' names. */
export function findMatch(view: ClaimView, query: string, names: Map<string, string[]>): SearchMatch | null {
  for (const field of ["quote", "gloss"] as const) {
    const span = findSpan(view[field], query);
    if (span) return { field, ...span };
  }
  for (const chain of view.chains) {
    for (const link of chain.links) {
      for (const name of names.get(link.source.slug) ?? [link.source.name]) {
        const span = findSpan(name, query);
        if (span) return { field: "source", source: link.source.slug, name, ...span };
      }
    }
  }
  return null;
}
