import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sheetTestApp } from "../support/app.js";
import { smallSheet } from "../support/sheets.js";
import { createTestDb, emptyDatabase, type TestDb } from "../support/testDb.js";

let t: TestDb;
let app: Awaited<ReturnType<typeof sheetTestApp>>;

/** Four articles: two publishers, two languages, published a day apart. */
beforeAll(async () => {
  t = createTestDb();
  await emptyDatabase(t.db);
  app = await sheetTestApp(t.db);
  const days = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"];
  for (const [i, day] of days.entries()) {
    const base = smallSheet(`article-${i + 1}`);
    const sheet: typeof base =
      i >= 2 ? JSON.parse(JSON.stringify(base).replaceAll('"test-wire"', '"other-wire"')) : base;
    sheet.article.body = `${sheet.article.body} ${i + 1}`;
    sheet.article.title = i % 2 === 0 ? `Talks in Bangkok ${i + 1}` : `การเจรจา ${i + 1}`;
    sheet.article.language = i % 2 === 0 ? "en" : "th";
    sheet.article.publishedAt = `${day}T09:00:00+07:00`;
    await app.post("/api/articles").send(sheet).expect(201);
  }
});
afterAll(() => t.close());

const slugs = async (query: string) =>
  (await app.get(`/api/articles${query}`).expect(200)).body.data.map((a: { slug: string }) => a.slug);

describe("GET /api/articles", () => {
  it("lists newest first, paged by cursor", async () => {
    const first = (await app.get("/api/articles?limit=3").expect(200)).body;
    expect(first.data.map((a: { slug: string }) => a.slug)).toEqual(["article-4", "article-3", "article-2"]);
    expect(first.data[0]).toMatchObject({ publishedAt: "2024-01-04T09:00:00+07:00", claimCount: 3 });
    const second = (await app.get(`/api/articles?limit=3&cursor=${first.page.nextCursor}`).expect(200)).body;
    expect(second).toMatchObject({ page: { limit: 3, nextCursor: null } });
    expect(second.data.map((a: { slug: string }) => a.slug)).toEqual(["article-1"]);
  });

  it("filters by publisher, language, publication time and title", async () => {
    expect(await slugs("?publisher=other-wire")).toEqual(["article-4", "article-3"]);
    expect(await slugs("?publisher=no-such-wire")).toEqual([]);
    expect(await slugs("?language=th")).toEqual(["article-4", "article-2"]);
    expect(await slugs("?from=2024-01-02T00:00:00%2B07:00&to=2024-01-04T00:00:00%2B07:00")).toEqual([
      "article-3",
      "article-2",
    ]);
    expect(await slugs("?q=bangkok")).toEqual(["article-3", "article-1"]);
    expect(await slugs(`?q=${encodeURIComponent("เจรจา")}&publisher=other-wire`)).toEqual(["article-4"]);
    expect(await slugs("?q=zeppelin")).toEqual([]);
  });

  it("400s a bad time, language and limit, naming each field", async () => {
    const res = await app.get("/api/articles?from=yesterday&language=Thai&limit=0").expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "query.language",
      "query.from",
      "query.limit",
    ]);
  });
});
