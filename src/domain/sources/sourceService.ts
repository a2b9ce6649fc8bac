import type { Db } from "../../db/client.js";
import { AppError, notFound } from "../../errors.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { SourceSummary } from "../attribution/traceChain.js";
import { encodeCursor, type Page } from "../pagination.js";
import {
  findClaimCounts,
  findSourceIdPage,
  findSourceIdsNamed,
  findSourceRecords,
  type SourceOrder,
  type SourceRecord,
} from "./sourceRepository.js";
import { presentSourceSummary, sourceSummarySelect } from "./sourceView.js";

export interface SourceCounts {
  /** Claims this source made. */
  asSpeaker: number;
  /** Claims whose chain has this source anywhere: speaker, reporter, relay or publisher. */
  inChains: number;
}

export interface SourceView extends SourceSummary {
  names: string[];
  description: string | null;
  affiliation: SourceSummary | null;
  claims: SourceCounts;
}

export interface SourceDetail extends SourceView {
  affiliates: SourceSummary[];
}

const sourceSelect = {
  id: true,
  ...sourceSummarySelect,
  description: true,
  names: { select: { name: true }, orderBy: { position: "asc" } },
  affiliation: { select: sourceSummarySelect },
} as const;

type SourceRow = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;

function presentSource(row: SourceRow | SourceRecord, counts: SourceCounts | undefined): SourceView {
  return {
    ...presentSourceSummary(row),
    names: row.names.map((n) => n.name),
    description: row.description,
    affiliation: row.affiliation ? presentSourceSummary(row.affiliation) : null,
    claims: counts ?? { asSpeaker: 0, inChains: 0 },
  };
}

/** Claim counts per source, distinct claims (a claim with two chains through one source counts once). */
export function countClaims(db: Db, sourceIds: number[]): Promise<Map<number, SourceCounts>> {
  return findClaimCounts(db, sourceIds);
}

/**
 * The sources directory: sources in the order asked (as stored, by name, or most claims first),
 * optionally of one kind or named by `q`, with their claim counts, one keyset page at a time.
 */
export async function listSources(
  db: Db,
  query: { kind?: string; q?: string; sort?: SourceOrder; limit: number; cursor?: number },
): Promise<{ data: SourceView[]; page: Page }> {
  const ids = await findSourceIdPage(db, { ...query, sort: query.sort ?? "id", take: query.limit + 1 });
  const pageIds = ids.slice(0, query.limit);
  const [rows, counts] = await Promise.all([findSourceRecords(db, pageIds), countClaims(db, pageIds)]);
  const data = rows.map((row) => presentSource(row, counts.get(row.id)));
  return {
    data,
    page: { limit: query.limit, nextCursor: ids.length > query.limit ? encodeCursor(pageIds.at(-1)!) : null },
  };
}

/**
 * The source a path names: by its slug, else (where exactly one source has a stored name
 * containing it, hyphens read as spaces) by name, so `/api/sources/peskov` finds Dmitry Peskov.
 */
async function resolveSourceSlug(db: Db, slugOrName: string): Promise<string> {
  const bySlug = await db.source.findUnique({ where: { slug: slugOrName }, select: { slug: true } });
  if (bySlug) return bySlug.slug;
  const ids = await findSourceIdsNamed(db, slugOrName.replaceAll("-", " "), NAME_CANDIDATES);
  if (ids.length !== 1) {
    const candidates = await db.source.findMany({
      where: { id: { in: ids } },
      select: { slug: true },
      orderBy: { id: "asc" },
    });
    if (candidates.length === 0) throw notFound("source", slugOrName);
    throw new AppError(
      404,
      "not_found",
      `source ${JSON.stringify(slugOrName)} was not found; several sources have that name`,
      {
        candidates: candidates.map((c) => c.slug),
      },
    );
  }
  const [row] = await db.source.findMany({ where: { id: ids[0]! }, select: { slug: true } });
  return row!.slug;
}

/** How many sources a 404 for an ambiguous name lists. */
const NAME_CANDIDATES = 10;

/** One source with its names, affiliation, affiliates and counts. */
export async function getSource(db: Db, slugOrName: string): Promise<SourceDetail> {
  const slug = await resolveSourceSlug(db, slugOrName);
  const row = await db.source.findUnique({
    where: { slug },
    select: { ...sourceSelect, affiliates: { select: sourceSummarySelect, orderBy: { slug: "asc" } } },
  });
  if (!row) throw notFound("source", slug);
  const counts = await countClaims(db, [row.id]);
  return { ...presentSource(row, counts.get(row.id)), affiliates: row.affiliates.map(presentSourceSummary) };
}
