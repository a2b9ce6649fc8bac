import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { sqliteFilePath } from "../src/db/client.js";
import { applyMigrations } from "../src/db/migrate.js";
import { utcOffsetMinutes } from "../src/domain/articles/publishedAt.js";
import { deriveContradictions, pairKey, type StanceRecord } from "../src/domain/contradictions/deriveContradictions.js";
import { checkClaimSheet, sha256Hex } from "../src/domain/sheets/checkClaimSheet.js";
import { ClaimSheet } from "../src/domain/sheets/claimSheet.js";
import { IMPORT_ACTOR } from "../src/domain/sheets/importClaimSheet.js";
import type { Stance } from "../src/domain/vocabulary.js";
import { generateCorpus, type CorpusOptions } from "./corpus.js";
import type { ImportFigures } from "./importCorpus.js";
import { progress } from "./progress.js";

/** Sheets written per transaction. */
const BATCH = 200;

/** Prisma stores DateTime in SQLite as ISO 8601 text with an explicit +00:00. */
const prismaDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/**
 * Loads the corpus with the same validation as `importClaimSheet` (zod shape and
 * `checkClaimSheet`) and the same rows, but with prepared better-sqlite3 statements in
 * transactions of many sheets. It measures what batching and raw inserts would give the import,
 * and builds a million-claim corpus in minutes. It assumes an empty database (no deduplication
 * against stored articles, which the corpus never repeats).
 */
export async function bulkLoadCorpus(databaseUrl: string, options: CorpusOptions): Promise<ImportFigures> {
  applyMigrations(databaseUrl);
  const db = new Database(sqliteFilePath(databaseUrl));
  db.pragma("journal_mode = WAL");
  // SQLite's default 2 MB page cache makes every index insert past the first few hundred
  // thousand claims a read from the OS: a million claims' indexes need a few hundred MB.
  db.pragma("cache_size = -262144");
  const insert = {
    source: db.prepare(`INSERT INTO "Source" ("slug", "name", "kind", "countryCode", "stateControlled", "description") VALUES (?, ?, ?, ?, ?, ?)`),
    sourceName: db.prepare(`INSERT INTO "SourceName" ("sourceId", "name", "position") VALUES (?, ?, ?)`),
    affiliation: db.prepare(`UPDATE "Source" SET "affiliationId" = ? WHERE "id" = ?`),
    article: db.prepare(`INSERT INTO "Article" ("slug", "title", "publisherId", "section", "language", "url", "publishedAt", "publishedUtcOffset", "body", "bodySha256", "createdAt")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    claim: db.prepare(`INSERT INTO "Claim" ("articleId", "key", "quote", "start", "end", "gloss", "kind", "hedged", "cue", "statedOn") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    link: db.prepare(`INSERT INTO "AttributionLink" ("claimId", "chain", "position", "sourceId", "role") VALUES (?, ?, ?, ?, ?)`),
    topic: db.prepare(`INSERT INTO "Topic" ("slug") VALUES (?)`),
    claimTopic: db.prepare(`INSERT INTO "ClaimTopic" ("claimId", "topicId") VALUES (?, ?)`),
    proposition: db.prepare(`INSERT INTO "Proposition" ("key", "text") VALUES (?, ?)`),
    stance: db.prepare(`INSERT INTO "ClaimStance" ("claimId", "propositionId", "stance") VALUES (?, ?, ?)`),
    relation: db.prepare(`INSERT INTO "Relation" ("fromClaimId", "toClaimId", "type", "rationale", "status", "origin", "version", "createdAt", "updatedAt")
      VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`),
    event: db.prepare(`INSERT INTO "RelationEvent" ("relationId", "actor", "fromStatus", "toStatus", "note", "version", "createdAt") VALUES (?, ?, NULL, ?, ?, 1, ?)`),
  };
  const sourceIds = new Map<string, number>();
  const sourceNames = new Map<number, string>();
  const topicIds = new Map<string, number>();
  const propositionIds = new Map<string, { id: number; text: string }>();
  const stancesByProposition = new Map<number, StanceRecord[]>();
  const contradictionPairs = new Set<string>();
  const id = (result: Database.RunResult) => Number(result.lastInsertRowid);

  const writeSheet = (sheet: ClaimSheet): { claims: number; derived: number } => {
    const now = prismaDate(new Date());
    const fresh: ClaimSheet["sources"] = [];
    for (const source of sheet.sources) {
      if (sourceIds.has(source.slug)) continue;
      const sourceId = id(insert.source.run(source.slug, source.name, source.kind, source.country, source.stateControlled ? 1 : 0, source.description));
      sourceIds.set(source.slug, sourceId);
      sourceNames.set(sourceId, source.name);
      source.names.forEach((name, position) => insert.sourceName.run(sourceId, name, position));
      fresh.push(source);
    }
    for (const source of fresh) {
      if (source.affiliation !== null) insert.affiliation.run(sourceIds.get(source.affiliation)!, sourceIds.get(source.slug)!);
    }
    const a = sheet.article;
    const articleId = id(
      insert.article.run(a.slug, a.title, sourceIds.get(a.publisher)!, a.section, a.language, a.url, prismaDate(new Date(a.publishedAt)), utcOffsetMinutes(a.publishedAt), a.body, sha256Hex(a.body), now),
    );
    const claimIds = new Map<string, number>();
    const touched = new Set<number>();
    for (const claim of sheet.claims) {
      const claimId = id(insert.claim.run(articleId, claim.key, claim.quote, claim.start, claim.end, claim.gloss, claim.kind, claim.hedged ? 1 : 0, claim.cue, claim.statedOn));
      claimIds.set(claim.key, claimId);
      claim.chains.forEach((chain, c) => chain.forEach((link, p) => insert.link.run(claimId, c, p, sourceIds.get(link.source)!, link.role)));
      for (const slug of claim.topics) {
        let topicId = topicIds.get(slug);
        if (topicId === undefined) topicIds.set(slug, (topicId = id(insert.topic.run(slug))));
        insert.claimTopic.run(claimId, topicId);
      }
    }
    for (const proposition of sheet.propositions) {
      if (!propositionIds.has(proposition.key)) {
        propositionIds.set(proposition.key, { id: id(insert.proposition.run(proposition.key, proposition.text)), text: proposition.text });
      }
    }
    for (const claim of sheet.claims) {
      const speakerId = sourceIds.get(claim.chains[0]![0]!.source)!;
      for (const s of claim.stances) {
        const proposition = propositionIds.get(s.proposition)!;
        insert.stance.run(claimIds.get(claim.key)!, proposition.id, s.stance);
        const records = stancesByProposition.get(proposition.id) ?? [];
        records.push({
          claimId: claimIds.get(claim.key)!,
          propositionId: proposition.id,
          propositionText: proposition.text,
          stance: s.stance as Stance,
          speakerId,
          speakerName: sourceNames.get(speakerId)!,
        });
        stancesByProposition.set(proposition.id, records);
        touched.add(proposition.id);
      }
    }
    for (const relation of sheet.relations) {
      const from = claimIds.get(relation.from)!;
      const to = claimIds.get(relation.to)!;
      const relationId = id(insert.relation.run(from, to, relation.type, relation.rationale, relation.status, "curated", now, now));
      insert.event.run(relationId, IMPORT_ACTOR, relation.status, "imported from claim sheet", now);
      if (relation.type === "contradicts") contradictionPairs.add(pairKey(from, to));
    }
    // As the import does: every stance stored on the sheet's propositions, old and new.
    const derived = deriveContradictions(
      // in proposition id order, as the import's query returns them
      [...touched].sort((x, y) => x - y).flatMap((p) => stancesByProposition.get(p)!),
      contradictionPairs,
    );
    for (const contradiction of derived) {
      const relationId = id(insert.relation.run(contradiction.fromClaimId, contradiction.toClaimId, "contradicts", contradiction.rationale, "proposed", "derived", now, now));
      insert.event.run(relationId, IMPORT_ACTOR, "proposed", "derived from opposite stances", now);
      contradictionPairs.add(pairKey(contradiction.fromClaimId, contradiction.toClaimId));
    }
    return { claims: sheet.claims.length, derived: derived.length };
  };
  const writeBatch = db.transaction((sheets: ClaimSheet[]) => sheets.map(writeSheet));

  let articles = 0;
  let claims = 0;
  let derivedCount = 0;
  let loadMs = 0;
  let batch: ClaimSheet[] = [];
  const flush = () => {
    const began = performance.now();
    for (const result of writeBatch(batch)) {
      claims += result.claims;
      derivedCount += result.derived;
    }
    loadMs += performance.now() - began;
    articles += batch.length;
    batch = [];
    progress(`bulk load: ${claims.toLocaleString("en")}/${options.claims.toLocaleString("en")} claims, ${Math.round(claims / (loadMs / 1000)).toLocaleString("en")} claims/s`);
  };
  try {
    for (const input of generateCorpus(options)) {
      const began = performance.now();
      const sheet = ClaimSheet.parse(input);
      const problems = checkClaimSheet(sheet, { has: (slug) => sourceIds.has(slug) });
      if (problems.length > 0) throw new Error(`sheet ${sheet.article.slug}: ${JSON.stringify(problems.slice(0, 3))}`);
      loadMs += performance.now() - began;
      batch.push(sheet);
      if (batch.length === BATCH) flush();
    }
    if (batch.length > 0) flush();
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.pragma("journal_mode = DELETE");
  } finally {
    db.close();
  }
  return { loader: "bulk", articles, claims, importSeconds: loadMs / 1000, claimsPerSecond: claims / (loadMs / 1000), derivedContradictions: derivedCount };
}
