import type { Db } from "../../db/client.js";
import { inList, queryRows } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";
import { engineOf } from "../search/searchEngine.js";
import { allOf, claimConditions } from "./claimFilterSql.js";
import type { ClaimFilters } from "./claimFilters.js";

type Int = number | bigint;

/**
 * Sources named by the query whose links add up to at most this many are paged by sorting
 * their links; more, and the claims are walked in id order, each probed for a named source
 * (a common name is on one claim in a few, so a page is found within a few thousand claims).
 */
const SORTED_NAME_LINKS = 10_000;

/**
 * Up to `take` ids, in id order after `afterId`, of claims matching the filters whose quote or
 * gloss contains the query, or with a source in a chain that has a name containing it. The
 * query must be long enough for the index (three characters or more). `sortedNameLinks` is for
 * tests, to read a small corpus both ways.
 */
export async function findSearchedClaimIds(
  db: Db,
  query: string,
  filters: Omit<ClaimFilters, "q">,
  afterId: number,
  take: number,
  { sortedNameLinks = SORTED_NAME_LINKS }: { sortedNameLinks?: number } = {},
): Promise<number[]> {
  const engine = engineOf(db);
  const conditions = claimConditions(filters);
  const text = engine.claimText(query);
  const arms = [
    Prisma.sql`SELECT ${text.id} AS "id" FROM ${text.from}
      WHERE ${text.where} AND ${text.id} > ${afterId} AND ${allOf(conditions)}
      ORDER BY ${text.id} LIMIT ${take}`,
  ];
  // The named sources in some chain. Planned for the pattern, as the search below: a cached
  // generic plan reads every source name with ILIKE (PostgreSQL, 1M claims: 9 ms, 5 ms this way).
  const named = await queryRows<{ sourceId: Int; links: Int }>(
    db,
    Prisma.sql`SELECT k."sourceId", k."inChains" AS "links" FROM "SourceClaimCount" k
      WHERE k."sourceId" IN (${engine.sourcesNamed(query)}) AND k."inChains" > 0`,
    { cachePlan: false },
  );
  const links = named.reduce((sum, row) => sum + Number(row.links), 0);
  const namedList = () =>
    engine.namedSourceList(
      query,
      named.map((row) => Number(row.sourceId)),
    );
  if (links > 0 && links <= sortedNameLinks) {
    arms.push(Prisma.sql`SELECT DISTINCT c."id" AS "id" FROM "AttributionLink" nl JOIN "Claim" c ON c."id" = nl."claimId"
      WHERE nl."sourceId" IN (${namedList()}) AND c."id" > ${afterId} AND ${allOf(conditions)}
      ORDER BY c."id" LIMIT ${take}`);
  } else if (links > 0) {
    // The unary + keeps SQLite on the claim's own links: through the (sourceId, claimId) index
    // it seeks once per named source per claim (1M claims, 590 sources named เพสคอฟ: 2.5 s -> 80 ms).
    arms.push(Prisma.sql`SELECT c."id" AS "id" FROM "Claim" c
      WHERE c."id" > ${afterId} AND ${allOf(conditions)} AND EXISTS (SELECT 1 FROM "AttributionLink" nl
        WHERE nl."claimId" = c."id" AND +nl."sourceId" IN (${namedList()}))
      ORDER BY c."id" LIMIT ${take}`);
  }
  // Each arm holds its own first `take` ids, so their union holds the first `take` of all.
  const union = Prisma.join(
    arms.map((arm, i) => Prisma.sql`SELECT "id" FROM (${arm}) ${Prisma.raw(`arm${i}`)}`),
    " UNION ",
  );
  // Planned for its pattern: a cached generic plan walks the claims in id order whatever the
  // pattern, which a rare phrase makes a walk of every claim (PostgreSQL, 20,000 claims: 68 ms;
  // planned for the phrase, the trigram indexes answer in 2.7 ms; a common word keeps the walk).
  const rows = await queryRows<{ id: Int }>(
    db,
    Prisma.sql`SELECT "id" FROM (${union}) hits ORDER BY "id" LIMIT ${take}`,
    { cachePlan: false },
  );
  return rows.map((row) => Number(row.id));
}

/** How far a scan for a one- or two-character query reads: this many claims after the cursor. */
export const SCAN_LIMIT = 5_000;

/**
 * The bounded scan for queries too short for the index: of the next SCAN_LIMIT claims after
 * `afterId` (in id order), up to `take` ids of those matching as `findSearchedClaimIds` would,
 * the last id the scan read (null when no claim was left to read), and whether it read to the
 * last claim.
 */
export async function scanClaimIds(
  db: Db,
  query: string,
  filters: Omit<ClaimFilters, "q">,
  afterId: number,
  take: number,
): Promise<{ ids: number[]; lastScanned: number | null; readToEnd: boolean }> {
  const engine = engineOf(db);
  const window = Prisma.sql`SELECT "id", "quote", "gloss", "kind", "articleId" FROM "Claim"
    WHERE "id" > ${afterId} ORDER BY "id" LIMIT ${SCAN_LIMIT}`;
  const named = Prisma.sql`SELECT n."sourceId" FROM "SourceName" n WHERE ${engine.contains(Prisma.sql`n."name"`, query)}
    UNION SELECT s."id" FROM "Source" s WHERE ${engine.contains(Prisma.sql`s."name"`, query)}`;
  const [ids, [last]] = await Promise.all([
    queryRows<{ id: Int }>(
      db,
      Prisma.sql`SELECT c."id" FROM (${window}) c
        WHERE (${engine.contains(Prisma.sql`c."quote"`, query)} OR ${engine.contains(Prisma.sql`c."gloss"`, query)}
           OR EXISTS (SELECT 1 FROM "AttributionLink" nl WHERE nl."claimId" = c."id" AND +nl."sourceId" IN (${named})))
          AND ${allOf(claimConditions(filters))}
        ORDER BY c."id" LIMIT ${take}`,
    ),
    queryRows<{ id: Int | null; read: Int }>(
      db,
      Prisma.sql`SELECT MAX("id") AS "id", COUNT(*) AS "read" FROM (${window}) w`,
    ),
  ]);
  return {
    ids: ids.map((row) => Number(row.id)),
    lastScanned: last?.id == null ? null : Number(last.id),
    readToEnd: Number(last?.read ?? 0) < SCAN_LIMIT,
  };
}

/** Every stored name of these sources (display name first), by source slug. */
export async function findSourceNames(db: Db, slugs: readonly string[]): Promise<Map<string, string[]>> {
  if (slugs.length === 0) return new Map();
  const rows = await queryRows<{ slug: string; name: string }>(
    db,
    Prisma.sql`SELECT s."slug", s."name", 0 AS "position" FROM "Source" s WHERE s."slug" IN (${inList(slugs)})
      UNION ALL
      SELECT s."slug", n."name", n."position" + 1 AS "position" FROM "SourceName" n JOIN "Source" s ON s."id" = n."sourceId"
       WHERE s."slug" IN (${inList(slugs)})
      ORDER BY 1, 3`,
  );
  const names = new Map<string, string[]>();
  for (const row of rows) {
    const list = names.get(row.slug);
    if (!list) names.set(row.slug, [row.name]);
    else if (!list.includes(row.name)) list.push(row.name);
  }
  return names;
}
