import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { urls } from "../../src/urls.js";
import { smallSheet } from "../support/sheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let test: TestDb;
const PUBLIC_URL = "https://claims.example.org/desk/";
const ROOT = "https://claims.example.org/desk";

const appAt = (apiPrefix?: string) =>
  buildApp({ config: { bodyLimitBytes: 1024 * 1024, publicUrl: PUBLIC_URL }, db: test.db, log: () => {}, apiPrefix });

beforeAll(async () => {
  test = createTestDb();
  await importClaimSheet(test.db, smallSheet());
});
afterAll(() => test.close());

/** Every absolute URL in a text, except the ones naming other vocabularies (schema.org, W3C) or the article's own. */
function ownUrls(text: string): string[] {
  return (text.match(/https?:\/\/[^"\s\\]+/g) ?? []).filter(
    (url) => !/^https?:\/\/(schema\.org|www\.w3\.org|example\.org|[^/]*\.example\.com)/.test(url),
  );
}

describe("urls()", () => {
  it("builds every URL on PUBLIC_URL and the API prefix", () => {
    const links = urls("https://claims.example.org/desk/", "/v9/");
    expect([
      links.root,
      links.path("/claims/1"),
      links.claim(42),
      links.contradiction(7),
      links.article("a b"),
      links.annotations(),
      links.vocabulary(),
      links.docsAssets(),
      links.openApi(),
    ]).toEqual([
      "https://claims.example.org/desk",
      "/v9/claims/1",
      "https://claims.example.org/desk/v9/claims/42",
      "https://claims.example.org/desk/v9/contradictions/7",
      "https://claims.example.org/desk/v9/articles/a%20b",
      "https://claims.example.org/desk/v9/export/annotations.jsonld",
      "https://claims.example.org/desk/v9/schemas/vocabulary#",
      "/v9/docs/assets",
      "/v9/openapi.json",
    ]);
  });
});

describe("an API mounted at another prefix", () => {
  it("serves there, and nothing under /api", async () => {
    await request(appAt("/v9")).get("/v9/claims").expect(200);
    await request(appAt("/v9")).get("/api/claims").expect(404);
  });

  it("writes the prefix into the OpenAPI paths, the server URL and the docs page's links", async () => {
    const doc = (await request(appAt("/v9")).get("/v9/openapi.json").expect(200)).body;
    expect(doc.servers).toEqual([{ url: ROOT }]);
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBeGreaterThan(15);
    expect(paths.filter((p) => !p.startsWith("/v9/"))).toEqual([]);
    const page = (await request(appAt("/v9")).get("/v9/docs").expect(200)).text;
    expect(page.match(/(?:href|src)="[^"]+"/g)).toEqual([
      'href="/v9/docs/assets/favicon-32x32.png"',
      'href="/v9/docs/assets/swagger-ui.css"',
      'src="/v9/docs/assets/swagger-ui-bundle.js"',
      'src="/v9/docs/assets/init.js"',
    ]);
    const init = (await request(appAt("/v9")).get("/v9/docs/assets/init.js").expect(200)).text;
    expect(init).toContain('url: "/v9/openapi.json"');
  });

  it.each(["claims.jsonld", "annotations.jsonld"])(
    "names everything in %s under PUBLIC_URL and the prefix",
    async (file) => {
      const text = (await request(appAt("/v9")).get(`/v9/export/${file}`).expect(200)).text;
      const found = ownUrls(text);
      expect(found.length).toBeGreaterThan(2);
      expect(found.filter((url) => !url.startsWith(`${ROOT}/v9/`))).toEqual([]);
    },
  );

  it("serves the vocabulary the annotations' context names", async () => {
    const annotations = JSON.parse((await request(appAt("/v9")).get("/v9/export/annotations.jsonld").expect(200)).text);
    const vocabulary = annotations["@context"].find((c: unknown) => typeof c === "object").claimtrail;
    expect(vocabulary).toBe(`${ROOT}/v9/schemas/vocabulary#`);
    const res = await request(appAt("/v9")).get("/v9/schemas/vocabulary").expect(200);
    expect(res.type).toBe("application/ld+json");
    const doc = JSON.parse(res.text);
    expect(doc["@context"].claimtrail).toBe(vocabulary);
    expect(doc["@graph"].map((t: { "@id": string }) => t["@id"])).toEqual(["claimtrail:bodySha256"]);
  });
});
