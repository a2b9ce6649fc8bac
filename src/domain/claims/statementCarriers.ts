import type { Db } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { findPublicationTimes } from "../articles/articleRepository.js";
import { presentCarrier, type StatementCarriers } from "./carrierView.js";
import { findClaimRelations, findClaimRows } from "./claimRepository.js";
import { presentClaim } from "./claimView.js";

/** How many claims one statement's trail follows at most (a wire story reprinted widely). */
export const MAX_CARRIERS = 100;

/**
 * Who carried a claim's statement: the claims joined to it, directly or through each other, by
 * `supports` relations that are not dismissed between claims of the same speaker in different
 * articles (the extractor proposes these as "same statement relayed"), each with its article and
 * outlets, oldest article first (ties by claim id). The first is who carried it first.
 */
export async function traceStatementCarriers(db: Db, claimId: number): Promise<StatementCarriers> {
  const [record] = await findClaimRows(db, [claimId]);
  if (!record) throw notFound("claim", claimId);
  const start = presentClaim(record);
  const speaker = start.speaker.slug;
  const joined = new Map([[claimId, { view: start, relationId: null as number | null }]]);
  const frontier = [claimId];
  while (frontier.length > 0 && joined.size < MAX_CARRIERS) {
    const id = frontier.shift()!;
    const here = joined.get(id)!.view.article.slug;
    const relations = (await findClaimRelations(db, id)).filter(
      (r) => r.type === "supports" && r.status !== "dismissed" && !joined.has(r.otherClaimId),
    );
    const others = await findClaimRows(db, [...new Set(relations.map((r) => r.otherClaimId))]);
    for (const other of others.map(presentClaim)) {
      // Within one article, a speaker's claim supporting another is their reasoning, not a relay.
      const relayed = other.speaker.slug === speaker && other.article.slug !== here;
      if (!relayed || joined.has(other.id) || joined.size >= MAX_CARRIERS) continue;
      joined.set(other.id, { view: other, relationId: relations.find((r) => r.otherClaimId === other.id)!.id });
      frontier.push(other.id);
    }
  }
  const times = await findPublicationTimes(db, [...new Set([...joined.values()].map((j) => j.view.article.slug))]);
  const carriers = [...joined.values()]
    .map(({ view, relationId }) => presentCarrier(view, times.get(view.article.slug)!, relationId))
    .sort((a, b) => Date.parse(a.article.publishedAt) - Date.parse(b.article.publishedAt) || a.claim.id - b.claim.id);
  return { claimId, speaker: start.speaker, carriers, firstCarrier: carriers[0]! };
}
