import { z } from "zod";
import { SourceSummary } from "../attribution/traceChain.js";
import { briefClaim, ClaimBrief, type ClaimView } from "./claimView.js";

// The response contract of "who carried this statement": each schema, then its presenter.

/** One article that carried the statement, and the outlets it came through there. */
export const StatementCarrier = z
  .strictObject({
    claim: ClaimBrief,
    article: z.strictObject({
      slug: z.string(),
      title: z.string(),
      publishedAt: z.string().meta({ description: "With the article's own UTC offset" }),
    }),
    publisher: SourceSummary,
    firstOutlet: SourceSummary.meta({
      description:
        "The first outlet between the speaker and this article in the claim's main chain (its reporter), or the publisher when the speaker is quoted directly",
    }),
    outlets: z
      .array(SourceSummary)
      .meta({ description: "Every outlet in any of the claim's chains, speaker excluded, in chain order" }),
    relationId: z.int().nullable().meta({
      description: "The supports relation that joined this claim to the others; null for the claim asked about",
    }),
  })
  .meta({ id: "StatementCarrier" });
export type StatementCarrier = z.infer<typeof StatementCarrier>;

/**
 * Every article that carried one speaker's statement: the claim asked about and the claims joined
 * to it by `supports` relations between claims of the same speaker in different articles (the
 * extractor's "same statement relayed", or a reviewer's) that are not dismissed, in publication order.
 */
export const StatementCarriers = z
  .strictObject({
    claimId: z.int(),
    speaker: SourceSummary,
    carriers: z.array(StatementCarrier),
    firstCarrier: StatementCarrier.meta({
      description: "Who carried it first: the earliest article (the claim's own when nothing else is joined)",
    }),
  })
  .meta({ id: "StatementCarriers" });
export type StatementCarriers = z.infer<typeof StatementCarriers>;

const OUTLET_ROLES = new Set(["reporter", "relay", "publisher"]);

export function presentCarrier(view: ClaimView, publishedAt: string, relationId: number | null): StatementCarrier {
  const main = view.chains[0]!.links;
  const publisher = main.at(-1)!.source;
  const outlets = new Map<string, SourceSummary>();
  for (const link of view.chains.flatMap((chain) => chain.links)) {
    if (OUTLET_ROLES.has(link.role)) outlets.set(link.source.slug, link.source);
  }
  return {
    claim: briefClaim(view),
    article: { slug: view.article.slug, title: view.article.title, publishedAt },
    publisher,
    firstOutlet: (main.find((link) => link.role !== "speaker") ?? main[0]!).source,
    outlets: [...outlets.values()],
    relationId,
  };
}
