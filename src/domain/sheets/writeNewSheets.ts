import { type ClaimSheet, parseClaimRef } from "./claimSheet.js";
import { createRelations, findClaimsOfArticleSlugs, type NewRelation } from "./sheetRelationRepository.js";
import {
  type ClaimStanceRow,
  type ClaimTopicRow,
  findClaimsOfArticles,
  findOrInsertPropositions,
  findOrInsertTopics,
  findSourceIds,
  insertArticles,
  insertChains,
  insertClaimStances,
  insertClaims,
  insertClaimTopics,
  insertSources,
  type SheetWriter,
  setSourceAffiliation,
} from "./sheetWriteRepository.js";
import { IMPORT_ACTOR, proposeDerivedContradictions, type WrittenSheet } from "./writeSheet.js";

// A run of new articles (an import without update) written table by table for the whole run:
// each table is one statement on PostgreSQL (unnest) and a few on SQLite, however many sheets
// the run holds. Written sheet by sheet, a 500-sheet batch took ~10,000 statements, each a
// round trip on PostgreSQL.

/**
 * Writes checked sheets of articles that are not stored, in order, as `writeSheet` would one by
 * one: the same rows, sources and propositions created by the first sheet that names them and
 * kept as they are after, relations to earlier sheets' claims resolved. Ids differ only in that
 * the contradictions their stances imply come after every sheet's own relations.
 */
export async function writeNewSheets(
  w: SheetWriter,
  sheets: readonly ClaimSheet[],
  hashes: readonly string[],
  now: Date,
): Promise<WrittenSheet[]> {
  await createSources(w, sheets);
  const articleIds = await insertArticles(
    w,
    sheets.map(({ article }, i) => ({
      article,
      publisherId: w.sourceIds.get(article.publisher)!,
      bodySha256: hashes[i]!,
    })),
    now,
  );
  const articleId = (sheet: ClaimSheet) => articleIds.get(sheet.article.slug)!;

  await insertClaims(
    w,
    sheets.map((sheet) => ({ articleId: articleId(sheet), claims: sheet.claims })),
  );
  // By `article-slug/key`.
  const claimIds = new Map<string, number>();
  const slugById = new Map([...articleIds].map(([slug, id]) => [id, slug]));
  for (const row of await findClaimsOfArticles(w, [...articleIds.values()])) {
    claimIds.set(`${slugById.get(row.articleId)}/${row.key}`, row.id);
  }
  const claimId = (sheet: ClaimSheet, key: string) => claimIds.get(`${sheet.article.slug}/${key}`)!;

  await insertChains(
    w,
    sheets.flatMap((sheet) => sheet.claims.map((claim) => ({ id: claimId(sheet, claim.key), claim }))),
    w.sourceIds,
  );
  const propositionIds = await findOrInsertPropositions(
    w,
    sheets.flatMap((sheet) => sheet.propositions),
  );
  const topicIds = await findOrInsertTopics(
    w,
    sheets.flatMap((sheet) => sheet.claims.flatMap((c) => c.topics)),
  );
  await insertClaimTopics(
    w,
    sheets.flatMap((sheet) =>
      sheet.claims.flatMap((claim) =>
        claim.topics.map((topic): ClaimTopicRow => [claimId(sheet, claim.key), topicIds.get(topic)!]),
      ),
    ),
  );
  await insertClaimStances(
    w,
    sheets.flatMap((sheet) =>
      sheet.claims.flatMap((claim) =>
        claim.stances.map(
          (s): ClaimStanceRow => [claimId(sheet, claim.key), propositionIds.get(s.proposition)!, s.stance],
        ),
      ),
    ),
  );

  const stored = await storedClaimIds(w, sheets, new Set(articleIds.keys()));
  const resolve = (sheet: ClaimSheet, ref: string) => {
    const { article, key } = parseClaimRef(ref);
    const slug = article ?? sheet.article.slug;
    return claimIds.get(`${slug}/${key}`) ?? stored.get(`${slug}/${key}`)!;
  };
  const relations: NewRelation[] = sheets.flatMap((sheet) =>
    sheet.relations.map((r) => ({
      fromClaimId: resolve(sheet, r.from),
      toClaimId: resolve(sheet, r.to),
      type: r.type,
      rationale: r.rationale,
      status: r.status,
      origin: r.origin,
    })),
  );
  await createRelations(w, relations, { actor: IMPORT_ACTOR, note: "imported from claim sheet", at: now });

  const derived = await proposeDerivedContradictions(w, [...propositionIds.values()], [...claimIds.values()], now);
  // A pair is the later claim's sheet's, as it would be had the sheets been written one by one.
  const sheetOfClaim = new Map<number, number>();
  sheets.forEach((sheet, i) => {
    for (const claim of sheet.claims) sheetOfClaim.set(claimId(sheet, claim.key), i);
  });
  const derivedBySheet = sheets.map(() => 0);
  for (const pair of derived) {
    const index = sheetOfClaim.get(Math.max(pair.fromClaimId, pair.toClaimId))!;
    derivedBySheet[index]! += 1;
  }
  return sheets.map((sheet, i) => ({
    articleId: articleId(sheet),
    derivedContradictions: derivedBySheet[i]!,
    orphanedClaims: 0,
    keptRelations: 0,
  }));
}

/**
 * Creates the sources the sheets define that are not stored (the first definition of a slug
 * wins, as with sheets written one by one), with their names and affiliations, and puts the id
 * of every source the sheets name into the writer's cache.
 */
async function createSources(w: SheetWriter, sheets: readonly ClaimSheet[]): Promise<void> {
  const named = new Set(
    sheets.flatMap((sheet) => [
      ...sheet.sources.map((s) => s.slug),
      ...sheet.claims.flatMap((c) => c.chains.flat().map((l) => l.source)),
      sheet.article.publisher,
    ]),
  );
  await findSourceIds(w, [...named]);
  const fresh = new Map<string, ClaimSheet["sources"][number]>();
  for (const sheet of sheets)
    for (const source of sheet.sources)
      if (!w.sourceIds.has(source.slug) && !fresh.has(source.slug)) fresh.set(source.slug, source);
  if (fresh.size === 0) return;
  await insertSources(w, [...fresh.values()]);
  const affiliated = [...fresh.values()].filter((s) => s.affiliation !== null);
  await findSourceIds(
    w,
    affiliated.map((s) => s.affiliation!),
  );
  for (const source of affiliated) {
    const affiliationId = w.sourceIds.get(source.affiliation!);
    if (affiliationId === undefined) throw new Error(`source "${source.affiliation}" is not stored`);
    await setSourceAffiliation(w, w.sourceIds.get(source.slug)!, affiliationId);
  }
}

/** Ids of the stored claims the sheets' relations name as `article/key` in an article outside the run. */
async function storedClaimIds(
  w: SheetWriter,
  sheets: readonly ClaimSheet[],
  inRun: ReadonlySet<string>,
): Promise<Map<string, number>> {
  const refs = new Set<string>();
  for (const sheet of sheets)
    for (const r of sheet.relations)
      for (const ref of [r.from, r.to]) {
        const { article } = parseClaimRef(ref);
        if (article !== null && !inRun.has(article)) refs.add(ref);
      }
  const ids = new Map<string, number>();
  const articles = [...new Set([...refs].map((ref) => parseClaimRef(ref).article!))];
  for (const row of await findClaimsOfArticleSlugs(w, articles)) {
    const ref = `${row.slug}/${row.key}`;
    if (refs.has(ref)) ids.set(ref, row.id);
  }
  for (const ref of refs) if (!ids.has(ref)) throw new Error(`claim "${ref}" is not stored`);
  return ids;
}
