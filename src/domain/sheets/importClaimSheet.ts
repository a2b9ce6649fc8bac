import type { Db } from "../../db/client.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { invalidSheet, type ProblemDetail } from "../../errors.js";
import { deriveContradictions, pairKey, type StanceRecord } from "../contradictions/deriveContradictions.js";
import type { Stance } from "../vocabulary.js";
import { utcOffsetMinutes } from "../articles/publishedAt.js";
import { toProblemDetails } from "../../validation.js";
import { ClaimSheet } from "./claimSheet.js";
import { checkClaimSheet, sha256Hex } from "./checkClaimSheet.js";

type Tx = Prisma.TransactionClient;

export interface ImportResult {
  articleSlug: string;
  status: "created" | "already_present";
  claims: number;
  sources: number;
  relations: number;
  derivedContradictions: number;
}

/** Who recorded the relations a sheet brings, in their review history. */
export const IMPORT_ACTOR = "claim-sheet import";

/**
 * Validates a claim sheet (shape, then cross-references against the sheet and the stored
 * sources) and writes it in one transaction: nothing is written unless everything is valid.
 * An article whose body is already stored (same SHA-256) is reported, not duplicated.
 */
export async function importClaimSheet(db: Db, input: unknown): Promise<ImportResult> {
  const parsed = ClaimSheet.safeParse(input);
  if (!parsed.success) {
    throw invalidSheet(toProblemDetails(parsed.error));
  }
  const sheet = parsed.data;
  const bodySha256 = sha256Hex(sheet.article.body);
  const referenced = [...new Set(sheet.claims.flatMap((c) => c.chains.flat().map((l) => l.source)))];
  const stored = await db.source.findMany({
    where: { slug: { in: [...referenced, sheet.article.publisher, ...sheet.sources.flatMap((s) => s.affiliation ?? [])] } },
    select: { slug: true },
  });
  const storedSlugs = new Set(stored.map((s) => s.slug));
  const problems: ProblemDetail[] = checkClaimSheet(sheet, storedSlugs);
  if (problems.length > 0) throw invalidSheet(problems);

  return db.$transaction(async (tx) => {
    const existing = await tx.article.findFirst({
      where: { OR: [{ bodySha256 }, { slug: sheet.article.slug }] },
      select: { slug: true, bodySha256: true, _count: { select: { claims: true } } },
    });
    if (existing) {
      if (existing.bodySha256 !== bodySha256) {
        throw invalidSheet([
          { path: "article.slug", code: "slug_taken", message: `article "${existing.slug}" exists with another body` },
        ]);
      }
      return {
        articleSlug: existing.slug,
        status: "already_present" as const,
        claims: existing._count.claims,
        sources: 0,
        relations: 0,
        derivedContradictions: 0,
      };
    }
    const sourceIds = await upsertSources(tx, sheet);
    const article = await tx.article.create({
      data: {
        slug: sheet.article.slug,
        title: sheet.article.title,
        publisherId: sourceIds.get(sheet.article.publisher)!,
        section: sheet.article.section,
        language: sheet.article.language,
        url: sheet.article.url,
        publishedAt: new Date(sheet.article.publishedAt),
        publishedUtcOffset: utcOffsetMinutes(sheet.article.publishedAt),
        body: sheet.article.body,
        bodySha256,
      },
    });
    const claimIds = await createClaims(tx, article.id, sheet, sourceIds);
    const propositionIds = await upsertPropositions(tx, sheet);
    const topicIds = await upsertTopics(tx, sheet);
    await tx.claimTopic.createMany({
      data: sheet.claims.flatMap((claim) =>
        claim.topics.map((topic) => ({ claimId: claimIds.get(claim.key)!, topicId: topicIds.get(topic)! })),
      ),
    });
    await tx.claimStance.createMany({
      data: sheet.claims.flatMap((claim) =>
        claim.stances.map((s) => ({
          claimId: claimIds.get(claim.key)!,
          propositionId: propositionIds.get(s.proposition)!,
          stance: s.stance,
        })),
      ),
    });
    await createRelations(
      tx,
      sheet.relations.map((relation) => ({
        fromClaimId: claimIds.get(relation.from)!,
        toClaimId: claimIds.get(relation.to)!,
        type: relation.type,
        rationale: relation.rationale,
        status: relation.status,
        origin: "curated",
      })),
      "imported from claim sheet",
    );
    const derived = await proposeDerivedContradictions(tx, [...propositionIds.values()]);
    return {
      articleSlug: article.slug,
      status: "created" as const,
      claims: sheet.claims.length,
      sources: sheet.sources.length,
      relations: sheet.relations.length,
      derivedContradictions: derived,
    };
  });
}

/** Creates the sheet's sources that are not stored yet; stored ones are kept as they are. */
async function upsertSources(tx: Tx, sheet: ClaimSheet): Promise<Map<string, number>> {
  const slugs = new Set([
    ...sheet.sources.map((s) => s.slug),
    ...sheet.claims.flatMap((c) => c.chains.flat().map((l) => l.source)),
    sheet.article.publisher,
  ]);
  const stored = await tx.source.findMany({ where: { slug: { in: [...slugs] } }, select: { id: true, slug: true } });
  const ids = new Map(stored.map((s) => [s.slug, s.id]));
  const fresh = sheet.sources.filter((s) => !ids.has(s.slug));
  for (const source of fresh) {
    const created = await tx.source.create({
      data: {
        slug: source.slug,
        name: source.name,
        kind: source.kind,
        countryCode: source.country,
        stateControlled: source.stateControlled,
        description: source.description,
        names: { create: source.names.map((name, position) => ({ name, position })) },
      },
      select: { id: true },
    });
    ids.set(source.slug, created.id);
  }
  for (const source of fresh) {
    if (source.affiliation === null) continue;
    const affiliationId =
      ids.get(source.affiliation) ??
      (await tx.source.findUniqueOrThrow({ where: { slug: source.affiliation }, select: { id: true } })).id;
    await tx.source.update({ where: { id: ids.get(source.slug)! }, data: { affiliationId } });
  }
  return ids;
}

async function createClaims(
  tx: Tx,
  articleId: number,
  sheet: ClaimSheet,
  sourceIds: Map<string, number>,
): Promise<Map<string, number>> {
  const created = await tx.claim.createManyAndReturn({
    select: { id: true, key: true },
    data: sheet.claims.map((claim) => ({
      articleId,
      key: claim.key,
      quote: claim.quote,
      start: claim.start,
      end: claim.end,
      gloss: claim.gloss,
      kind: claim.kind,
      hedged: claim.hedged,
      cue: claim.cue,
      statedOn: claim.statedOn,
    })),
  });
  const claimIds = new Map(created.map((c) => [c.key, c.id]));
  await tx.attributionLink.createMany({
    data: sheet.claims.flatMap((claim) =>
      claim.chains.flatMap((chain, chainIndex) =>
        chain.map((link, position) => ({
          claimId: claimIds.get(claim.key)!,
          chain: chainIndex,
          position,
          sourceId: sourceIds.get(link.source)!,
          role: link.role,
        })),
      ),
    ),
  });
  return claimIds;
}

// Topics and propositions are looked up and created in one statement each, not one per row:
// a sheet names dozens of topics and the per-statement cost dominates large imports.
async function upsertPropositions(tx: Tx, sheet: ClaimSheet): Promise<Map<string, number>> {
  const keys = sheet.propositions.map((p) => p.key);
  if (keys.length === 0) return new Map();
  const stored = await tx.proposition.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  const ids = new Map(stored.map((p) => [p.key, p.id]));
  const fresh = sheet.propositions.filter((p) => !ids.has(p.key));
  if (fresh.length > 0) {
    const created = await tx.proposition.createManyAndReturn({
      data: fresh.map((p) => ({ key: p.key, text: p.text })),
      select: { id: true, key: true },
    });
    for (const p of created) ids.set(p.key, p.id);
  }
  return ids;
}

async function upsertTopics(tx: Tx, sheet: ClaimSheet): Promise<Map<string, number>> {
  const slugs = [...new Set(sheet.claims.flatMap((c) => c.topics))];
  if (slugs.length === 0) return new Map();
  const stored = await tx.topic.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const ids = new Map(stored.map((t) => [t.slug, t.id]));
  const fresh = slugs.filter((slug) => !ids.has(slug));
  if (fresh.length > 0) {
    const created = await tx.topic.createManyAndReturn({ data: fresh.map((slug) => ({ slug })), select: { id: true, slug: true } });
    for (const t of created) ids.set(t.slug, t.id);
  }
  return ids;
}

/** Creates relations with their first review event, in two statements whatever their number. */
async function createRelations(
  tx: Tx,
  relations: Prisma.RelationCreateManyInput[],
  note: string,
): Promise<void> {
  if (relations.length === 0) return;
  const created = await tx.relation.createManyAndReturn({ data: relations, select: { id: true, status: true } });
  await tx.relationEvent.createMany({
    data: created.map((relation) => ({ relationId: relation.id, actor: IMPORT_ACTOR, toStatus: relation.status, version: 1, note })),
  });
}

/**
 * Proposes contradictions between claims, stored or new, that take opposite stances on the
 * given propositions. Returns how many were proposed.
 */
async function proposeDerivedContradictions(tx: Tx, propositionIds: number[]): Promise<number> {
  if (propositionIds.length === 0) return 0;
  const rows = await tx.claimStance.findMany({
    where: { propositionId: { in: propositionIds } },
    select: {
      claimId: true,
      propositionId: true,
      stance: true,
      proposition: { select: { text: true } },
      claim: {
        select: {
          links: { where: { chain: 0, position: 0 }, select: { source: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  const stances: StanceRecord[] = rows.map((row) => ({
    claimId: row.claimId,
    propositionId: row.propositionId,
    propositionText: row.proposition.text,
    stance: row.stance as Stance,
    speakerId: row.claim.links[0]!.source.id,
    speakerName: row.claim.links[0]!.source.name,
  }));
  const claimIds = [...new Set(stances.map((s) => s.claimId))];
  const existing = await tx.relation.findMany({
    where: { type: "contradicts", fromClaimId: { in: claimIds }, toClaimId: { in: claimIds } },
    select: { fromClaimId: true, toClaimId: true },
  });
  const derived = deriveContradictions(stances, new Set(existing.map((r) => pairKey(r.fromClaimId, r.toClaimId))));
  await createRelations(
    tx,
    derived.map((contradiction) => ({ ...contradiction, type: "contradicts", origin: "derived" })),
    "derived from opposite stances",
  );
  return derived.length;
}
