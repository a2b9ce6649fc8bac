import request from "supertest";
import { describe, expect, it } from "vitest";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();

describe("GET /api/sources", () => {
  it("counts claims as speaker and anywhere in a chain", async () => {
    const res = await request(seeded.app()).get("/api/sources?limit=100").expect(200);
    const counts = Object.fromEntries(
      res.body.data.map((s: { slug: string; claims: { asSpeaker: number; inChains: number } }) => [s.slug, s.claims]),
    );
    expect(res.body.data).toHaveLength(18);
    expect(counts["dmitry-peskov"]).toEqual({ asSpeaker: 2, inChains: 2 });
    // 15 claims of the body and the headline's are InfoQuest's own; it publishes all 34.
    expect(counts.infoquest).toEqual({ asSpeaker: 16, inChains: 34 });
    expect(counts.yonhap).toEqual({ asSpeaker: 0, inChains: 1 });
    expect(counts.kcbs).toEqual({ asSpeaker: 0, inChains: 1 });
    expect(counts.kyodo).toEqual({ asSpeaker: 0, inChains: 1 });
    expect(counts["victor-cha"]).toEqual({ asSpeaker: 5, inChains: 5 });
    expect(counts["kim-jong-un"]).toEqual({ asSpeaker: 0, inChains: 0 });
  });

  it("filters by kind and pages by cursor", async () => {
    const first = await request(seeded.app()).get("/api/sources?kind=news_agency&limit=2").expect(200);
    expect(first.body.data.map((s: { slug: string }) => s.slug)).toEqual(["kcna", "kyodo"]);
    const second = await request(seeded.app())
      .get(`/api/sources?kind=news_agency&limit=2&cursor=${first.body.page.nextCursor}`)
      .expect(200);
    expect(second.body.data.map((s: { slug: string }) => s.slug)).toEqual(["tass", "yonhap"]);
    expect(second.body.page).toEqual({ limit: 2, nextCursor: null });
  });

  it("400s an unknown kind", async () => {
    const res = await request(seeded.app()).get("/api/sources?kind=blogger").expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(["query.kind"]);
  });
});

describe("GET /api/sources/:slug", () => {
  it("gives names, affiliation and affiliates", async () => {
    const peskov = await request(seeded.app()).get("/api/sources/dmitry-peskov").expect(200);
    expect(peskov.body.data).toMatchObject({
      slug: "dmitry-peskov",
      name: "Dmitry Peskov",
      kind: "official",
      country: "RU",
      stateControlled: false,
      affiliation: { slug: "kremlin" },
      claims: { asSpeaker: 2, inChains: 2 },
    });
    expect(peskov.body.data.names).toContain("นายดมิทรี เพสคอฟ");
    const kremlin = await request(seeded.app()).get("/api/sources/kremlin").expect(200);
    expect(kremlin.body.data.affiliates.map((s: { slug: string }) => s.slug)).toEqual([
      "dmitry-peskov",
      "vladimir-putin",
    ]);
  });

  it("404s an unknown source", async () => {
    await request(seeded.app()).get("/api/sources/nobody").expect(404);
  });
});

describe("GET /api/sources/:slug/claims", () => {
  it("gives Peskov's claims as speaker, the denial among them", async () => {
    const res = await request(seeded.app()).get("/api/sources/dmitry-peskov/claims?role=speaker").expect(200);
    expect(res.body.data.map((c: { key: string; kind: string }) => [c.key, c.kind])).toEqual([
      ["peskov-visit-format", "announcement"],
      ["peskov-denial-military-agreement", "denial"],
    ]);
  });

  it("gives Yonhap's relayed claim: Shoigu's praise, through KCBS", async () => {
    const res = await request(seeded.app()).get("/api/sources/yonhap/claims?role=relay").expect(200);
    expect(res.body.data).toHaveLength(1);
    const [claim] = res.body.data;
    expect(claim.key).toBe("shoigu-praise-kp-army");
    expect(claim.speaker.slug).toBe("sergei-shoigu");
    expect(claim.chains[0].text).toBe(
      "Sergei Shoigu → Korean Central Broadcasting Station → Yonhap News Agency → InfoQuest",
    );
    expect(claim.chains[0].links.map((l: { role: string }) => l.role)).toEqual([
      "speaker",
      "reporter",
      "relay",
      "publisher",
    ]);
    expect(claim.chains[0]).toMatchObject({ hopDistance: 3, throughStateMedia: true, throughAnonymous: false });
    expect(claim.quote).toContain('"ทรงพลังมากที่สุดในโลก"');
  });

  it("finds nothing for Yonhap as speaker, and 404s an unknown source", async () => {
    const res = await request(seeded.app()).get("/api/sources/yonhap/claims?role=speaker").expect(200);
    expect(res.body).toEqual({ data: [], page: { limit: 50, nextCursor: null } });
    await request(seeded.app()).get("/api/sources/nobody/claims").expect(404);
  });
});
