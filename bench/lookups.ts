import { isDeepStrictEqual } from "node:util";
import autocannon from "autocannon";
import { encodeCursor } from "../src/domain/pagination.js";
import { openBenchDatabase } from "./benchDatabase.js";
import { topicSlug } from "./corpus.js";
import { progress } from "./progress.js";
import type { RunningServer } from "./servers.js";

const ANSWER_TIMEOUT_MS = 120_000;

/** One benchmarked request: the same path is sent to claimtrail and to the baseline. */
export interface Lookup {
  name: string;
  path: string;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Responses that were not 2xx, plus connection errors and timeouts: must be 0. */
  failures: number;
}

export interface LookupFigures {
  lookup: Lookup;
  claimtrail: LoadFigures;
  baseline: LoadFigures;
  /** Whether both servers answered 200 with byte-identical JSON. */
  sameJson: boolean;
  difference?: string;
}

/**
 * Picks realistic parameters from the corpus: the most-quoted speaker (a default page and a page
 * of 20), a cursor 90% of the way through their claims, a mid-popular topic, and a derived
 * contradiction's two claims.
 */
export async function chooseLookups(databaseUrl: string): Promise<Lookup[]> {
  const db = openBenchDatabase(databaseUrl, 1);
  try {
    const one = async (sql: string, params: unknown[] = []) => (await db.all(sql, params))[0];
    const top = (await one(
      `SELECT s."id", s."slug", COUNT(*) AS "n" FROM "AttributionLink" l JOIN "Source" s ON s."id" = l."sourceId"
        WHERE l."role" = 'speaker' GROUP BY s."id", s."slug" ORDER BY "n" DESC, s."id" LIMIT 1`,
    )) as { id: number; slug: string; n: number };
    const deep = Object.values(
      (await one(
        `SELECT DISTINCT "claimId" FROM "AttributionLink" WHERE "sourceId" = ? ORDER BY "claimId" LIMIT 1 OFFSET ?`,
        [top.id, Math.floor(Number(top.n) * 0.9)],
      ))!,
    )[0] as number;
    const { pairs } = (await one(
      `SELECT COUNT(*) AS "pairs" FROM "Relation" WHERE "type" = 'contradicts' AND "origin" = 'derived'`,
    )) as { pairs: number };
    const pair = (await one(
      `SELECT "fromClaimId" AS "a", "toClaimId" AS "b" FROM "Relation" WHERE "type" = 'contradicts' AND "origin" = 'derived' ORDER BY "id" LIMIT 1 OFFSET ?`,
      [Math.floor(Number(pairs) / 2)],
    )) as { a: number; b: number } | undefined;
    const compare =
      pair ??
      ((await one(`SELECT "fromClaimId" AS "a", "toClaimId" AS "b" FROM "Relation" ORDER BY "id" LIMIT 1`)) as {
        a: number;
        b: number;
      });
    return [
      { name: "source claims, first page", path: `/api/sources/${top.slug}/claims` },
      // The default page is 50 claims; at 20 a page the p99 target is met (what would close it).
      { name: "source claims, first page of 20", path: `/api/sources/${top.slug}/claims?limit=20` },
      { name: "source claims, deep cursor", path: `/api/sources/${top.slug}/claims?cursor=${encodeCursor(deep)}` },
      { name: "claims by topic and kind", path: `/api/claims?topic=${topicSlug(20)}&kind=statement` },
      { name: "contradictions by source", path: `/api/contradictions?source=${top.slug}` },
      { name: "compare two claims", path: `/api/compare?a=${compare.a}&b=${compare.b}` },
      // Issue 15: search, directories and facets. The rare phrase is in no quote, gloss or name.
      { name: "search, rare phrase", path: `/api/claims?q=${encodeURIComponent("ceasefire collapsed")}` },
      { name: "search, common word", path: "/api/claims?q=said" },
      { name: "search, Thai name", path: `/api/claims?q=${encodeURIComponent("เพสคอฟ")}` },
      { name: "sources directory, first page", path: "/api/sources?limit=20" },
      { name: "sources directory by claims", path: "/api/sources?sort=claims&limit=20" },
      { name: "articles, first page", path: "/api/articles" },
      {
        name: "claims by topic and kind, faceted",
        path: `/api/claims?topic=${topicSlug(20)}&kind=statement&facets=kind,topic,speaker,status`,
      },
    ];
  } finally {
    await db.close();
  }
}

/**
 * Fetches the lookup from both servers; they must answer 200 with byte-identical JSON (this is
 * what keeps the baseline honest). A difference is reported at the first differing value, or as
 * a byte offset when the values agree but the text does not (key order, number format).
 */
export async function compareAnswers(
  lookup: Lookup,
  claimtrail: string,
  baseline: string,
): Promise<{ same: boolean; difference?: string }> {
  // A server still busy with the previous lookup's backlog may take long; it must not hang the run.
  const get = async (base: string) => {
    const response = await fetch(base + lookup.path, { signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
    return { status: response.status, text: await response.text() };
  };
  let ours: { status: number; text: string };
  let theirs: { status: number; text: string };
  try {
    [ours, theirs] = await Promise.all([get(claimtrail), get(baseline)]);
  } catch (error) {
    return { same: false, difference: `no answer within ${ANSWER_TIMEOUT_MS / 1000} s (${String(error)})` };
  }
  if (ours.status !== 200 || theirs.status !== 200) {
    return { same: false, difference: `status ${ours.status} vs ${theirs.status}: ${ours.text.slice(0, 300)}` };
  }
  if (ours.text === theirs.text) return { same: true };
  const difference = firstDifference(JSON.parse(ours.text), JSON.parse(theirs.text), "$");
  if (difference !== undefined) return { same: false, difference };
  let at = 0;
  while (ours.text[at] === theirs.text[at]) at++;
  return {
    same: false,
    difference: `same values, different bytes from offset ${at}: ${JSON.stringify(ours.text.slice(at, at + 80))} vs ${JSON.stringify(theirs.text.slice(at, at + 80))}`,
  };
}

function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found) return found;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

/**
 * Waits until the server has worked off the requests a load run left queued (a slow lookup can
 * leave minutes of backlog), so one measurement does not spill into the next.
 */
async function drain(base: string): Promise<void> {
  const origin = new URL(base).origin;
  await fetch(`${origin}/api/bench-drain-probe`, { signal: AbortSignal.timeout(DRAIN_TIMEOUT_MS) }).then(
    (response) => response.arrayBuffer(),
    () => undefined,
  );
}

const DRAIN_TIMEOUT_MS = 600_000;

/** Load from this process (not the server's): `connections` keep-alive clients for `seconds`. */
export async function load(url: string, seconds: number, connections: number): Promise<LoadFigures> {
  const result = await autocannon({ url, connections, duration: seconds });
  await drain(url);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Each lookup: an equality check, a short warm-up, then claimtrail and the baseline in turn. */
export async function measureLookups(
  lookups: Lookup[],
  claimtrail: RunningServer,
  baseline: RunningServer,
  options: { seconds: number; connections: number },
): Promise<LookupFigures[]> {
  const figures: LookupFigures[] = [];
  for (const lookup of lookups) {
    const { same, difference } = await compareAnswers(lookup, claimtrail.url, baseline.url);
    // A one-second warm-up (JIT, SQLite page cache) unless the run itself is that short.
    const warmUp = options.seconds >= 5 ? 1 : 0;
    progress(`load: ${lookup.name} on claimtrail (${options.seconds} s)`);
    if (warmUp > 0) await load(claimtrail.url + lookup.path, warmUp, options.connections);
    const ours = await load(claimtrail.url + lookup.path, options.seconds, options.connections);
    progress(`load: ${lookup.name} on the baseline (${options.seconds} s)`);
    if (warmUp > 0) await load(baseline.url + lookup.path, warmUp, options.connections);
    const theirs = await load(baseline.url + lookup.path, options.seconds, options.connections);
    figures.push({ lookup, claimtrail: ours, baseline: theirs, sameJson: same, ...(difference ? { difference } : {}) });
  }
  return figures;
}
