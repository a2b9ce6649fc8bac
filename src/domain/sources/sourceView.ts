import { z } from "zod";
import { SourceSummary } from "../attribution/traceChain.js";
import type { SourceKind } from "../vocabulary.js";
import type { SourceClaimCounts, SourceRecord, SourceSummaryRecord } from "./sourceRepository.js";

// The sources' response contract: each schema, then the presenter typed against it.

export const SourceView = SourceSummary.extend({
  names: z.array(z.string()),
  description: z.string().nullable(),
  affiliation: SourceSummary.nullable(),
  claims: z.strictObject({
    asSpeaker: z.int().meta({ description: "Claims this source made" }),
    inChains: z.int().meta({ description: "Claims whose chain has this source anywhere" }),
  }),
}).meta({ id: "Source" });
export type SourceView = z.infer<typeof SourceView>;

export const SourceDetail = SourceView.extend({ affiliates: z.array(SourceSummary) }).meta({ id: "SourceDetail" });
export type SourceDetail = z.infer<typeof SourceDetail>;

export function presentSourceSummary(record: SourceSummaryRecord): SourceSummary {
  return {
    slug: record.slug,
    name: record.name,
    kind: record.kind as SourceKind,
    country: record.countryCode,
    stateControlled: record.stateControlled,
  };
}

export function presentSource(record: SourceRecord, counts: SourceClaimCounts | undefined): SourceView {
  return {
    ...presentSourceSummary(record),
    names: record.names,
    description: record.description,
    affiliation: record.affiliation ? presentSourceSummary(record.affiliation) : null,
    claims: counts ?? { asSpeaker: 0, inChains: 0 },
  };
}
