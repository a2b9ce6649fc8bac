import type { Db } from "../../db/client.js";
import { countRelationsByTypeAndStatus, countTables } from "./statsRepository.js";

export interface Stats {
  counts: { articles: number; sources: number; claims: number; propositions: number; relations: number };
  relations: { type: string; status: string; count: number }[];
}

/** How much the database holds. */
export async function collectStats(db: Db): Promise<Stats> {
  const [counts, relations] = await Promise.all([countTables(db), countRelationsByTypeAndStatus(db)]);
  return { counts, relations };
}
