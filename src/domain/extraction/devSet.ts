import { z } from "zod";
import { CLAIM_SHEET_FORMAT, ClaimSheet } from "../sheets/claimSheet.js";
import { ClaimKind, SourceKind } from "../vocabulary.js";

/**
 * The development set's format (eval/dev/*.json): short news texts the team wrote, each with its
 * answer key. Claims are given by their exact quote (unique in the body); spans are computed in
 * code points when a text becomes a claim sheet, so a key cannot drift from its body.
 */
const DevSource = z.strictObject({
  slug: z.string().min(1),
  name: z.string().min(1),
  kind: SourceKind,
  names: z.array(z.string().min(1)),
});

const DevClaim = z.strictObject({
  key: z.string().min(1),
  quote: z.string().min(1),
  /** Speaker first, then reporter and relays; the publisher is added at the end. */
  chain: z.array(z.string().min(1)).min(1),
  kind: ClaimKind,
  hedged: z.boolean().default(false),
});

const DevText = z.strictObject({
  id: z.string().min(1),
  patterns: z.array(z.string()).min(1),
  body: z.string().min(1),
  sources: z.array(DevSource),
  claims: z.array(DevClaim),
  /** Pairs of claim keys the text states or clearly implies contradict each other. */
  contradictions: z.array(z.tuple([z.string(), z.string()])).default([]),
});

export const DevSet = z.strictObject({
  language: z.enum(["th", "en"]),
  publisher: DevSource,
  publishedAt: z.string(),
  texts: z.array(DevText).min(1),
});
export type DevSet = z.infer<typeof DevSet>;
export type DevText = z.infer<typeof DevText>;

const codePoints = (text: string) => [...text].length;

/** One development text as a curated claim sheet (the form the evaluation scores against). */
export function devTextSheet(set: DevSet, text: DevText): ClaimSheet {
  const publisher = set.publisher.slug;
  const roles = (n: number) => (i: number) =>
    i === 0 ? "speaker" : i === n - 1 ? "publisher" : i === 1 ? "reporter" : "relay";
  return ClaimSheet.parse({
    format: CLAIM_SHEET_FORMAT,
    article: {
      slug: text.id.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      title: text.id,
      publisher,
      section: null,
      language: set.language,
      url: null,
      publishedAt: set.publishedAt,
      body: text.body,
    },
    sources: [set.publisher, ...text.sources].map((s) => ({
      ...s,
      country: null,
      stateControlled: false,
      affiliation: null,
      description: null,
    })),
    propositions: [],
    claims: text.claims.map((c) => {
      const at = text.body.indexOf(c.quote);
      if (at === -1 || text.body.indexOf(c.quote, at + 1) !== -1)
        throw new Error(`${text.id} ${c.key}: the quote must occur exactly once in the body`);
      const chain = [...c.chain, publisher];
      const role = roles(chain.length);
      return {
        key: c.key,
        quote: c.quote,
        start: codePoints(text.body.slice(0, at)),
        end: codePoints(text.body.slice(0, at)) + codePoints(c.quote),
        gloss: c.quote,
        kind: c.kind,
        hedged: c.hedged,
        cue: null,
        chains: [chain.map((source, i) => ({ source, role: role(i) }))],
      };
    }),
    relations: text.contradictions.map(([from, to]) => ({
      from,
      to,
      type: "contradicts",
      rationale: "curated in the development set",
    })),
  });
}
