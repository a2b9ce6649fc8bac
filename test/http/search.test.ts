import request from "supertest";
import { describe, expect, it } from "vitest";
import { SHORT_QUERY_NOTE } from "../../src/domain/claims/claimSearch.js";
import { sliceCodePoints } from "../../src/domain/text/codePoints.js";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();
const get = (path: string) => request(seeded.app()).get(path);
const search = (q: string, extra = "") => get(`/api/claims?q=${encodeURIComponent(q)}${extra}`).expect(200);
const keys = (res: request.Response) => res.body.data.map((c: { key: string }) => c.key);

describe("GET /api/claims?q= (text search)", () => {
  it("finds Peskov's claims by his Thai name, which is in the chain, not the quote", async () => {
    const res = await search("เพสคอฟ");
    expect(keys(res)).toEqual(["peskov-visit-format", "peskov-denial-military-agreement"]);
    expect(res.body.data.map((c: { match: unknown }) => c.match)).toEqual([
      { field: "source", source: "dmitry-peskov", name: "นายดมิทรี เพสคอฟ", start: 10, end: 16 },
      { field: "source", source: "dmitry-peskov", name: "นายดมิทรี เพสคอฟ", start: 10, end: 16 },
    ]);
    expect(res.body.search).toEqual({ query: "เพสคอฟ", mode: "index" });
    expect(res.body.page).toEqual({ limit: 50, nextCursor: null });
  });

  it("finds a Latin name and a quote whatever the case, with the span in code points", async () => {
    expect(keys(await search("dMITRY peskov"))).toEqual(["peskov-visit-format", "peskov-denial-military-agreement"]);
    const res = await search("geran-25");
    expect(keys(res)).toEqual(["tass-gift-drones"]);
    const [hit] = res.body.data;
    expect(hit.match).toMatchObject({ field: "quote" });
    expect(sliceCodePoints(hit.quote, hit.match.start, hit.match.end)).toBe("Geran-25");
  });

  it("finds a Thai phrase in a quote and an English word in a gloss", async () => {
    const thai = await search("ทรงพลังมากที่สุดในโลก");
    expect(keys(thai)).toEqual(["shoigu-praise-kp-army"]);
    expect(thai.body.data[0].match.field).toBe("quote");
    const [hit] = (await search("military agreement")).body.data;
    expect(hit.key).toBe("peskov-denial-military-agreement");
    expect(hit.match.field).toBe("gloss");
    expect(sliceCodePoints(hit.gloss, hit.match.start, hit.match.end).toLowerCase()).toBe("military agreement");
  });

  it("finds nothing for a phrase in no quote, gloss or name", async () => {
    const res = await search("ceasefire collapsed");
    expect(res.body).toEqual({
      data: [],
      page: { limit: 50, nextCursor: null },
      search: { query: "ceasefire collapsed", mode: "index" },
    });
    // Quote characters and FTS operators are text, not syntax.
    expect(keys(await search('"OR peskov*'))).toEqual([]);
  });

  it("combines the text with the other filters", async () => {
    expect(keys(await search("เพสคอฟ", "&kind=denial"))).toEqual(["peskov-denial-military-agreement"]);
    expect(keys(await search("เพสคอฟ", "&source=tass"))).toEqual([]);
  });

  it("pages by cursor through every hit exactly once", async () => {
    const all = keys(await search("ปูติน"));
    expect(all.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await search("ปูติน", `&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...keys(res));
      cursor = res.body.page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("answers a two-character query from a bounded scan, and says so", async () => {
    const res = await search("KC");
    expect(res.body.search).toEqual({ query: "KC", mode: "scan", scanned: 5000, note: SHORT_QUERY_NOTE });
    const everything = (await get("/api/claims?limit=500").expect(200)).body.data as {
      key: string;
      quote: string;
      gloss: string;
      chains: { links: { source: { slug: string } }[] }[];
    }[];
    const names = new Map<string, string[]>();
    for (const claim of everything)
      for (const chain of claim.chains)
        for (const link of chain.links) {
          if (names.has(link.source.slug)) continue;
          const source = (await get(`/api/sources/${link.source.slug}`).expect(200)).body.data;
          names.set(link.source.slug, [source.name, ...source.names]);
        }
    const expected = everything
      .filter(
        (c) =>
          /kc/i.test(c.quote) ||
          /kc/i.test(c.gloss) ||
          c.chains.some((chain) => chain.links.some((l) => names.get(l.source.slug)!.some((n) => /kc/i.test(n)))),
      )
      .map((c) => c.key);
    expect(expected.length).toBeGreaterThan(0);
    expect(keys(res)).toEqual(expected);
    expect(res.body.page.nextCursor).toBeNull();
  });

  it("400s a blank query", async () => {
    const res = await get("/api/claims?q=%20%20").expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(["query.q"]);
  });
});
