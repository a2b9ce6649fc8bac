import type { Db } from "../../db/client.js";
import { inChunks } from "../../db/inChunks.js";
import { inList, queryRows } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";
import { engineOf } from "../search/searchEngine.js";
import { isIndexedQuery, nameQuery } from "../search/searchText.js";

type Int = number | bigint;

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

/** How the sources directory is ordered: as stored, by name, or by claims (most first). */
export type SourceOrder = "id" | "name" | "claims";

export interface SourceDirectoryQuery {
  kind?: string;
  /** Text any stored name form contains (case and a leading honorific ignored). */
  q?: string;
  sort: SourceOrder;
  /** The id of the last source of the previous page. */
  cursor?: number;
  take: number;
}

/** Ids of the sources with a stored name (or display name) containing the text, as a subquery. */
function sourcesNamed(db: Db, text: string): Prisma.Sql {
  const engine = engineOf(db);
  const query = nameQuery(text);
  if (isIndexedQuery(query)) return engine.sourcesNamed(query);
  // Too short for the trigram index: the names are read (a directory holds thousands, not millions).
  return Prisma.sql`SELECT n."sourceId" FROM "SourceName" n WHERE ${engine.contains(Prisma.sql`n."name"`, query)}
    UNION SELECT s."id" FROM "Source" s WHERE ${engine.contains(Prisma.sql`s."name"`, query)}`;
}

/**
 * One keyset page of source ids in the directory's order. Claim counts come from
 * "SourceClaimCount" (kept by triggers), so sorting by claims reads an index, not every link.
 */
export async function findSourceIdPage(db: Db, query: SourceDirectoryQuery): Promise<number[]> {
  const where: Prisma.Sql[] = [];
  if (query.kind !== undefined) where.push(Prisma.sql`s."kind" = ${query.kind}`);
  if (query.q !== undefined) where.push(Prisma.sql`s."id" IN (${sourcesNamed(db, query.q)})`);
  let order: Prisma.Sql;
  if (query.sort === "claims") {
    order = Prisma.sql`k."inChains" DESC, k."sourceId"`;
    if (query.cursor !== undefined) {
      const count = Prisma.sql`(SELECT "inChains" FROM "SourceClaimCount" WHERE "sourceId" = ${query.cursor})`;
      where.push(Prisma.sql`(k."inChains" < ${count} OR (k."inChains" = ${count} AND k."sourceId" > ${query.cursor}))`);
    }
  } else if (query.sort === "name") {
    order = Prisma.sql`s."name", s."id"`;
    if (query.cursor !== undefined) {
      const name = Prisma.sql`(SELECT "name" FROM "Source" WHERE "id" = ${query.cursor})`;
      where.push(Prisma.sql`(s."name" > ${name} OR (s."name" = ${name} AND s."id" > ${query.cursor}))`);
    }
  } else {
    order = Prisma.sql`s."id"`;
    if (query.cursor !== undefined) where.push(Prisma.sql`s."id" > ${query.cursor}`);
  }
  const from =
    query.sort === "claims"
      ? Prisma.sql`"SourceClaimCount" k JOIN "Source" s ON s."id" = k."sourceId"`
      : Prisma.sql`"Source" s`;
  const rows = await queryRows<{ id: Int }>(
    db,
    Prisma.sql`SELECT s."id" FROM ${from}
      WHERE ${where.length === 0 ? Prisma.sql`1 = 1` : Prisma.join(where, " AND ")}
      ORDER BY ${order} LIMIT ${query.take}`,
  );
  return rows.map((row) => Number(row.id));
}

/** Ids of up to `take` sources named by the text, in id order (a path that names a source instead of its slug). */
export async function findSourceIdsNamed(db: Db, text: string, take: number): Promise<number[]> {
  const rows = await queryRows<{ id: Int }>(
    db,
    Prisma.sql`SELECT s."id" FROM "Source" s WHERE s."id" IN (${sourcesNamed(db, text)}) ORDER BY s."id" LIMIT ${take}`,
  );
  return rows.map((row) => Number(row.id));
}

/** Claim counts per source, as the triggers keep them: distinct claims, as speaker and anywhere in a chain. */
export async function findClaimCounts(db: Db, sourceIds: readonly number[]): Promise<Map<number, SourceClaimCounts>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await inChunks([...sourceIds], (chunk) =>
    queryRows<{ sourceId: Int; asSpeaker: Int; inChains: Int }>(
      db,
      Prisma.sql`SELECT "sourceId", "asSpeaker", "inChains" FROM "SourceClaimCount" WHERE "sourceId" IN (${inList(chunk)})`,
    ),
  );
  return new Map(
    rows.map((row) => [Number(row.sourceId), { asSpeaker: Number(row.asSpeaker), inChains: Number(row.inChains) }]),
  );
}

/** The sources with these ids, in the order given (ids not stored are left out). */
export async function findSourcesByIds(db: Db, ids: readonly number[]): Promise<SourceRecord[]> {
  if (ids.length === 0) return [];
  // Hand-written: through the ORM's nested select a directory page cost 130 ms (100k claims, loaded machine), here 11.
  type Columns = SourceSummaryRecord & {
    id: number | bigint;
    stateControlled: boolean | number | bigint;
    description?: string | null;
    affiliationId?: number | bigint | null;
  };
  const bool = (value: boolean | number | bigint) => value === true || Number(value) === 1;
  const summary = (s: Columns): SourceSummaryRecord => ({
    slug: s.slug,
    name: s.name,
    kind: s.kind,
    countryCode: s.countryCode,
    stateControlled: bool(s.stateControlled),
  });
  const list = inList(ids);
  const [sources, names] = await Promise.all([
    queryRows<Columns>(
      db,
      Prisma.sql`SELECT s."id", s."slug", s."name", s."kind", s."countryCode", s."stateControlled", s."description", s."affiliationId"
        FROM "Source" s WHERE s."id" IN (${list})`,
    ),
    queryRows<{ sourceId: number | bigint; name: string }>(
      db,
      Prisma.sql`SELECT n."sourceId", n."name" FROM "SourceName" n WHERE n."sourceId" IN (${list}) ORDER BY n."sourceId", n."position"`,
    ),
  ]);
  const affiliationIds = [
    ...new Set(sources.flatMap((s) => (s.affiliationId == null ? [] : [Number(s.affiliationId)]))),
  ];
  const affiliations =
    affiliationIds.length === 0
      ? []
      : await queryRows<Columns>(
          db,
          Prisma.sql`SELECT s."id", s."slug", s."name", s."kind", s."countryCode", s."stateControlled"
            FROM "Source" s WHERE s."id" IN (${inList(affiliationIds)})`,
        );
  const affiliationById = new Map(affiliations.map((a) => [Number(a.id), summary(a)]));
  const namesOf = new Map<number, string[]>();
  for (const row of names) {
    const id = Number(row.sourceId);
    const group = namesOf.get(id);
    if (group) group.push(row.name);
    else namesOf.set(id, [row.name]);
  }
  const byId = new Map(sources.map((s) => [Number(s.id), s]));
  return ids.flatMap((id) => {
    const s = byId.get(id);
    if (!s) return [];
    return [
      {
        id,
        ...summary(s),
        description: s.description ?? null,
        names: namesOf.get(id) ?? [],
        affiliation: s.affiliationId == null ? null : (affiliationById.get(Number(s.affiliationId)) ?? null),
      },
    ];
  });
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

/** The slugs of the sources with these ids, in id order. */
export async function findSourceSlugs(db: Db, ids: readonly number[]): Promise<string[]> {
  const rows = await db.source.findMany({
    where: { id: { in: [...ids] } },
    select: { slug: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => row.slug);
}
