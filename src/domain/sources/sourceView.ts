import type { SourceSummary } from "../attribution/traceChain.js";
import type { SourceKind } from "../vocabulary.js";

/** The columns a source summary needs. */
export const sourceSummarySelect = {
  slug: true,
  name: true,
  kind: true,
  countryCode: true,
  stateControlled: true,
} as const;

export function presentSourceSummary(row: {
  slug: string;
  name: string;
  kind: string;
  countryCode: string | null;
  stateControlled: boolean;
}): SourceSummary {
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind as SourceKind,
    country: row.countryCode,
    stateControlled: row.stateControlled,
  };
}
