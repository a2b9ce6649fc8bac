import { z } from "zod";
import { ChainRole, SourceKind } from "../vocabulary.js";
import { chainSlugText, chainText } from "./chainText.js";

/** What a chain shows of each source in it. */
export const SourceSummary = z
  .strictObject({
    slug: z.string(),
    name: z.string(),
    kind: SourceKind,
    /** ISO 3166-1 alpha-2, when the source belongs to one country. */
    country: z.string().nullable(),
    stateControlled: z.boolean(),
  })
  .meta({ id: "SourceSummary" });
export type SourceSummary = z.infer<typeof SourceSummary>;

export const ChainLink = z.strictObject({ position: z.int(), role: ChainRole, source: SourceSummary });
export type ChainLink = z.infer<typeof ChainLink>;

/** An attribution chain as a fact-checker reads it. */
export const TracedChain = z
  .strictObject({
    index: z.int(),
    links: z.array(ChainLink),
    text: z.string().meta({
      description:
        '"Sergei Shoigu → KCBS → Yonhap → InfoQuest": the speaker first, each outlet that passed it on after, the publisher last',
    }),
    slugs: z.string().meta({ description: '"sergei-shoigu>kcbs>yonhap>infoquest", in the same order' }),
    hopDistance: z
      .int()
      .meta({ description: "Links between the speaker and the publisher: 0 when the publisher speaks" }),
    throughStateMedia: z.boolean().meta({ description: "Whether any outlet in the chain is state-controlled media" }),
    throughAnonymous: z.boolean().meta({ description: "Whether any source in the chain is anonymous" }),
  })
  .meta({ id: "Chain" });
export type TracedChain = z.infer<typeof TracedChain>;

const MEDIA_KINDS: ReadonlySet<SourceKind> = new Set(["news_agency", "broadcaster", "newspaper", "publisher"]);

/** Orders links by chain and position and describes each chain. */
export function traceChains(links: ReadonlyArray<ChainLink & { chain: number }>): TracedChain[] {
  const byChain = new Map<number, ChainLink[]>();
  for (const link of [...links].sort((a, b) => a.chain - b.chain || a.position - b.position)) {
    const chain = byChain.get(link.chain) ?? [];
    chain.push({ position: link.position, role: link.role, source: link.source });
    byChain.set(link.chain, chain);
  }
  return [...byChain.entries()].map(([index, chain]) => ({
    index,
    links: chain,
    text: chainText(chain.map((link) => link.source.name)),
    slugs: chainSlugText(chain.map((link) => link.source.slug)),
    hopDistance: chain.length - 1,
    throughStateMedia: chain.some((link) => link.source.stateControlled && MEDIA_KINDS.has(link.source.kind)),
    throughAnonymous: chain.some((link) => link.source.kind === "anonymous"),
  }));
}

/** Sources that appear in chains on both sides, in the order of the first side. */
export function sharedSources(a: TracedChain[], b: TracedChain[]): SourceSummary[] {
  const other = new Set(b.flatMap((chain) => chain.links.map((link) => link.source.slug)));
  const shared = new Map<string, SourceSummary>();
  for (const link of a.flatMap((chain) => chain.links)) {
    if (other.has(link.source.slug)) shared.set(link.source.slug, link.source);
  }
  return [...shared.values()];
}
