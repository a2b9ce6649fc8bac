import type { Db } from "../../db/client.js";
import { inList, queryRows } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";
import { formatWithOffset } from "./publishedAt.js";

/** When each of these articles was published, as local time at its offset (2023-09-20T12:14:00+07:00), by slug. */
export async function findPublicationTimes(db: Db, slugs: readonly string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await queryRows<{ slug: string; publishedAt: string | Date; publishedUtcOffset: number | bigint }>(
    db,
    Prisma.sql`SELECT a."slug", a."publishedAt", a."publishedUtcOffset" FROM "Article" a WHERE a."slug" IN (${inList(slugs)})`,
  );
  // The shared connection hands back the stored ISO text, $queryRaw a Date.
  return new Map(rows.map((a) => [a.slug, formatWithOffset(new Date(a.publishedAt), Number(a.publishedUtcOffset))]));
}
