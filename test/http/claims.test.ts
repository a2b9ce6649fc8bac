import request from "supertest";
import { describe, expect, it } from "vitest";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();
const keys = (res: request.Response) => res.body.data.map((c: { key: string }) => c.key);

describe("GET /api/claims", () => {
  it("filters by kind", async () => {
    const res = await request(seeded.app()).get("/api/claims?kind=denial").expect(200);
    expect(keys(res)).toEqual(["peskov-denial-military-agreement"]);
  });

  it("filters by topic, article and source role together", async () => {
    const res = await request(seeded.app())
      .get("/api/claims?topic=gifts&article=infoquest-kim-putin-2023-09-20&source=tass&role=speaker")
      .expect(200);
    expect(keys(res)).toEqual(["tass-gift-drones", "tass-gift-armour-fabric"]);
  });

  it("searches quote and gloss", async () => {
    expect(keys(await request(seeded.app()).get("/api/claims?q=Geran-25").expect(200))).toEqual(["tass-gift-drones"]);
    expect(
      keys(
        await request(seeded.app())
          .get(`/api/claims?q=${encodeURIComponent("ทรงพลังมากที่สุดในโลก")}`)
          .expect(200),
      ),
    ).toEqual(["shoigu-praise-kp-army"]);
  });

  it("pages through every claim exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await request(seeded.app())
        .get(`/api/claims?limit=10${cursor ? `&cursor=${cursor}` : ""}`)
        .expect(200);
      seen.push(...keys(res));
      cursor = res.body.page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(34);
    expect(new Set(seen).size).toBe(34);
  });

  it("400s bad filters and a forged cursor, naming each field", async () => {
    const res = await request(seeded.app()).get("/api/claims?kind=rumour&role=boss&limit=0&cursor=%21%21").expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "query.role",
      "query.kind",
      "query.limit",
      "query.cursor",
    ]);
    expect(res.body.error.details[0].message).toBe(
      'Invalid option: expected one of "speaker"|"reporter"|"relay"|"publisher"|"any"',
    );
  });

  it("says which body type a route reads when a form is sent", async () => {
    const res = await request(seeded.app()).post("/api/extract").type("form").send("text=hello").expect(400);
    expect(res.body.error.details).toEqual([
      {
        path: "body",
        code: "unsupported_body",
        message: "is application/x-www-form-urlencoded; send it as application/json",
      },
    ]);
  });

  it("400s a parameter given twice", async () => {
    const res = await request(seeded.app()).get("/api/claims?kind=denial&kind=report").expect(400);
    expect(res.body.error.details[0].path).toBe("query.kind");
  });
});

describe("GET /api/claims/:id", () => {
  it("gives the claim's chain and its relations both ways", async () => {
    const id = await seeded.claimId("peskov-denial-military-agreement");
    const res = await request(seeded.app()).get(`/api/claims/${id}`).expect(200);
    const claim = res.body.data;
    expect(claim).toMatchObject({
      key: "peskov-denial-military-agreement",
      kind: "denial",
      cue: "ปฏิเสธว่า",
      hedged: false,
      speaker: { slug: "dmitry-peskov" },
      stances: [{ proposition: "ru-kp-military-agreement", stance: "denies" }],
    });
    expect(claim.chains.map((c: { text: string }) => c.text)).toEqual(["Dmitry Peskov → InfoQuest"]);
    expect(
      claim.relations.map((r: { type: string; direction: string; other: { key: string } }) => [
        r.type,
        r.direction,
        r.other.key,
      ]),
    ).toEqual([
      ["contradicts", "outgoing", "kyodo-military-cooperation-aim"],
      ["contradicts", "outgoing", "kcna-strategic-tactical-cooperation"],
      ["qualifies", "incoming", "tass-gift-drones"],
    ]);
  });

  it("404s an unknown id and 400s one that is not a number", async () => {
    await request(seeded.app()).get("/api/claims/999999").expect(404);
    const res = await request(seeded.app()).get("/api/claims/abc").expect(400);
    expect(res.body.error.details[0].path).toBe("params.id");
  });
});
