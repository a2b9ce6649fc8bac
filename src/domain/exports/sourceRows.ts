import type { Db } from "../../db/client.js";
import { findClaimCounts } from "../sources/sourceRepository.js";
import type { Column } from "./columns.js";
import type { ExportFilters } from "./exportFilters.js";
import { findSourceExportPage } from "./exportRepository.js";
import { keysetPages } from "./keyset.js";

/** One source as a spreadsheet row. */
export interface SourceExportRow {
  id: number;
  slug: string;
  name: string;
  /** Every name the texts use for it (one cell, separated by " | "). */
  names: string[];
  kind: string;
  country: string | null;
  stateControlled: boolean;
  /** Slug of the source it speaks for or belongs to. */
  affiliation: string | null;
  description: string | null;
  claimsAsSpeaker: number;
  claimsInChains: number;
}

export const SOURCE_COLUMNS: Column<SourceExportRow>[] = [
  { header: "id", width: 8, value: (r) => r.id },
  { header: "slug", width: 26, value: (r) => r.slug },
  { header: "name", width: 28, value: (r) => r.name },
  { header: "names", width: 48, wrap: true, value: (r) => r.names.join(" | ") },
  { header: "kind", width: 18, value: (r) => r.kind },
  { header: "country", width: 8, value: (r) => r.country },
  { header: "state_controlled", width: 16, value: (r) => r.stateControlled },
  { header: "affiliation", width: 22, value: (r) => r.affiliation },
  { header: "description", width: 48, wrap: true, value: (r) => r.description },
  { header: "claims_as_speaker", width: 17, value: (r) => r.claimsAsSpeaker },
  { header: "claims_in_chains", width: 16, value: (r) => r.claimsInChains },
];

/** The exported sources (all, or those in the exported claims' chains) as rows, by id. */
export async function* sourceRowPages(
  db: Db,
  filters: ExportFilters,
  pageSize?: number,
): AsyncGenerator<SourceExportRow[]> {
  const pages = keysetPages((afterId, take) => findSourceExportPage(db, filters, afterId, take), pageSize);
  for await (const page of pages) {
    const counts = await findClaimCounts(
      db,
      page.map((s) => s.id),
    );
    yield page.map((s) => ({
      id: s.id,
      slug: s.slug,
      name: s.name,
      names: s.names.map((n) => n.name),
      kind: s.kind,
      country: s.countryCode,
      stateControlled: s.stateControlled,
      affiliation: s.affiliation?.slug ?? null,
      description: s.description,
      claimsAsSpeaker: counts.get(s.id)?.asSpeaker ?? 0,
      claimsInChains: counts.get(s.id)?.inChains ?? 0,
    }));
  }
}
