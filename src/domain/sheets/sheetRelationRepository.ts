import { IN_LIST_SIZE, inChunks } from "../../db/inChunks.js";
import { inList } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { StanceRecord } from "../relations/deriveContradictions.js";
import type { SheetWriter } from "./sheetWriteRepository.js";

// The relation writes of an import, and the reads they depend on, on its transaction's writer.

/** The id of the stored claim `key` of the article `article`, or undefined. */
export async function findClaimId(w: SheetWriter, article: string, key: string): Promise<number | undefined> {
  const [row] = await w.sql.rows<{
    id: number;
  }>(Prisma.sql`SELECT "Claim"."id" FROM "Claim" JOIN "Article" ON "Article"."id" = "Claim"."articleId"
      WHERE "Article"."slug" = ${article} AND "Claim"."key" = ${key}`);
  return row === undefined ? undefined : Number(row.id);
}

/** Every stored claim of the articles with these slugs. */
export async function findClaimsOfArticleSlugs(
  w: SheetWriter,
  slugs: readonly string[],
): Promise<{ id: number; slug: string; key: string }[]> {
  const select = (chunk: string[]) =>
    w.sql.rows<{ id: number; slug: string; key: string }>(
      Prisma.sql`SELECT c."id", a."slug", c."key" FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId"
        WHERE a."slug" IN (${inList(chunk)})`,
    );
  const rows = await inChunks([...slugs], select, IN_LIST_SIZE);
  return rows.map((row) => ({ id: Number(row.id), slug: row.slug, key: row.key }));
}

export interface NewRelation {
  fromClaimId: number;
  toClaimId: number;
  type: string;
  rationale: string;
  status: string;
  origin: string;
}

/** Whether a relation of this type from and to these claims is stored. */
export async function isRelationStored(
  w: SheetWriter,
  r: Pick<NewRelation, "fromClaimId" | "toClaimId" | "type">,
): Promise<boolean> {
  const [row] = await w.sql.rows<{ id: number }>(
    Prisma.sql`SELECT "id" FROM "Relation" WHERE "fromClaimId" = ${r.fromClaimId} AND "toClaimId" = ${r.toClaimId} AND "type" = ${r.type}`,
  );
  return row !== undefined;
}

/** Stores relations, in order, each with the first event of its review history. */
export async function createRelations(
  w: SheetWriter,
  relations: NewRelation[],
  event: { actor: string; note: string; at: Date },
): Promise<void> {
  if (relations.length === 0) return;
  const { actor, note, at } = event;
  const created = await w.sql.insert<{ id: number; status: string }>(
    "Relation",
    ["fromClaimId", "toClaimId", "type", "rationale", "status", "origin", "version", "createdAt", "updatedAt"],
    relations.map((r) => [r.fromClaimId, r.toClaimId, r.type, r.rationale, r.status, r.origin, 1, at, at]),
    ["id", "status"],
  );
  // RETURNING promises no order; events are numbered in the order of their relations.
  created.sort((a, b) => a.id - b.id);
  await w.sql.insert(
    "RelationEvent",
    ["relationId", "actor", "fromStatus", "toStatus", "note", "version", "createdAt"],
    created.map((r) => [r.id, actor, null, r.status, note, 1, at]),
  );
}

/**
 * Every stance on these propositions, with its claim's speaker (the first link of its first
 * chain): each proposition in id order, and each one's stances in claim order. One statement
 * per 500 propositions.
 */
export async function findStancesOn(w: SheetWriter, propositionIds: readonly number[]): Promise<StanceRecord[]> {
  const stances = await inChunks(
    [...propositionIds].sort((x, y) => x - y),
    (chunk) =>
      w.sql.rows<StanceRecord>(Prisma.sql`SELECT "ClaimStance"."claimId", "ClaimStance"."propositionId", "Proposition"."text" AS "propositionText",
          "ClaimStance"."stance", "Source"."id" AS "speakerId", "Source"."name" AS "speakerName"
        FROM "ClaimStance"
        JOIN "Proposition" ON "Proposition"."id" = "ClaimStance"."propositionId"
        JOIN "AttributionLink" ON "AttributionLink"."claimId" = "ClaimStance"."claimId" AND "AttributionLink"."chain" = 0 AND "AttributionLink"."position" = 0
        JOIN "Source" ON "Source"."id" = "AttributionLink"."sourceId"
        WHERE "ClaimStance"."propositionId" IN (${inList(chunk)})
        ORDER BY "ClaimStance"."propositionId", "ClaimStance"."claimId"`),
  );
  return stances.map((s) => ({ ...s, claimId: Number(s.claimId), speakerId: Number(s.speakerId) }));
}

/** The contradicts relations either way round of any of these claims, as pairs of claim ids. */
export async function findContradictionsOf(
  w: SheetWriter,
  claimIds: readonly number[],
): Promise<{ fromClaimId: number; toClaimId: number }[]> {
  // The list is bound twice: half a chunk, under SQLite's 999 parameters.
  const relationsOf = (chunk: number[]) =>
    w.sql.rows<{ fromClaimId: number; toClaimId: number }>(
      Prisma.sql`SELECT "fromClaimId", "toClaimId" FROM "Relation"
        WHERE "type" = 'contradicts' AND ("fromClaimId" IN (${inList(chunk)}) OR "toClaimId" IN (${inList(chunk)}))`,
    );
  const rows = await inChunks([...claimIds], relationsOf, IN_LIST_SIZE / 2);
  return rows.map((row) => ({ fromClaimId: Number(row.fromClaimId), toClaimId: Number(row.toClaimId) }));
}
