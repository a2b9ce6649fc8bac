/**
 * The baseline: a minimal node:http server over better-sqlite3 that answers the benchmarked
 * lookups with hand-written SQL and returns the same JSON as claimtrail. It reuses only
 * claimtrail's pure chain-tracing and cursor functions, so what it saves is the framework,
 * validation and ORM cost. SQLite-only SQL is fine here: it is a yardstick, not the product.
 *
 * Run: node --import tsx bench/baselineServer.ts FILE.db   (prints "listening PORT")
 */
import { createServer, type ServerResponse } from "node:http";
import Database from "better-sqlite3";
import { formatWithOffset } from "../src/domain/articles/publishedAt.js";
import { sharedSources, type TracedChain, traceChains } from "../src/domain/attribution/traceChain.js";
import { encodeCursor } from "../src/domain/pagination.js";
import { findSpan } from "../src/domain/search/searchText.js";
import type { ChainRole, SourceKind } from "../src/domain/vocabulary.js";

type Row = Record<string, unknown>;

const file = process.argv[2];
if (!file) throw new Error("usage: baselineServer.ts FILE.db");
const db = new Database(file, { readonly: true, fileMustExist: true });

const CLAIM_COLUMNS = `c."id", c."key", c."quote", c."spanIn", c."start", c."end", c."gloss", c."kind", c."hedged", c."cue", c."statedOn", c."articleId"`;
const sql = {
  sourceId: db.prepare(`SELECT "id" FROM "Source" WHERE "slug" = ?`).pluck(),
  topicId: db.prepare(`SELECT "id" FROM "Topic" WHERE "slug" = ?`).pluck(),
  // Driven by the source's links and the topic's claims in index order: a written-out EXISTS
  // over claims is what SQLite 3.5x turns into a slow range join (measured: 500 ms vs 0.1 ms).
  claimsBySource: db.prepare(`SELECT ${CLAIM_COLUMNS} FROM "Claim" c
    WHERE c."id" IN (SELECT DISTINCT l."claimId" FROM "AttributionLink" l WHERE l."sourceId" = ? AND l."claimId" > ? ORDER BY l."claimId" LIMIT ?)
    ORDER BY c."id"`),
  claimsByTopicKind: db.prepare(`SELECT ${CLAIM_COLUMNS} FROM "ClaimTopic" ct JOIN "Claim" c ON c."id" = ct."claimId"
    WHERE ct."topicId" = ? AND ct."claimId" > ? AND c."kind" = ?
    ORDER BY ct."claimId" LIMIT ?`),
  claimsById: db.prepare(`SELECT ${CLAIM_COLUMNS} FROM "Claim" c
    WHERE c."id" IN (SELECT "value" FROM json_each(?))`),
  // Links, topics and claims name their sources, topics and articles by id; each of those is
  // read once a page (a join would decode the same names once per row).
  links: db.prepare(`SELECT l."claimId", l."chain", l."position", l."role", l."sourceId"
    FROM "AttributionLink" l WHERE l."claimId" IN (SELECT "value" FROM json_each(?))`),
  sources: db.prepare(
    `SELECT "id", "slug", "name", "kind", "countryCode", "stateControlled" FROM "Source" WHERE "id" IN (SELECT "value" FROM json_each(?))`,
  ),
  articles: db.prepare(`SELECT "id", "slug", "title" FROM "Article" WHERE "id" IN (SELECT "value" FROM json_each(?))`),
  topics: db.prepare(`SELECT ct."claimId", t."slug" FROM "ClaimTopic" ct JOIN "Topic" t ON t."id" = ct."topicId"
    WHERE ct."claimId" IN (SELECT "value" FROM json_each(?)) ORDER BY ct."claimId", t."slug"`),
  stances: db.prepare(`SELECT cs."claimId", cs."stance", p."key", p."text" FROM "ClaimStance" cs
    JOIN "Proposition" p ON p."id" = cs."propositionId"
    WHERE cs."claimId" IN (SELECT "value" FROM json_each(?)) ORDER BY cs."claimId", cs."propositionId"`),
  contradictionsBySource:
    db.prepare(`SELECT r."id", r."type", r."fromClaimId", r."toClaimId", r."status", r."origin", r."version", r."rationale"
    FROM "Relation" r
    WHERE r."type" = 'contradicts' AND r."id" > ?
      AND (EXISTS (SELECT 1 FROM "AttributionLink" l WHERE l."claimId" = r."fromClaimId" AND l."sourceId" = ?)
        OR EXISTS (SELECT 1 FROM "AttributionLink" l WHERE l."claimId" = r."toClaimId" AND l."sourceId" = ?))
    ORDER BY r."id" LIMIT ?`),
  relationsBetween:
    db.prepare(`SELECT "id", "type", "fromClaimId", "toClaimId", "status", "origin", "version", "rationale"
    FROM "Relation" WHERE ("fromClaimId" = ? AND "toClaimId" = ?) OR ("fromClaimId" = ? AND "toClaimId" = ?) ORDER BY "id"`),
};

// Search, directories and facets (issue 15): the same answers from the same FTS5 tables and
// counts, without the framework, validation or repositories.
const search = {
  textIds: db
    .prepare(`SELECT rowid FROM "ClaimText" WHERE "ClaimText" MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?`)
    .pluck(),
  namedLinks: db
    .prepare(`SELECT COALESCE(SUM("inChains"), 0) FROM "SourceClaimCount" WHERE "sourceId" IN
      (SELECT "sourceId" FROM "SourceNameText" WHERE "SourceNameText" MATCH ?)`)
    .pluck(),
  namedSortedIds: db
    .prepare(`SELECT DISTINCT "claimId" FROM "AttributionLink" WHERE "sourceId" IN
      (SELECT "sourceId" FROM "SourceNameText" WHERE "SourceNameText" MATCH ?) AND "claimId" > ? ORDER BY "claimId" LIMIT ?`)
    .pluck(),
  namedWalkIds: db
    .prepare(`SELECT c."id" FROM "Claim" c WHERE c."id" > ? AND EXISTS (SELECT 1 FROM "AttributionLink" l
      WHERE l."claimId" = c."id" AND +l."sourceId" IN (SELECT "sourceId" FROM "SourceNameText" WHERE "SourceNameText" MATCH ?))
      ORDER BY c."id" LIMIT ?`)
    .pluck(),
  names:
    db.prepare(`SELECT s."slug", s."name", 0 AS "position" FROM "Source" s WHERE s."slug" IN (SELECT "value" FROM json_each(?))
    UNION ALL SELECT s."slug", n."name", n."position" + 1 FROM "SourceName" n JOIN "Source" s ON s."id" = n."sourceId"
     WHERE s."slug" IN (SELECT "value" FROM json_each(?)) ORDER BY 1, 3`),
  sourcePage:
    db.prepare(`SELECT s."id", s."slug", s."name", s."kind", s."countryCode", s."stateControlled", s."description",
      s."affiliationId", k."asSpeaker", k."inChains"
    FROM "Source" s JOIN "SourceClaimCount" k ON k."sourceId" = s."id" WHERE s."id" > ? ORDER BY s."id" LIMIT ?`),
  sourcesByClaims:
    db.prepare(`SELECT s."id", s."slug", s."name", s."kind", s."countryCode", s."stateControlled", s."description",
      s."affiliationId", k."asSpeaker", k."inChains"
    FROM "SourceClaimCount" k JOIN "Source" s ON s."id" = k."sourceId" ORDER BY k."inChains" DESC, k."sourceId" LIMIT ?`),
  sourceNames:
    db.prepare(`SELECT "sourceId", "name" FROM "SourceName" WHERE "sourceId" IN (SELECT "value" FROM json_each(?))
    ORDER BY "sourceId", "position"`),
  articlePage: db.prepare(`SELECT a."id", a."slug", a."title", a."section", a."language", a."url", a."publishedAt",
      a."publishedUtcOffset", a."bodySha256", a."publisherId",
      (SELECT COUNT(*) FROM "Claim" c WHERE c."articleId" = a."id") AS "claimCount"
    FROM "Article" a ORDER BY a."publishedAt" DESC, a."id" DESC LIMIT ?`),
  topicKindIds: db
    .prepare(`SELECT ct."claimId" FROM "ClaimTopic" ct JOIN "Claim" c ON c."id" = ct."claimId"
      WHERE ct."topicId" = ? AND c."kind" = ? ORDER BY ct."claimId" LIMIT ?`)
    .pluck(),
  facetKind: db.prepare(`SELECT "kind" AS "value", COUNT(*) AS "count" FROM "Claim"
    WHERE "id" IN (SELECT "value" FROM json_each(?)) GROUP BY "kind"`),
  facetTopic:
    db.prepare(`SELECT t."slug" AS "value", COUNT(*) AS "count" FROM "ClaimTopic" ct JOIN "Topic" t ON t."id" = ct."topicId"
    WHERE ct."claimId" IN (SELECT "value" FROM json_each(?)) GROUP BY t."slug"`),
  facetSpeaker: db.prepare(`SELECT s."slug" AS "value", s."name" AS "name", COUNT(*) AS "count"
    FROM "AttributionLink" l JOIN "Source" s ON s."id" = l."sourceId"
    WHERE l."claimId" IN (SELECT "value" FROM json_each(?)) AND l."chain" = 0 AND l."position" = 0 GROUP BY s."slug", s."name"`),
  facetStatus: db.prepare(`SELECT "status" AS "value", COUNT(DISTINCT "claimId") AS "count" FROM (
      SELECT "status", "fromClaimId" AS "claimId" FROM "Relation" WHERE "fromClaimId" IN (SELECT "value" FROM json_each(?))
      UNION ALL SELECT "status", "toClaimId" FROM "Relation" WHERE "toClaimId" IN (SELECT "value" FROM json_each(?)))
    GROUP BY "status"`),
};

function groupBy(rows: Row[]): Map<number, Row[]> {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const id = row.claimId as number;
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

const byId = (rows: Row[]) => new Map(rows.map((row) => [row.id as number, row]));
const idList = (ids: unknown[]) => JSON.stringify([...new Set(ids)]);

/** Claim rows to the JSON claimtrail presents, with five batched look-ups for the page. */
function presentClaims(rows: Row[]) {
  const ids = JSON.stringify(rows.map((r) => r.id));
  const linkRows = sql.links.all(ids) as Row[];
  const links = groupBy(linkRows);
  const sources = byId(sql.sources.all(idList(linkRows.map((l) => l.sourceId))) as Row[]);
  const articles = byId(sql.articles.all(idList(rows.map((r) => r.articleId))) as Row[]);
  const topics = groupBy(sql.topics.all(ids) as Row[]);
  const stances = groupBy(sql.stances.all(ids) as Row[]);
  return rows.map((row) => {
    const chains: TracedChain[] = traceChains(
      (links.get(row.id as number) ?? [])
        .sort((x, y) => (x.chain as number) - (y.chain as number) || (x.position as number) - (y.position as number))
        .map((l) => {
          const source = sources.get(l.sourceId as number)!;
          return {
            chain: l.chain as number,
            position: l.position as number,
            role: l.role as ChainRole,
            source: {
              slug: source.slug as string,
              name: source.name as string,
              kind: source.kind as SourceKind,
              country: source.countryCode as string | null,
              stateControlled: source.stateControlled === 1,
            },
          };
        }),
    );
    const article = articles.get(row.articleId as number)!;
    return {
      id: row.id,
      key: row.key,
      article: { slug: article.slug, title: article.title },
      quote: row.quote,
      span: { in: row.spanIn, start: row.start, end: row.end },
      gloss: row.gloss,
      kind: row.kind,
      hedged: row.hedged === 1,
      cue: row.cue,
      statedOn: row.statedOn,
      speaker: chains[0]!.links[0]!.source,
      chains,
      topics: (topics.get(row.id as number) ?? []).map((t) => t.slug),
      stances: (stances.get(row.id as number) ?? []).map((s) => ({
        proposition: s.key,
        text: s.text,
        stance: s.stance,
      })),
    };
  });
}

type ClaimJson = ReturnType<typeof presentClaims>[number];

function brief(claim: ClaimJson) {
  return {
    id: claim.id,
    key: claim.key,
    article: claim.article.slug,
    quote: claim.quote,
    gloss: claim.gloss,
    kind: claim.kind,
    speaker: claim.speaker,
    chain: claim.chains[0]!.text,
  };
}

function page<T extends Row>(rows: T[], limit: number) {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  return {
    rows: pageRows,
    page: { limit, nextCursor: more ? encodeCursor(pageRows[pageRows.length - 1]!.id as number) : null },
  };
}

function decodeCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  return Number.parseInt(Buffer.from(cursor, "base64url").toString("utf8").replace(/^id:/, ""), 10);
}

function listSourceClaims(slug: string, query: URLSearchParams) {
  const sourceId = sql.sourceId.get(slug);
  if (sourceId === undefined) return null;
  const limit = Number(query.get("limit") ?? 50);
  const rows = sql.claimsBySource.all(sourceId, decodeCursor(query.get("cursor")), limit + 1) as Row[];
  const { rows: pageRows, page: p } = page(rows, limit);
  return { data: presentClaims(pageRows), page: p };
}

function listClaimsByTopicAndKind(query: URLSearchParams) {
  const limit = Number(query.get("limit") ?? 50);
  const topicId = sql.topicId.get(query.get("topic"));
  const rows =
    topicId === undefined
      ? []
      : (sql.claimsByTopicKind.all(topicId, decodeCursor(query.get("cursor")), query.get("kind"), limit + 1) as Row[]);
  const { rows: pageRows, page: p } = page(rows, limit);
  return { data: presentClaims(pageRows), page: p };
}

function relationSummary(r: Row) {
  return {
    id: r.id,
    type: r.type,
    fromClaimId: r.fromClaimId,
    toClaimId: r.toClaimId,
    status: r.status,
    origin: r.origin,
    version: r.version,
    rationale: r.rationale,
  };
}

function listContradictionsBySource(query: URLSearchParams) {
  const limit = Number(query.get("limit") ?? 50);
  const sourceId = sql.sourceId.get(query.get("source"));
  const rows =
    sourceId === undefined
      ? []
      : (sql.contradictionsBySource.all(decodeCursor(query.get("cursor")), sourceId, sourceId, limit + 1) as Row[]);
  const { rows: pageRows, page: p } = page(rows, limit);
  const claimIds = [...new Set(pageRows.flatMap((r) => [r.fromClaimId, r.toClaimId]))];
  const claims = new Map(presentClaims(sql.claimsById.all(JSON.stringify(claimIds)) as Row[]).map((c) => [c.id, c]));
  return {
    data: pageRows.map((r) => ({
      ...relationSummary(r),
      sides: [brief(claims.get(r.fromClaimId)!), brief(claims.get(r.toClaimId)!)],
    })),
    page: p,
  };
}

function compare(query: URLSearchParams) {
  const aId = Number(query.get("a"));
  const bId = Number(query.get("b"));
  const claims = presentClaims(sql.claimsById.all(JSON.stringify([aId, bId])) as Row[]);
  const a = claims.find((c) => c.id === aId);
  const b = claims.find((c) => c.id === bId);
  if (!a || !b) return null;
  const side = (claim: ClaimJson) => ({
    claim,
    hopDistance: claim.chains[0]!.hopDistance,
    throughStateMedia: claim.chains.some((c) => c.throughStateMedia),
    throughAnonymous: claim.chains.some((c) => c.throughAnonymous),
  });
  return {
    data: {
      a: side(a),
      b: side(b),
      shared: {
        sources: sharedSources(a.chains, b.chains),
        sameSpeaker: a.speaker.slug === b.speaker.slug,
        sameArticle: a.article.slug === b.article.slug,
      },
      relations: (sql.relationsBetween.all(aId, bId, bId, aId) as Row[]).map(relationSummary),
    },
  };
}

const phrase = (q: string) => `"${q.replaceAll('"', '""')}"`;

function searchClaims(query: URLSearchParams) {
  const q = query.get("q")!.trim();
  const limit = Number(query.get("limit") ?? 50);
  const after = decodeCursor(query.get("cursor"));
  const match = phrase(q);
  const links = search.namedLinks.get(match) as number;
  const named =
    links === 0
      ? []
      : links <= 10_000
        ? search.namedSortedIds.all(match, after, limit + 1)
        : search.namedWalkIds.all(after, match, limit + 1);
  const ids = [...new Set([...(search.textIds.all(match, after, limit + 1) as number[]), ...(named as number[])])]
    .sort((a, b) => a - b)
    .slice(0, limit + 1);
  const more = ids.length > limit;
  const pageIds = ids.slice(0, limit);
  const claims = presentClaims(sql.claimsById.all(JSON.stringify(pageIds)) as Row[]).sort(
    (a, b) => (a.id as number) - (b.id as number),
  );
  const slugs = JSON.stringify([
    ...new Set(claims.flatMap((c) => c.chains.flatMap((ch) => ch.links.map((l) => l.source.slug)))),
  ]);
  const names = new Map<string, string[]>();
  for (const row of search.names.all(slugs, slugs) as Row[]) {
    const list = names.get(row.slug as string);
    if (!list) names.set(row.slug as string, [row.name as string]);
    else if (!list.includes(row.name as string)) list.push(row.name as string);
  }
  const matchOf = (claim: ClaimJson) => {
    for (const field of ["quote", "gloss"] as const) {
      const span = findSpan(claim[field] as string, q);
      if (span) return { field, ...span };
    }
    for (const chain of claim.chains)
      for (const link of chain.links)
        for (const name of names.get(link.source.slug) ?? []) {
          const span = findSpan(name, q);
          if (span) return { field: "source", source: link.source.slug, name, ...span };
        }
    return null;
  };
  return {
    data: claims.map((claim) => ({ ...claim, match: matchOf(claim) })),
    page: { limit, nextCursor: more ? encodeCursor(pageIds[pageIds.length - 1]!) : null },
    search: { query: q, mode: "index" },
  };
}

function sourceSummary(row: Row) {
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    country: row.countryCode,
    stateControlled: row.stateControlled === 1,
  };
}

function listSources(query: URLSearchParams) {
  const limit = Number(query.get("limit") ?? 50);
  const rows = (
    query.get("sort") === "claims"
      ? search.sourcesByClaims.all(limit + 1)
      : search.sourcePage.all(decodeCursor(query.get("cursor")), limit + 1)
  ) as Row[];
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const ids = JSON.stringify(pageRows.map((r) => r.id));
  const names = groupBy((search.sourceNames.all(ids) as Row[]).map((r) => ({ ...r, claimId: r.sourceId })));
  const affiliations = byId(
    sql.sources.all(idList(pageRows.map((r) => r.affiliationId).filter((id) => id !== null))) as Row[],
  );
  return {
    data: pageRows.map((row) => ({
      ...sourceSummary(row),
      names: (names.get(row.id as number) ?? []).map((n) => n.name),
      description: row.description,
      affiliation: row.affiliationId === null ? null : sourceSummary(affiliations.get(row.affiliationId as number)!),
      claims: { asSpeaker: row.asSpeaker, inChains: row.inChains },
    })),
    page: { limit, nextCursor: more ? encodeCursor(pageRows[pageRows.length - 1]!.id as number) : null },
  };
}

function listArticles(query: URLSearchParams) {
  const limit = Number(query.get("limit") ?? 50);
  const rows = search.articlePage.all(limit + 1) as Row[];
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const publishers = byId(sql.sources.all(idList(pageRows.map((r) => r.publisherId))) as Row[]);
  return {
    data: pageRows.map((row) => ({
      slug: row.slug,
      title: row.title,
      publisher: sourceSummary(publishers.get(row.publisherId as number)!),
      section: row.section,
      language: row.language,
      url: row.url,
      publishedAt: formatWithOffset(new Date(row.publishedAt as string), row.publishedUtcOffset as number),
      bodySha256: row.bodySha256,
      claimCount: row.claimCount,
    })),
    page: { limit, nextCursor: more ? encodeCursor(pageRows[pageRows.length - 1]!.id as number) : null },
  };
}

/** Facet rows most first, then by value, the 20 most common. */
function facetRows(rows: Row[]) {
  return rows
    .map((row) => ({ ...row, value: row.value as string, count: row.count as number }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, 20);
}

function facetedTopicKind(query: URLSearchParams) {
  const listed = listClaimsByTopicAndKind(query);
  const topicId = sql.topicId.get(query.get("topic"));
  const ids = topicId === undefined ? [] : (search.topicKindIds.all(topicId, query.get("kind"), 501) as number[]);
  const counted = JSON.stringify(ids.slice(0, 500));
  return {
    ...listed,
    facets: {
      counted: { claims: Math.min(ids.length, 500), complete: ids.length <= 500 },
      kind: facetRows(search.facetKind.all(counted) as Row[]),
      topic: facetRows(search.facetTopic.all(counted) as Row[]),
      speaker: facetRows(search.facetSpeaker.all(counted) as Row[]),
      status: facetRows(search.facetStatus.all(counted, counted) as Row[]),
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://baseline");
  const sourceClaims = /^\/api\/sources\/([^/]+)\/claims$/.exec(url.pathname);
  let body: unknown;
  if (sourceClaims) body = listSourceClaims(decodeURIComponent(sourceClaims[1]!), url.searchParams);
  else if (url.pathname === "/api/claims" && url.searchParams.has("q")) body = searchClaims(url.searchParams);
  else if (url.pathname === "/api/claims" && url.searchParams.has("facets")) body = facetedTopicKind(url.searchParams);
  else if (url.pathname === "/api/claims") body = listClaimsByTopicAndKind(url.searchParams);
  else if (url.pathname === "/api/sources") body = listSources(url.searchParams);
  else if (url.pathname === "/api/articles") body = listArticles(url.searchParams);
  else if (url.pathname === "/api/contradictions") body = listContradictionsBySource(url.searchParams);
  else if (url.pathname === "/api/compare") body = compare(url.searchParams);
  if (body === undefined || body === null)
    send(res, 404, { error: { code: "not_found", message: "not found", details: [] } });
  else send(res, 200, body);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
