import type { Db } from "../../src/db/client.js";

/** Rows in every table: equal before and after a refused import means nothing was written. */
export async function countRows(db: Db) {
  return {
    articles: await db.article.count(),
    sources: await db.source.count(),
    sourceNames: await db.sourceName.count(),
    claims: await db.claim.count(),
    links: await db.attributionLink.count(),
    topics: await db.topic.count(),
    propositions: await db.proposition.count(),
    stances: await db.claimStance.count(),
    relations: await db.relation.count(),
    events: await db.relationEvent.count(),
  };
}
