import request from "supertest";
import { describe, expect, it } from "vitest";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();
const get = (path: string) => request(seeded.app()).get(path);

interface Listed {
  id: number;
  kind: string;
  topics: string[];
  speaker: { slug: string; name: string };
}

/** Value -> count, most first then by value, as the API orders a facet. */
function tally(values: string[]): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
    .slice(0, 20);
}

describe("GET /api/claims?facets=", () => {
  it("counts kinds, topics, speakers and review statuses of every matching claim", async () => {
    const res = await get("/api/claims?facets=kind,topic,speaker,status&limit=500").expect(200);
    const claims = res.body.data as Listed[];
    expect(claims).toHaveLength(34);
    const statuses: string[] = [];
    for (const claim of claims) {
      const { relations } = (await get(`/api/claims/${claim.id}`).expect(200)).body.data;
      statuses.push(...new Set<string>(relations.map((r: { status: string }) => r.status)));
    }
    expect(statuses.length).toBeGreaterThan(0);
    const names = new Map(claims.map((c) => [c.speaker.slug, c.speaker.name]));
    expect(res.body.facets).toEqual({
      counted: { claims: 34, complete: true },
      kind: tally(claims.map((c) => c.kind)),
      topic: tally(claims.flatMap((c) => c.topics)),
      speaker: tally(claims.map((c) => c.speaker.slug)).map((row) => ({ ...row, name: names.get(row.value) })),
      status: tally(statuses),
    });
  });

  it("counts within the current filter, text search included", async () => {
    const res = await get(`/api/claims?q=${encodeURIComponent("เพสคอฟ")}&facets=kind,speaker`).expect(200);
    expect(res.body.facets).toEqual({
      counted: { claims: 2, complete: true },
      kind: [
        { value: "announcement", count: 1 },
        { value: "denial", count: 1 },
      ],
      speaker: [{ value: "dmitry-peskov", name: "Dmitry Peskov", count: 2 }],
    });
    const none = await get("/api/claims?kind=denial&source=tass&facets=kind").expect(200);
    expect(none.body.facets).toEqual({ counted: { claims: 0, complete: true }, kind: [] });
  });

  it("leaves facets out unless asked, and 400s an unknown one", async () => {
    expect((await get("/api/claims?limit=1").expect(200)).body.facets).toBeUndefined();
    const res = await get("/api/claims?facets=kind,mood").expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(["query.facets[1]"]);
  });
});
