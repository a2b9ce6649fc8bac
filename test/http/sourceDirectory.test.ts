import request from "supertest";
import { describe, expect, it } from "vitest";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();
const get = (path: string) => request(seeded.app()).get(path);
const slugs = (res: request.Response) => res.body.data.map((s: { slug: string }) => s.slug);
type Listed = { slug: string; name: string; claims: { inChains: number } };

/** Follows nextCursor from the first page to the last, with `limit` sources a page. */
async function everyPage(path: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res: request.Response = await get(`${path}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`).expect(200);
    seen.push(...slugs(res));
    cursor = res.body.page.nextCursor;
  } while (cursor);
  return seen;
}

describe("GET /api/sources?q= (the directory)", () => {
  it("finds a source by any stored name form: Thai, Latin in any case, with or without an honorific", async () => {
    for (const q of ["เพสคอฟ", "นายดมิทรี เพสคอฟ", "ดมิทรี เพสคอฟ", "PESKOV", "Mr Peskov", "mr. dmitry peskov"]) {
      expect([q, slugs(await get(`/api/sources?q=${encodeURIComponent(q)}`).expect(200))]).toEqual([
        q,
        ["dmitry-peskov"],
      ]);
    }
  });

  it("finds nothing for a name no source has", async () => {
    const res = await get(`/api/sources?q=${encodeURIComponent("นายสมชาย ใจดี")}`).expect(200);
    expect(res.body).toEqual({ data: [], page: { limit: 50, nextCursor: null } });
  });

  it("sorts by claims, most first, and by name, paging each order exactly once", async () => {
    const all = (await get("/api/sources?limit=500").expect(200)).body.data as Listed[];
    const byClaims = all
      .map((s, position) => ({ ...s, position }))
      .sort((a, b) => b.claims.inChains - a.claims.inChains || a.position - b.position)
      .map((s) => s.slug);
    expect(byClaims[0]).toBe("infoquest");
    expect(await everyPage("/api/sources?sort=claims", 4)).toEqual(byClaims);
    const byName = all
      .map((s, position) => ({ ...s, position }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.position - b.position))
      .map((s) => s.slug);
    expect(await everyPage("/api/sources?sort=name", 5)).toEqual(byName);
  });

  it("keeps the kind filter beside the name and the order", async () => {
    const res = await get("/api/sources?kind=news_agency&sort=claims&q=news").expect(200);
    expect(res.body.data.every((s: { kind: string }) => s.kind === "news_agency")).toBe(true);
    expect(slugs(res)).toContain("kyodo");
  });

  it("400s an unknown sort and a blank name, naming each field", async () => {
    const res = await get("/api/sources?sort=size&q=%20").expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(["query.q", "query.sort"]);
  });
});

describe("GET /api/sources/:slug by name", () => {
  it("finds the one source a name belongs to", async () => {
    const res = await get("/api/sources/peskov").expect(200);
    expect(res.body.data).toMatchObject({ slug: "dmitry-peskov", claims: { asSpeaker: 2, inChains: 2 } });
    expect((await get(`/api/sources/${encodeURIComponent("เพสคอฟ")}`).expect(200)).body.data.slug).toBe(
      "dmitry-peskov",
    );
  });

  it("404s a name no source has, and lists the candidates of a name several have", async () => {
    expect((await get("/api/sources/nobody-at-all").expect(404)).body.error).toEqual({
      code: "not_found",
      message: 'source "nobody-at-all" was not found',
      details: null,
    });
    const ambiguous = (await get(`/api/sources/${encodeURIComponent("สำนักข่าว")}`).expect(404)).body.error;
    expect(ambiguous.code).toBe("not_found");
    expect(ambiguous.details.candidates.length).toBeGreaterThan(1);
  });
});
