import type { Db } from "../../db/client.js";

export interface Stats {
  counts: { articles: number; sources: number; claims: number; propositions: number; relations: number };
  relations: { type: string; status: string; count: number }[];
}

/** How much the database holds. */
export async function collectStats(db: Db): Promise<Stats> {
  const [articles, sources, claims, propositions, relations, byTypeAndStatus] = await Promise.all([
    db.article.count(),
    db.source.count(),
    db.claim.count(),
    db.proposition.count(),
    db.relation.count(),
    db.relation.groupBy({
      by: ["type", "status"],
      _count: { _all: true },
      orderBy: [{ type: "asc" }, { status: "asc" }],
    }),
  ]);
  return {
    counts: { articles, sources, claims, propositions, relations },
    relations: byTypeAndStatus.map((row) => ({ type: row.type, status: row.status, count: row._count._all })),
  };
}
