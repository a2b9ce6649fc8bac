import type { Db } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import { encodeCursor, type Paged } from "../pagination.js";
import {
  findClaimCounts,
  findSource,
  findSourceIdPage,
  findSourceIdsNamed,
  findSourceSlugs,
  findSourcesByIds,
  type SourceOrder,
  sourceExists,
} from "./sourceRepository.js";
import { presentSource, presentSourceSummary, type SourceDetail, type SourceView } from "./sourceView.js";

/**
 * The sources directory: sources in the order asked (as stored, by name, or most claims first),
 * optionally of one kind or named by `q`, with their claim counts, one keyset page at a time.
 */
export async function listSources(
  db: Db,
  query: { kind?: string; q?: string; sort?: SourceOrder; limit: number; cursor?: number },
): Promise<Paged<SourceView>> {
  const ids = await findSourceIdPage(db, { ...query, sort: query.sort ?? "id", take: query.limit + 1 });
  const pageIds = ids.slice(0, query.limit);
  const [records, counts] = await Promise.all([findSourcesByIds(db, pageIds), findClaimCounts(db, pageIds)]);
  return {
    items: records.map((record) => presentSource(record, counts.get(record.id))),
    page: { limit: query.limit, nextCursor: ids.length > query.limit ? encodeCursor(pageIds.at(-1)!) : null },
  };
}

/** How many sources a 404 for an ambiguous name lists. */
const NAME_CANDIDATES = 10;

/**
 * The source a path names: by its slug, else (where exactly one source has a stored name
 * containing it, hyphens read as spaces) by name, so `/api/sources/peskov` finds Dmitry Peskov.
 */
async function resolveSourceSlug(db: Db, slugOrName: string): Promise<string> {
  if (await sourceExists(db, slugOrName)) return slugOrName;
  const ids = await findSourceIdsNamed(db, slugOrName.replaceAll("-", " "), NAME_CANDIDATES);
  const slugs = await findSourceSlugs(db, ids);
  if (slugs.length === 0) throw notFound("source", slugOrName);
  if (slugs.length > 1) {
    throw new AppError(
      404,
      "not_found",
      `source ${JSON.stringify(slugOrName)} was not found; several sources have that name`,
      { candidates: slugs },
    );
  }
  return slugs[0]!;
}

/** One source with its names, affiliation, affiliates and counts. */
export async function getSource(db: Db, slugOrName: string): Promise<SourceDetail> {
  const record = await findSource(db, await resolveSourceSlug(db, slugOrName));
  if (!record) throw notFound("source", slugOrName);
  const counts = await findClaimCounts(db, [record.id]);
  return { ...presentSource(record, counts.get(record.id)), affiliates: record.affiliates.map(presentSourceSummary) };
}
