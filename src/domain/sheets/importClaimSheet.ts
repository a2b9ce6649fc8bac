import type { Db } from "../../db/client.js";
import { invalidSheet, type ProblemDetail } from "../../errors.js";
import { toProblemDetails } from "../../validation.js";
import { claimSheetChunks } from "../exports/exportClaimSheets.js";
import { checkClaimSheet, sha256Hex } from "./checkClaimSheet.js";
import { ClaimSheet, parseClaimRef } from "./claimSheet.js";
import { lookUpArticles, lookUpClaims, lookUpSources, type StoredArticle } from "./sheetRepository.js";
import { DEFAULT_MAX_ARTICLE_BYTES } from "./sheetText.js";
import type { ImportResult } from "./sheetView.js";
import { type SheetWriter, writeSheetTransaction } from "./sheetWriteRepository.js";
import { writeNewSheets } from "./writeNewSheets.js";
import { writeSheet } from "./writeSheet.js";

export { IMPORT_ACTOR } from "./writeSheet.js";

export interface ImportOptions {
  /**
   * Write a new version of an article stored with the same slug or body: its metadata, the
   * sheet's sources and propositions are updated, its claims merged by key (ids, relations and
   * review history kept); a new body is stored with the old one kept as a revision and the
   * claims the sheet leaves out re-anchored or marked orphaned. Without it an article stored
   * with the same body is reported as already present, and one with the same slug is refused.
   */
  update?: boolean;
  /** Called after each sheet is written, with how many of how many (for progress on a terminal). */
  onProgress?: (done: number, total: number) => void;
  /** Largest article body accepted, in UTF-8 bytes (MAX_ARTICLE_BYTES; default 1 MiB). */
  maxArticleBytes?: number;
}

/**
 * Validates one claim sheet (shape, then cross-references against the sheet and the stored
 * sources and claims) and writes it in one transaction: nothing is written unless everything is
 * valid. An article whose body is already stored (same SHA-256) is reported, not duplicated, or
 * replaced with `update`.
 */
export async function importClaimSheet(db: Db, input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const parsed = ClaimSheet.safeParse(input);
  if (!parsed.success) throw invalidSheet(toProblemDetails(parsed.error));
  return (await writeSheets(db, [parsed.data], (_i, path) => path, options))[0]!;
}

/**
 * Imports one claim sheet or an array of them (what the JSON export writes) in one transaction,
 * in order: a later sheet's relations may name an earlier sheet's claims. Every problem of every
 * sheet is reported at once (paths start with `[i]` for an array); nothing is written if any.
 */
export async function importClaimSheets(db: Db, input: unknown, options: ImportOptions = {}): Promise<ImportResult[]> {
  if (!Array.isArray(input)) return [await importClaimSheet(db, input, options)];
  if (input.length === 0)
    throw invalidSheet([{ path: "", code: "too_small", message: "must hold at least one claim sheet" }]);
  // Each sheet is parsed on its own so that the well-formed ones are still checked in depth.
  const shapeProblems: ProblemDetail[] = [];
  const sheets: ClaimSheet[] = [];
  const positions: number[] = [];
  input.forEach((item, i) => {
    const parsed = ClaimSheet.safeParse(item);
    if (parsed.success) {
      sheets.push(parsed.data);
      positions.push(i);
    } else {
      shapeProblems.push(
        ...toProblemDetails(parsed.error).map((p) => ({ ...p, path: p.path === "" ? `[${i}]` : `[${i}].${p.path}` })),
      );
    }
  });
  return writeSheets(db, sheets, (i, path) => `[${positions[i]}].${path}`, options, shapeProblems);
}

/**
 * Whether the stored article says all the sheet says: its own export, re-imported, changes
 * nothing. Compared as parsed sheets, so key order and defaults do not matter.
 */
async function sheetIsStored(db: Db, sheet: ClaimSheet): Promise<boolean> {
  let text = "";
  for await (const chunk of claimSheetChunks(db, { article: sheet.article.slug }, "json")) text += chunk;
  const exported = ClaimSheet.safeParse((JSON.parse(text) as unknown[])[0]);
  if (!exported.success) return false;
  const bySlug = (sources: ClaimSheet["sources"]) => [...sources].sort((x, y) => x.slug.localeCompare(y.slug));
  const known = new Map(exported.data.sources.map((s) => [s.slug, JSON.stringify(s)]));
  return (
    JSON.stringify({ ...exported.data, sources: [] }) === JSON.stringify({ ...sheet, sources: [] }) &&
    bySlug(sheet.sources).every((s) => known.get(s.slug) === JSON.stringify(s))
  );
}

/** A problem for each article body over `limit` UTF-8 bytes. */
function oversizedBodies(
  sheets: ClaimSheet[],
  limit: number,
  at: (sheetIndex: number, path: string) => string,
): ProblemDetail[] {
  return sheets.flatMap((sheet, i) => {
    const bytes = Buffer.byteLength(sheet.article.body, "utf8");
    if (bytes <= limit) return [];
    return [
      {
        path: at(i, "article.body"),
        code: "too_big",
        message: `the body is ${bytes} bytes; the limit is ${limit} (MAX_ARTICLE_BYTES)`,
      },
    ];
  });
}

/** Checks the parsed sheets (adding to problems found already) and writes them if there are none. */
async function writeSheets(
  db: Db,
  sheets: ClaimSheet[],
  at: (sheetIndex: number, path: string) => string,
  options: ImportOptions,
  problemsSoFar: ProblemDetail[] = [],
): Promise<ImportResult[]> {
  const hashes = sheets.map((sheet) => sha256Hex(sheet.article.body));
  const stored = await findStoredArticles(db, sheets, hashes);
  const update = options.update === true;
  const problems = [
    ...problemsSoFar,
    ...oversizedBodies(sheets, options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES, at),
    ...(await checkSheets(db, sheets, hashes, stored, at, update)),
  ];
  if (problems.length > 0) throw invalidSheet(problems);
  const unchanged = new Set<number>();
  if (update) {
    for (const [i, sheet] of sheets.entries()) {
      const same = stored.bySlug.get(sheet.article.slug);
      if (same && same.bodySha256 === hashes[i] && (await sheetIsStored(db, sheet))) unchanged.add(i);
    }
  }

  return writeSheetTransaction(db, async (writer) => {
    const results: ImportResult[] = [];
    // New articles (without update) are written a run at a time, table by table.
    let run: number[] = [];
    const writeRun = async () => {
      if (run.length === 0) return;
      const created = await writeNewRun(
        writer,
        run.map((i) => ({ sheet: sheets[i]!, hash: hashes[i]! })),
      );
      run.forEach((i, n) => {
        results.push(created[n]!);
        options.onProgress?.(i + 1, sheets.length);
      });
      run = [];
    };
    for (const [i, sheet] of sheets.entries()) {
      const existing = update
        ? (stored.bySlug.get(sheet.article.slug) ?? stored.byHash.get(hashes[i]!))
        : stored.byHash.get(hashes[i]!);
      if (!update && !existing) {
        run.push(i);
        continue;
      }
      await writeRun();
      results.push(await writeOne(writer, sheet, hashes[i]!, existing, unchanged.has(i), update));
      options.onProgress?.(i + 1, sheets.length);
    }
    await writeRun();
    return results;
  });
}

/** Writes one checked sheet (or reports it present or unchanged) and says what was done. */
/** Writes a run of articles that are not stored, table by table (writeNewSheets), each reported as created. */
async function writeNewRun(
  writer: SheetWriter,
  run: readonly { sheet: ClaimSheet; hash: string }[],
): Promise<ImportResult[]> {
  const written = await writeNewSheets(
    writer,
    run.map((r) => r.sheet),
    run.map((r) => r.hash),
    new Date(),
  );
  return run.map(({ sheet }, n) => ({
    articleSlug: sheet.article.slug,
    status: "created",
    claims: sheet.claims.length,
    sources: sheet.sources.length,
    relations: sheet.relations.length,
    derivedContradictions: written[n]!.derivedContradictions,
  }));
}

async function writeOne(
  writer: SheetWriter,
  sheet: ClaimSheet,
  hash: string,
  existing: StoredArticle | undefined,
  unchanged: boolean,
  update: boolean,
): Promise<ImportResult> {
  if (existing && (!update || unchanged)) {
    return {
      articleSlug: existing.slug,
      status: update ? "unchanged" : "already_present",
      claims: existing.claims,
      sources: 0,
      relations: 0,
      derivedContradictions: 0,
    };
  }
  const written = await writeSheet(writer, sheet, hash, existing?.id, update);
  return {
    articleSlug: sheet.article.slug,
    status: !existing ? "created" : existing.bodySha256 === hash ? "updated" : "revised",
    claims: sheet.claims.length,
    sources: sheet.sources.length,
    relations: sheet.relations.length - written.keptRelations,
    derivedContradictions: written.derivedContradictions,
    ...(existing ? { orphanedClaims: written.orphanedClaims } : {}),
  };
}

/** Claim sheets in file order, read afresh from the start at each call: once to check them, once to write them. */
export type SheetReader = () => AsyncIterable<unknown>;

/** Sheets checked per round of lookups: 500 kept ~25 MB of parsed sheets alive across the lookups' awaits. */
const STREAM_BATCH = 100;

async function* batchesOf<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * importClaimSheets for an array too big to hold (a file of a million claims), read twice
 * through `read`: the first pass checks every sheet a batch at a time, keeping only what later
 * sheets are checked against (slugs, body hashes, source slugs, claim keys), and the second
 * writes them all in one transaction. Same problems, paths (`[i].claims[3].quote`) and
 * all-or-nothing as importClaimSheets on the whole array.
 */
export async function importClaimSheetStream(
  db: Db,
  read: SheetReader,
  options: ImportOptions = {},
  batchSize = STREAM_BATCH,
): Promise<ImportResult[]> {
  const update = options.update === true;
  const earlier = newEarlierSheets();
  // Kept apart so they are reported in importClaimSheets' order: shapes, sizes, then the checks.
  const shapeProblems: ProblemDetail[] = [];
  const sizeProblems: ProblemDetail[] = [];
  const problems: ProblemDetail[] = [];
  const existingAt = new Map<number, StoredArticle>();
  const unchanged = new Set<number>();
  let total = 0;
  for await (const batch of batchesOf(read(), batchSize)) {
    const offset = total;
    total += batch.length;
    const sheets: ClaimSheet[] = [];
    const positions: number[] = [];
    batch.forEach((item, i) => {
      const parsed = ClaimSheet.safeParse(item);
      if (parsed.success) {
        sheets.push(parsed.data);
        positions.push(offset + i);
      } else {
        shapeProblems.push(
          ...toProblemDetails(parsed.error).map((p) => ({
            ...p,
            path: p.path === "" ? `[${offset + i}]` : `[${offset + i}].${p.path}`,
          })),
        );
      }
    });
    const at = (i: number, path: string) => `[${positions[i]}].${path}`;
    const hashes = sheets.map((sheet) => sha256Hex(sheet.article.body));
    const stored = await findStoredArticles(db, sheets, hashes);
    sizeProblems.push(...oversizedBodies(sheets, options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES, at));
    problems.push(...(await checkSheets(db, sheets, hashes, stored, at, update, earlier, positions)));
    if (shapeProblems.length + sizeProblems.length + problems.length > 0) continue;
    for (const [i, sheet] of sheets.entries()) {
      const existing = update
        ? (stored.bySlug.get(sheet.article.slug) ?? stored.byHash.get(hashes[i]!))
        : stored.byHash.get(hashes[i]!);
      if (existing === undefined) continue;
      existingAt.set(positions[i]!, existing);
      if (update && existing.bodySha256 === hashes[i] && (await sheetIsStored(db, sheet))) unchanged.add(positions[i]!);
    }
  }
  if (total === 0) throw invalidSheet([{ path: "", code: "too_small", message: "must hold at least one claim sheet" }]);
  const all = [...shapeProblems, ...sizeProblems, ...problems];
  if (all.length > 0) throw invalidSheet(all);

  return writeSheetTransaction(db, async (writer) => {
    const results: ImportResult[] = [];
    // New articles (without update) are written a run at a time, table by table, as importClaimSheets does.
    let run: { sheet: ClaimSheet; hash: string }[] = [];
    const writeRun = async () => {
      if (run.length === 0) return;
      for (const result of await writeNewRun(writer, run)) {
        results.push(result);
        options.onProgress?.(results.length, total);
      }
      run = [];
    };
    let readAgain = 0;
    for await (const item of read()) {
      const i = readAgain++;
      // Parsed and checked in the first pass; a file changed since then is refused here, inside the transaction.
      const parsed = ClaimSheet.safeParse(item);
      if (!parsed.success || i >= total) throw new Error("the file changed while it was imported; nothing was written");
      const sheet = parsed.data;
      const hash = sha256Hex(sheet.article.body);
      const existing = existingAt.get(i);
      if (!update && !existing) {
        run.push({ sheet, hash });
        if (run.length >= batchSize) await writeRun();
        continue;
      }
      await writeRun();
      results.push(await writeOne(writer, sheet, hash, existing, unchanged.has(i), update));
      options.onProgress?.(i + 1, total);
    }
    await writeRun();
    if (readAgain !== total) throw new Error("the file changed while it was imported; nothing was written");
    return results;
  });
}

/** The stored articles with the sheets' bodies or slugs, by body hash and by slug. */
async function findStoredArticles(db: Db, sheets: ClaimSheet[], hashes: string[]) {
  const articles = await lookUpArticles(db, new Set(hashes), new Set(sheets.map((s) => s.article.slug)));
  return {
    byHash: new Map(articles.map((a) => [a.bodySha256, a])),
    bySlug: new Map(articles.map((a) => [a.slug, a])),
  };
}

/** What the sheets before the ones being checked bring: sources, `article/key` claims, slugs and body hashes by sheet. */
interface EarlierSheets {
  sources: Set<string>;
  /** The claim keys of each earlier article, as one string ` key1 key2 ` (a Set of a million keys took ~80 MB). */
  claims: Map<string, string>;
  slugs: Map<string, number>;
  hashes: Map<string, number>;
}

function newEarlierSheets(): EarlierSheets {
  return { sources: new Set(), claims: new Map(), slugs: new Map(), hashes: new Map() };
}

/** Every problem of every sheet, given what is stored and what earlier sheets bring. */
async function checkSheets(
  db: Db,
  sheets: ClaimSheet[],
  hashes: string[],
  stored: Awaited<ReturnType<typeof findStoredArticles>>,
  at: (sheetIndex: number, path: string) => string,
  update: boolean,
  earlier: EarlierSheets = newEarlierSheets(),
  positions?: readonly number[],
): Promise<ProblemDetail[]> {
  const referencedSources = new Set(
    sheets.flatMap((sheet) => [
      sheet.article.publisher,
      ...sheet.sources.flatMap((s) => s.affiliation ?? []),
      ...sheet.claims.flatMap((c) => c.chains.flat().map((l) => l.source)),
    ]),
  );
  const storedSources = await lookUpSources(db, referencedSources);
  const storedClaims = await findReferencedClaims(db, sheets);

  const problems: ProblemDetail[] = [];
  const { sources: earlierSources, claims: earlierClaims, slugs: earlierSlugs, hashes: earlierHashes } = earlier;
  sheets.forEach((sheet, i) => {
    const position = positions?.[i] ?? i;
    const slug = sheet.article.slug;
    const sameSlug = stored.bySlug.get(slug);
    if (sameSlug && sameSlug.bodySha256 !== hashes[i] && !update) {
      problems.push({
        path: at(i, "article.slug"),
        code: "slug_taken",
        message: `article "${slug}" exists with another body; import with update to store this one as its new version`,
      });
    }
    const sameBody = stored.byHash.get(hashes[i]!);
    if (update && sameBody && sameBody.slug !== slug && stored.bySlug.has(slug)) {
      problems.push({
        path: at(i, "article.body"),
        code: "body_taken",
        message: `article "${sameBody.slug}" has this body already`,
      });
    }
    if (earlierSlugs.has(slug) || earlierHashes.has(hashes[i]!)) {
      const other = earlierSlugs.get(slug) ?? earlierHashes.get(hashes[i]!);
      problems.push({
        path: at(i, "article"),
        code: "duplicate_article",
        message: `the same article as sheet ${other}`,
      });
    }
    earlierSlugs.set(slug, position);
    earlierHashes.set(hashes[i]!, position);
    const knownSources = { has: (s: string) => storedSources.has(s) || earlierSources.has(s) };
    const knownClaims = {
      has: (article: string, key: string) =>
        storedClaims.has(`${article}/${key}`) || (earlierClaims.get(article)?.includes(` ${key} `) ?? false),
    };
    for (const problem of checkClaimSheet(sheet, knownSources, knownClaims)) {
      problems.push({ ...problem, path: at(i, problem.path) });
    }
    for (const source of sheet.sources) earlierSources.add(source.slug);
    earlierClaims.set(slug, ` ${sheet.claims.map((claim) => claim.key).join(" ")} `);
  });
  return problems;
}

/** `article/key` of every stored claim the sheets' relations name in another article. */
async function findReferencedClaims(db: Db, sheets: ClaimSheet[]): Promise<Set<string>> {
  const keysByArticle = new Map<string, Set<string>>();
  for (const sheet of sheets) {
    for (const relation of sheet.relations) {
      for (const ref of [relation.from, relation.to]) {
        const { article, key } = parseClaimRef(ref);
        if (article === null || article === sheet.article.slug) continue;
        const keys = keysByArticle.get(article) ?? new Set<string>();
        keys.add(key);
        keysByArticle.set(article, keys);
      }
    }
  }
  return lookUpClaims(db, keysByArticle);
}
