import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { countRows } from "../support/counts.js";
import { SMALL_BODY, spanOf } from "../support/sheets.js";

let t: TestApp;
let reviewer: string;
let before: Awaited<ReturnType<typeof countRows>>;
const ROUTE = "/api/articles/small-article/claims";

beforeAll(async () => {
  t = await createTestApp();
  reviewer = `Bearer ${await t.token("reviewer")}`;
});
afterAll(() => t.close());
beforeEach(async () => {
  before = await countRows(t.db);
});

const post = (body: unknown, auth: string | null = reviewer) => {
  const req = request(t.app).post(ROUTE);
  return (auth ? req.set("Authorization", auth) : req).send(body as object);
};

/** The small article's title is "ทดสอบ": a headline claim over all of it. */
const headline = {
  key: "wire-headline",
  in: "title",
  quote: "ทดสอบ",
  start: 0,
  end: 5,
  gloss: "The wire's headline calls it a test",
  kind: "editorial",
  chains: [[{ source: "test-wire", role: "speaker" }]],
};
const meeting = {
  key: "kyodo-meeting",
  ...spanOf(SMALL_BODY, "การพบกันครั้งนี้"),
  gloss: "Kyodo's sources speak of this meeting",
  kind: "report",
  chains: [
    [
      { source: "kyodo-sources", role: "speaker" },
      { source: "kyodo", role: "reporter" },
      { source: "test-wire", role: "publisher" },
    ],
  ],
  stances: [{ proposition: "military-deal", stance: "asserts" }],
};

describe("POST /api/articles/:slug/claims", () => {
  it("needs a reviewer token", async () => {
    expect((await post({ claims: [headline] }, null).expect(401)).body.error.code).toBe("unauthorized");
    expect(await countRows(t.db)).toEqual(before);
  });

  it("refuses a title quote not at its offsets, an unknown source and a key the article has, writing nothing", async () => {
    const res = await post({
      claims: [
        { ...headline, start: 1, end: 6 },
        { ...meeting, key: "peskov-denial", chains: [[{ source: "nobody", role: "speaker" }]] },
      ],
    }).expect(422);
    expect(res.body.error.code).toBe("invalid_claim_sheet");
    expect(res.body.error.details).toEqual([
      { path: "claims[1].key", code: "claim_exists", message: 'claim "peskov-denial" is already in the article' },
      {
        path: "claims[0].end",
        code: "span_out_of_title",
        message: "end (6) is past the title's end (5)",
      },
      { path: "claims[1].chains[0][0].source", code: "unknown_source", message: 'unknown source "nobody"' },
      {
        path: "claims[1].chains[0]",
        code: "chain_without_publisher",
        message: 'a one-link chain is the publisher speaking: "test-wire" as speaker',
      },
    ]);
    expect(await countRows(t.db)).toEqual(before);
  });

  it("400s a body without claims", async () => {
    const res = await post({ claims: [] }).expect(400);
    expect(res.body.error.details).toEqual([
      { path: "body.claims", code: "too_small", message: "send at least one claim" },
    ]);
  });

  it("adds a headline claim and a body claim, keeping every stored claim, relation and review event", async () => {
    const stored = await t.db.claim.findMany({ orderBy: { id: "asc" }, select: { id: true, key: true } });
    const relations = await t.db.relation.findMany({ orderBy: { id: "asc" }, include: { events: true } });
    const res = await post({ claims: [headline, meeting] }).expect(201);
    expect(res.body.data).toEqual({ articleSlug: "small-article", claims: 2, derivedContradictions: 1 });

    const after = await countRows(t.db);
    expect(after).toEqual({
      ...before,
      claims: before.claims + 2,
      links: before.links + 4,
      stances: before.stances + 1,
      relations: before.relations + 1,
      events: before.events + 1,
    });
    const kept = await t.db.relation.findMany({
      where: { id: { in: relations.map((r) => r.id) } },
      orderBy: { id: "asc" },
      include: { events: true },
    });
    expect(kept).toEqual(relations);

    const article = (await request(t.app).get("/api/articles/small-article").expect(200)).body.data;
    expect(article.claims.map((c: { key: string; span: unknown }) => [c.key, c.span])).toEqual([
      ["wire-headline", { in: "title", start: 0, end: 5 }],
      ["peskov-denial", { in: "body", start: 19, end: 46 }],
      ["kyodo-report", { in: "body", start: 98, end: 135 }],
      // Same start: in id order, the stored claim first.
      ["publisher-framing", { in: "body", start: 136, end: 170 }],
      ["kyodo-meeting", { in: "body", start: 136, end: 152 }],
    ]);
    const ids = new Map(article.claims.map((c: { key: string; id: number }) => [c.key, c.id]));
    for (const claim of stored) expect(ids.get(claim.key)).toBe(claim.id);
  });

  it("refuses the same claims again: their keys are stored, and so are their spans and chains", async () => {
    const res = await post({ claims: [{ ...meeting, key: "kyodo-meeting-2" }] }).expect(422);
    expect(res.body.error.details).toEqual([
      {
        path: "claims[0]",
        code: "duplicate_claim",
        message: 'claim "kyodo-meeting-2" repeats a stored claim (same span and chains)',
      },
    ]);
  });

  it("404s an unknown article", async () => {
    const res = await request(t.app)
      .post("/api/articles/no-such-article/claims")
      .set("Authorization", reviewer)
      .send({ claims: [headline] })
      .expect(404);
    expect(res.body.error.code).toBe("not_found");
  });
});
