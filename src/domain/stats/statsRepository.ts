import type { Db } from "../../db/client.js";

/** How many rows each table the stats show holds. */
export async function countTables(db: Db) {
  const [articles, sources, claims, propositions, relations] = await Promise.all([
    db.article.count(),
    db.source.count(),
    db.claim.count(),
    db.proposition.count(),
    db.relation.count(),
  ]);
  return { articles, sources, claims, propositions, relations };
}

/** Relations counted by type and review status, in that order. */
export async function countRelationsByTypeAndStatus(
  db: Db,
): Promise<{ type: string; status: string; count: number }[]> {
  const rows = await db.relation.groupBy({
    by: ["type", "status"],
    _count: { _all: true },
    orderBy: [{ type: "asc" }, { status: "asc" }],
  });
  return rows.map((row) => ({ type: row.type, status: row.status, count: row._count._all }));
}
