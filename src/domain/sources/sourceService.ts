import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { type Paged, paginate } from "../pagination.js";
import { countClaims, findSource, findSourcePage } from "./sourceRepository.js";
import { presentSource, presentSourceSummary, type SourceDetail, type SourceView } from "./sourceView.js";

/** Sources in the order they were stored, with their claim counts, one keyset page at a time. */
export async function listSources(
  db: Db,
  query: { kind?: string; limit: number; cursor?: number },
): Promise<Paged<SourceView>> {
  const records = await findSourcePage(db, query, query.cursor ?? 0, query.limit + 1);
  const { rows, page } = paginate(records, query.limit);
  const counts = await countClaims(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((record) => presentSource(record, counts.get(record.id))), page };
}

/** One source with its names, affiliation, affiliates and counts. */
export async function getSource(db: Db, slug: string): Promise<SourceDetail> {
  const record = await findSource(db, slug);
  if (!record) throw notFound("source", slug);
  const counts = await countClaims(db, [record.id]);
  return { ...presentSource(record, counts.get(record.id)), affiliates: record.affiliates.map(presentSourceSummary) };
}
