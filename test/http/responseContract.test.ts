import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/domain/access/tokenService.js";
import { csvRecord, parseCsv } from "../../src/domain/exports/csv.js";
import { inProcessImporter } from "../../src/domain/sheets/importThread.js";
import { apiRoutes } from "../../src/http/apiRoutes.js";
import { type ApiRoute, responseBody } from "../../src/http/routeTable.js";
import { urls } from "../../src/urls.js";
import { useSeededApp } from "../support/seededApp.js";
import { smallSheet } from "../support/sheets.js";

// Every route's documented success body, checked against a real response on the seed: the
// OpenAPI document and the presenters cannot drift apart without this failing.

const seeded = useSeededApp();
let admin: string;

beforeAll(async () => {
  admin = `Bearer ${(await createApiToken(seeded.testDb().db, { name: "contract test", role: "admin" })).token}`;
});

const routes = (): ApiRoute[] =>
  apiRoutes(seeded.testDb().db, () => ({}), {
    urls: urls("http://127.0.0.1"),
    bodyLimitBytes: 1024,
    importer: inProcessImporter(seeded.testDb().db),
  });
const key = (spec: { method: string; path: string }) => `${spec.method.toUpperCase()} ${spec.path}`;

interface Example {
  /** The request made, with the seed's ids filled in. */
  call: () => Promise<request.Response>;
  /** A raw body's text as the schema reads it (JSON parsed; anything else as text). */
  raw?: "json" | "text";
}

const claimIds = async () => ({
  denial: await seeded.claimId("peskov-denial-military-agreement"),
  aim: await seeded.claimId("kyodo-military-cooperation-aim"),
  format: await seeded.claimId("peskov-visit-format"),
  train: await seeded.claimId("infoquest-kim-trip-by-private-train"),
});
const contradictionId = async () => {
  const { denial, aim } = await claimIds();
  const relation = await seeded
    .testDb()
    .db.relation.findFirstOrThrow({ where: { fromClaimId: denial, toClaimId: aim }, select: { id: true } });
  return relation.id;
};
const get = (url: string) => request(seeded.app()).get(url);
const post = (url: string) => request(seeded.app()).post(url).set("Authorization", admin);

/** One real, successful request per route, "METHOD /path" as the route table writes it. */
const EXAMPLES: Record<string, Example> = {
  "GET /articles": { call: async () => get("/api/articles") },
  "GET /articles/:slug": { call: async () => get("/api/articles/infoquest-kim-putin-2023-09-20") },
  "GET /articles/:slug/revisions": {
    call: async () => get("/api/articles/infoquest-kim-putin-2023-09-20/revisions"),
  },
  "GET /articles/:slug/revisions/:number": {
    call: async () => {
      // A corrected article of its own, so that it has a revision and the seed stays as it is.
      const sheet = smallSheet("revised-article");
      sheet.article.body = `${sheet.article.body} (ฉบับแรก)`;
      await post("/api/articles").send(sheet).expect(201);
      sheet.article.body = `${sheet.article.body} (แก้ไข)`;
      await post("/api/articles?update=true").send(sheet).expect(200);
      return get("/api/articles/revised-article/revisions/1");
    },
  },
  "GET /sources": { call: async () => get("/api/sources?limit=3") },
  "GET /sources/:slug": { call: async () => get("/api/sources/kyodo") },
  "GET /sources/:slug/claims": { call: async () => get("/api/sources/kyodo/claims?limit=2") },
  "GET /claims": { call: async () => get("/api/claims?limit=2") },
  "GET /claims/:id": { call: async () => get(`/api/claims/${(await claimIds()).denial}`) },
  "GET /claims/:id/carriers": { call: async () => get(`/api/claims/${(await claimIds()).denial}/carriers`) },
  "GET /contradictions": { call: async () => get("/api/contradictions?limit=1") },
  "GET /contradictions/:id": { call: async () => get(`/api/contradictions/${await contradictionId()}`) },
  "GET /compare": {
    call: async () => {
      const { denial, aim } = await claimIds();
      return get(`/api/compare?a=${denial}&b=${aim}`);
    },
  },
  "POST /relations": {
    call: async () => {
      const { format, train } = await claimIds();
      return post("/api/relations").send({ fromClaimId: format, toClaimId: train, type: "supports", rationale: "r" });
    },
  },
  "GET /relations/:id": { call: async () => get(`/api/relations/${await contradictionId()}`) },
  "POST /relations/:id/review": {
    call: async () =>
      post(`/api/relations/${await contradictionId()}/review`)
        .set("If-Match", '"1"')
        .send({ status: "confirmed", note: "checked" }),
  },
  "GET /relations/:id/history": { call: async () => get(`/api/relations/${await contradictionId()}/history`) },
  "POST /articles": { call: async () => post("/api/articles").send(smallSheet("contract-article")) },
  "POST /articles/:slug/claims": {
    call: async () =>
      post("/api/articles/contract-article/claims").send({
        claims: [
          {
            key: "headline",
            in: "title",
            quote: "ทดสอบ",
            start: 0,
            end: 5,
            gloss: "The headline",
            kind: "editorial",
            chains: [[{ source: "test-wire", role: "speaker" }]],
          },
        ],
      }),
  },
  "POST /articles/:slug/claims.csv": {
    call: async () => {
      // The article's own rows under new keys: valid claim rows the article does not have yet.
      const exported = (await get("/api/export/claims.csv?article=contract-article").expect(200)).text;
      const [header, ...rows] = parseCsv(exported);
      const at = header!.indexOf("key");
      const again = rows.map((row) => row.map((cell, i) => (i === at ? `${cell}-again` : cell.replace(/^'/, ""))));
      const csv = [header!, ...again].map(csvRecord).join("");
      return post("/api/articles/contract-article/claims.csv").set("Content-Type", "text/csv").send(csv);
    },
  },
  "GET /export/:file": { call: async () => get("/api/export/claims.csv"), raw: "text" },
  "GET /schemas/claim-sheet.json": { call: async () => get("/api/schemas/claim-sheet.json"), raw: "json" },
  "GET /schemas/vocabulary": { call: async () => get("/api/schemas/vocabulary"), raw: "json" },
  "POST /extract": {
    call: async () =>
      post("/api/extract").send({ text: "นายเอ บีซี โฆษกรัฐบาลกล่าวว่า รัฐบาลจะลดภาษี", publisher: "infoquest" }),
  },
  "GET /openapi.json": { call: async () => get("/api/openapi.json") },
  "GET /docs": { call: async () => get("/api/docs"), raw: "text" },
};

describe("the response contract", () => {
  it("has one example request for every route, and none for a route that does not exist", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(routes().map(key).sort());
  });

  it("documents a response for every route", () => {
    for (const spec of routes()) expect(responseBody(spec.response), key(spec)).toBeDefined();
  });

  // In the order of the table: the writes use what the seed holds, the CSV rows the imported article.
  for (const name of Object.keys(EXAMPLES)) {
    it(`${name}: the real body parses with its documented schema`, async () => {
      const spec = routes().find((r) => key(r) === name)!;
      const example = EXAMPLES[name]!;
      const res = await example.call();
      expect(res.status, JSON.stringify(res.body)).toBe(spec.status ?? 200);
      const body = example.raw === "text" ? res.text : example.raw === "json" ? JSON.parse(res.text) : res.body;
      const parsed = responseBody(spec.response).safeParse(body);
      expect(parsed.error?.issues ?? [], name).toEqual([]);
    });
  }
});
