import { type ExtractOptions, extractClaimSheet } from "../../../src/domain/extraction/extractClaimSheet.js";

/** What a reviewer sees of each proposed claim: quote, speaker's name, chain of names, cue, stance. */
export function proposed(text: string, options: ExtractOptions = {}) {
  const { sheet, proposals } = extractClaimSheet(text, {
    publisher: "test-wire",
    now: () => new Date("2024-01-02T03:04:05Z"),
    ...options,
  });
  const nameOf = (slug: string) => sheet.sources.find((s) => s.slug === slug)?.name ?? slug;
  return sheet.claims.map((claim) => {
    const p = proposals.claims.find((x) => x.key === claim.key)!;
    return {
      quote: claim.quote,
      speaker: nameOf(claim.chains[0]![0]!.source),
      chain: claim.chains[0]!.map((l) => `${nameOf(l.source)}:${l.role}`),
      cue: claim.cue,
      stance: p.stance,
      kind: claim.kind,
    };
  });
}
