import type { Db } from "../../db/client.js";
import { type ClaimView, presentClaim } from "../claims/claimView.js";
import type { Column } from "./columns.js";
import type { ExportFilters } from "./exportFilters.js";
import { findContradictionExportPage } from "./exportRepository.js";
import { keysetPages } from "./keyset.js";

/** One side of an exported contradiction. */
export interface ContradictionSide {
  claimId: number;
  article: string;
  key: string;
  speaker: string;
  quote: string;
  gloss: string;
  chain: string;
}

/** One contradiction as a row: the relation and both claims. `from` is the denying side when derived. */
export interface ContradictionExportRow {
  id: number;
  status: string;
  origin: string;
  version: number;
  rationale: string;
  updatedAt: string;
  from: ContradictionSide;
  to: ContradictionSide;
}

const sideColumns = (side: "from" | "to"): Column<ContradictionExportRow>[] => [
  { header: `${side}_claim_id`, width: 12, value: (r) => r[side].claimId },
  { header: `${side}_article`, width: 28, value: (r) => r[side].article },
  { header: `${side}_key`, width: 12, value: (r) => r[side].key },
  { header: `${side}_speaker`, width: 24, value: (r) => r[side].speaker },
  { header: `${side}_quote`, width: 60, wrap: true, value: (r) => r[side].quote },
  { header: `${side}_gloss`, width: 48, wrap: true, value: (r) => r[side].gloss },
  { header: `${side}_chain`, width: 40, wrap: true, value: (r) => r[side].chain },
];

export const CONTRADICTION_COLUMNS: Column<ContradictionExportRow>[] = [
  { header: "id", width: 8, value: (r) => r.id },
  { header: "status", width: 15, value: (r) => r.status },
  { header: "origin", width: 9, value: (r) => r.origin },
  { header: "version", width: 8, value: (r) => r.version },
  { header: "rationale", width: 60, wrap: true, value: (r) => r.rationale },
  { header: "updated_at", width: 24, value: (r) => r.updatedAt },
  ...sideColumns("from"),
  ...sideColumns("to"),
];

function presentSide(view: ClaimView): ContradictionSide {
  return {
    claimId: view.id,
    article: view.article.slug,
    key: view.key,
    speaker: view.speaker.name,
    quote: view.quote,
    gloss: view.gloss,
    chain: view.chains[0]!.text,
  };
}

/** The exported contradictions as rows, by id. */
export async function* contradictionRowPages(
  db: Db,
  filters: ExportFilters,
  pageSize?: number,
): AsyncGenerator<ContradictionExportRow[]> {
  const pages = keysetPages((afterId, take) => findContradictionExportPage(db, filters, afterId, take), pageSize);
  for await (const page of pages) {
    yield page.map((r) => ({
      id: r.id,
      status: r.status,
      origin: r.origin,
      version: r.version,
      rationale: r.rationale,
      updatedAt: r.updatedAt.toISOString(),
      from: presentSide(presentClaim(r.fromClaim)),
      to: presentSide(presentClaim(r.toClaim)),
    }));
  }
}
