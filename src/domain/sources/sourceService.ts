import type { Db } from "../../db/client.js";
import { inList, queryRows } from "../../db/sql.js";
import { notFound } from "../../errors.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { SourceSummary } from "../attribution/traceChain.js";
import { type Page, paginate } from "../pagination.js";
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

function presentSource(row: SourceRow, counts: SourceCounts | undefined): SourceView {
  return {
    ...presentSourceSummary(row),
    names: row.names.map((n) => n.name),
    description: row.description,
    affiliation: row.affiliation ? presentSourceSummary(row.affiliation) : null,
    claims: counts ?? { asSpeaker: 0, inChains: 0 },
  };
}

/** Claim counts per source, distinct claims (a claim with two chains through one source counts once). */
export async function countClaims(db: Db, sourceIds: number[]): Promise<Map<number, SourceCounts>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await queryRows<{ sourceId: number; asSpeaker: number | bigint; inChains: number | bigint }>(
    db,
    Prisma.sql`
    SELECT "sourceId",
           COUNT(DISTINCT CASE WHEN "role" = 'speaker' THEN "claimId" END) AS "asSpeaker",
           COUNT(DISTINCT "claimId") AS "inChains"
      FROM "AttributionLink"
     WHERE "sourceId" IN (${inList(sourceIds)})
     GROUP BY "sourceId"`,
  );
  return new Map(
    rows.map((row) => [Number(row.sourceId), { asSpeaker: Number(row.asSpeaker), inChains: Number(row.inChains) }]),
  );
}

/** Sources in the order they were stored, with their claim counts, one keyset page at a time. */
export async function listSources(
  db: Db,
  query: { kind?: string; limit: number; cursor?: number },
): Promise<{ data: SourceView[]; page: Page }> {
  const rows = await db.source.findMany({
    where: {
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.cursor === undefined ? {} : { id: { gt: query.cursor } }),
    },
    select: sourceSelect,
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  const { rows: pageRows, page } = paginate(rows, query.limit);
  const counts = await countClaims(
    db,
    pageRows.map((r) => r.id),
  );
  return { data: pageRows.map((row) => presentSource(row, counts.get(row.id))), page };
}

/** One source with its names, affiliation, affiliates and counts. */
export async function getSource(db: Db, slug: string): Promise<SourceDetail> {
  const row = await db.source.findUnique({
    where: { slug },
    select: { ...sourceSelect, affiliates: { select: sourceSummarySelect, orderBy: { slug: "asc" } } },
  });
  if (!row) throw notFound("source", slug);
  const counts = await countClaims(db, [row.id]);
  return { ...presentSource(row, counts.get(row.id)), affiliates: row.affiliates.map(presentSourceSummary) };
}
