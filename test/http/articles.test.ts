import request from "supertest";
import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "../../src/domain/text/codePoints.js";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();
const SLUG = "infoquest-kim-putin-2023-09-20";

describe("GET /api/articles", () => {
  it("lists the seed article with its publication time and UTC offset", async () => {
    const res = await request(seeded.app()).get("/api/articles").expect(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({
      slug: SLUG,
      publisher: { slug: "infoquest", name: "InfoQuest", kind: "publisher", country: "TH" },
      section: "ข่าวต่างประเทศ",
      language: "th",
      url: null,
      publishedAt: "2023-09-20T12:14:00+07:00",
      claimCount: 34,
    });
  });
});

describe("GET /api/articles/:slug", () => {
  it("returns the exact body and every claim with a span that slices out its quote, the headline's first", async () => {
    const res = await request(seeded.app()).get(`/api/articles/${SLUG}`).expect(200);
    const { title, body, claims } = res.body.data;
    expect(claims).toHaveLength(34);
    type Spanned = { quote: string; span: { in: "body" | "title"; start: number; end: number } };
    for (const claim of claims as Spanned[]) {
      const text = claim.span.in === "title" ? title : body;
      expect(sliceCodePoints(text, claim.span.start, claim.span.end)).toBe(claim.quote);
    }
    expect((claims as Spanned[]).map((c) => c.span.in)).toEqual(["title", ...Array(33).fill("body")]);
    expect(claims[0].span).toEqual({ in: "title", start: 9, end: 70 });
    const starts = (claims as Spanned[]).slice(1).map((c) => c.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("404s an unknown article", async () => {
    const res = await request(seeded.app()).get("/api/articles/no-such-article").expect(404);
    expect(res.body).toEqual({
      error: { code: "not_found", message: 'article "no-such-article" was not found', details: null },
    });
  });

  it("400s an unexpected query parameter, naming it", async () => {
    const res = await request(seeded.app()).get(`/api/articles/${SLUG}?fields=body`).expect(400);
    expect(res.body.error.code).toBe("validation_error");
    expect(res.body.error.details).toEqual([
      { path: "query", code: "unrecognized_keys", message: 'Unrecognized key: "fields"' },
    ]);
  });
});
