/**
 * The baseline: a minimal node:http server over the raw driver (better-sqlite3, or pg on
 * PostgreSQL) that answers the benchmarked lookups with hand-written SQL (bench/baselineQueries.ts)
 * and returns byte-identical JSON to claimtrail. It reuses only claimtrail's pure chain-tracing, cursor
 * and text-span functions, so what it saves is the framework, validation and ORM cost.
 * Engine-specific SQL is fine here: it is a yardstick, not the product.
 *
 * Run: node --import tsx bench/baselineServer.ts DATABASE_URL   (file:... or postgres://...; prints "listening PORT")
 */
import { createServer, type ServerResponse } from "node:http";
import { formatWithOffset } from "../src/domain/articles/publishedAt.js";
import { sharedSources, type TracedChain, traceChains } from "../src/domain/attribution/traceChain.js";
import { encodeCursor } from "../src/domain/pagination.js";
import { findSpan } from "../src/domain/search/searchText.js";
import type { ChainRole, SourceKind } from "../src/domain/vocabulary.js";
import { baselineQueries, type Row } from "./baselineQueries.js";
import { isTrue, openBenchDatabase } from "./benchDatabase.js";

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error("usage: baselineServer.ts DATABASE_URL");
const db = baselineQueries(openBenchDatabase(databaseUrl));

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
const unique = (ids: unknown[]) => [...new Set(ids)];

/** Claim rows to the JSON claimtrail presents, with five batched look-ups for the page. */
async function presentClaims(rows: Row[]) {
  const ids = rows.map((r) => r.id);
  const linkRows = (await db.links(ids)) as Row[];
  const links = groupBy(linkRows);
  const sources = byId((await db.sources(unique(linkRows.map((l) => l.sourceId)))) as Row[]);
  const articles = byId((await db.articles(unique(rows.map((r) => r.articleId)))) as Row[]);
  const topics = groupBy((await db.topics(ids)) as Row[]);
  const stances = groupBy((await db.stances(ids)) as Row[]);
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
              stateControlled: isTrue(source.stateControlled),
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
      hedged: isTrue(row.hedged),
      cue: row.cue,
      statedOn: row.statedOn,
      anchor: row.anchor === "orphaned" ? "orphaned" : "anchored",
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

type ClaimJson = Awaited<ReturnType<typeof presentClaims>>[number];

function brief(claim: ClaimJson) {
  return {
    id: claim.id,
    key: claim.key,
    article: claim.article.slug,
    quote: claim.quote,
    gloss: claim.gloss,
    kind: claim.kind,
    anchor: claim.anchor,
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

async function listSourceClaims(slug: string, query: URLSearchParams) {
  const sourceId = await db.sourceId(slug);
  if (sourceId === undefined) return null;
  const limit = Number(query.get("limit") ?? 50);
  const rows = (await db.claimsBySource(sourceId, decodeCursor(query.get("cursor")), limit + 1)) as Row[];
  const { rows: pageRows, page: p } = page(rows, limit);
  return { data: await presentClaims(pageRows), page: p };
}

async function listClaimsByTopicAndKind(query: URLSearchParams) {
  const limit = Number(query.get("limit") ?? 50);
  const topicId = await db.topicId(query.get("topic"));
  const rows =
    topicId === undefined
      ? []
      : ((await db.claimsByTopicKind(
          topicId,
          decodeCursor(query.get("cursor")),
          query.get("kind"),
          limit + 1,
        )) as Row[]);
  const { rows: pageRows, page: p } = page(rows, limit);
  return { data: await presentClaims(pageRows), page: p };
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

async function listContradictionsBySource(query: URLSearchParams) {
  const limit = Number(query.get("limit") ?? 50);
  const source = await db.sourceLinks(query.get("source"));
  const rows =
    source === undefined
      ? []
      : ((await db.contradictionsBySource(decodeCursor(query.get("cursor")), source, limit + 1)) as Row[]);
  const { rows: pageRows, page: p } = page(rows, limit);
  const claimIds = [...new Set(pageRows.flatMap((r) => [r.fromClaimId, r.toClaimId]))];
  const claims = new Map((await presentClaims(await db.claimsById(claimIds))).map((c) => [c.id, c]));
  return {
    data: pageRows.map((r) => {
      const sides = [brief(claims.get(r.fromClaimId)!), brief(claims.get(r.toClaimId)!)];
      return { ...relationSummary(r), sides, needsAttention: sides.some((side) => side.anchor === "orphaned") };
    }),
    page: p,
  };
}

async function compare(query: URLSearchParams) {
  const aId = Number(query.get("a"));
  const bId = Number(query.get("b"));
  const claims = await presentClaims(await db.claimsById([aId, bId]));
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
      relations: ((await db.relationsBetween(aId, bId)) as Row[]).map(relationSummary),
    },
  };
}

async function searchClaims(query: URLSearchParams) {
  const q = query.get("q")!.trim();
  const limit = Number(query.get("limit") ?? 50);
  const after = decodeCursor(query.get("cursor"));
  const sources = await db.namedSources(q);
  const sourceIds = sources.map((s) => s.sourceId);
  const links = sources.reduce((sum, s) => sum + Number(s.inChains), 0);
  const named =
    links === 0
      ? []
      : links <= 10_000
        ? await db.namedSortedIds(q, sourceIds, after, limit + 1)
        : await db.namedWalkIds(q, sourceIds, after, limit + 1);
  const ids = [...new Set([...(await db.textIds(q, after, limit + 1)), ...(named as number[])])]
    .sort((a, b) => a - b)
    .slice(0, limit + 1);
  const more = ids.length > limit;
  const pageIds = ids.slice(0, limit);
  const claims = (await presentClaims(await db.claimsById(pageIds))).sort(
    (a, b) => (a.id as number) - (b.id as number),
  );
  const slugs = [...new Set(claims.flatMap((c) => c.chains.flatMap((ch) => ch.links.map((l) => l.source.slug))))];
  const names = new Map<string, string[]>();
  for (const row of (await db.names(slugs)) as Row[]) {
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
    stateControlled: isTrue(row.stateControlled),
  };
}

async function listSources(query: URLSearchParams) {
  const limit = Number(query.get("limit") ?? 50);
  const rows = (
    query.get("sort") === "claims"
      ? await db.sourcesByClaims(limit + 1)
      : await db.sourcePage(decodeCursor(query.get("cursor")), limit + 1)
  ) as Row[];
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const ids = pageRows.map((r) => r.id);
  const names = groupBy(((await db.sourceNames(ids)) as Row[]).map((r) => ({ ...r, claimId: r.sourceId })));
  const affiliations = byId(
    (await db.sources(unique(pageRows.map((r) => r.affiliationId).filter((id) => id !== null)))) as Row[],
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

async function listArticles(query: URLSearchParams) {
  const limit = Number(query.get("limit") ?? 50);
  const rows = (await db.articlePage(limit + 1)) as Row[];
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const publishers = byId((await db.sources(unique(pageRows.map((r) => r.publisherId)))) as Row[]);
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

async function facetedTopicKind(query: URLSearchParams) {
  const listed = await listClaimsByTopicAndKind(query);
  const topicId = await db.topicId(query.get("topic"));
  const ids = topicId === undefined ? [] : ((await db.topicKindIds(topicId, query.get("kind"), 501)) as number[]);
  const counted = ids.slice(0, 500);
  return {
    ...listed,
    facets: {
      counted: { claims: Math.min(ids.length, 500), complete: ids.length <= 500 },
      kind: facetRows((await db.facetKind(counted)) as Row[]),
      topic: facetRows((await db.facetTopic(counted)) as Row[]),
      speaker: facetRows((await db.facetSpeaker(counted)) as Row[]),
      status: facetRows((await db.facetStatus(counted)) as Row[]),
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

/** The answer to one request, or null for a 404. */
function answer(url: URL): Promise<unknown> | null {
  const sourceClaims = /^\/api\/sources\/([^/]+)\/claims$/.exec(url.pathname);
  if (sourceClaims) return listSourceClaims(decodeURIComponent(sourceClaims[1]!), url.searchParams);
  if (url.pathname === "/api/claims" && url.searchParams.has("q")) return searchClaims(url.searchParams);
  if (url.pathname === "/api/claims" && url.searchParams.has("facets")) return facetedTopicKind(url.searchParams);
  if (url.pathname === "/api/claims") return listClaimsByTopicAndKind(url.searchParams);
  if (url.pathname === "/api/sources") return listSources(url.searchParams);
  if (url.pathname === "/api/articles") return listArticles(url.searchParams);
  if (url.pathname === "/api/contradictions") return listContradictionsBySource(url.searchParams);
  if (url.pathname === "/api/compare") return compare(url.searchParams);
  return null;
}

const NOT_FOUND = { error: { code: "not_found", message: "not found", details: [] } };

const server = createServer(async (req, res) => {
  try {
    const body = await answer(new URL(req.url ?? "/", "http://baseline"));
    if (body === undefined || body === null) send(res, 404, NOT_FOUND);
    else send(res, 200, body);
  } catch (error) {
    process.stderr.write(`baseline: ${String(error)}\n`);
    send(res, 500, { error: { code: "internal", message: String(error), details: [] } });
  }
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
