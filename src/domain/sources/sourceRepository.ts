import type { Db } from "../../db/client.js";
import { inList, queryRows } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";

/** The columns of a source that a chain shows. */
export interface SourceSummaryRecord {
  slug: string;
  name: string;
  kind: string;
  countryCode: string | null;
  stateControlled: boolean;
}

export interface SourceRecord extends SourceSummaryRecord {
  id: number;
  description: string | null;
  /** Every name the source goes by, in the order the sheet gave them. */
  names: string[];
  affiliation: SourceSummaryRecord | null;
}

export interface SourceClaimCounts {
  /** Claims this source made. */
  asSpeaker: number;
  /** Claims whose chain has this source anywhere: speaker, reporter, relay or publisher. */
  inChains: number;
}

/** The select of a source summary, for the repositories that read sources through Prisma. */
export const sourceSummarySelect = {
  slug: true,
  name: true,
  kind: true,
  countryCode: true,
  stateControlled: true,
} as const;

const sourceSelect = {
  id: true,
  ...sourceSummarySelect,
  description: true,
  names: { select: { name: true }, orderBy: { position: "asc" } },
  affiliation: { select: sourceSummarySelect },
} as const;

function toRecord(row: Prisma.SourceGetPayload<{ select: typeof sourceSelect }>): SourceRecord {
  return { ...row, names: row.names.map((n) => n.name) };
}

/** Up to `take` sources (of one kind, if given) with ids after `afterId`, in id order. */
export async function findSourcePage(
  db: Db,
  filters: { kind?: string },
  afterId: number,
  take: number,
): Promise<SourceRecord[]> {
  const rows = await db.source.findMany({
    where: { ...(filters.kind ? { kind: filters.kind } : {}), id: { gt: afterId } },
    select: sourceSelect,
    orderBy: { id: "asc" },
    take,
  });
  return rows.map(toRecord);
}

/** One source by slug with the sources affiliated to it (by slug), or undefined. */
export async function findSource(
  db: Db,
  slug: string,
): Promise<(SourceRecord & { affiliates: SourceSummaryRecord[] }) | undefined> {
  const row = await db.source.findUnique({
    where: { slug },
    select: { ...sourceSelect, affiliates: { select: sourceSummarySelect, orderBy: { slug: "asc" } } },
  });
  return row ? { ...toRecord(row), affiliates: row.affiliates } : undefined;
}

/** Whether a source with this slug is stored. */
export async function sourceExists(db: Db, slug: string): Promise<boolean> {
  return (await db.source.findUnique({ where: { slug }, select: { id: true } })) !== null;
}

/** Claim counts per source, distinct claims (a claim with two chains through one source counts once). */
export async function countClaims(db: Db, sourceIds: number[]): Promise<Map<number, SourceClaimCounts>> {
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
