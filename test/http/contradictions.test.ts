import request from "supertest";
import { describe, expect, it } from "vitest";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();
const PESKOV = "peskov-denial-military-agreement";
const KYODO = "kyodo-military-cooperation-aim";
const KCNA = "kcna-strategic-tactical-cooperation";

describe("GET /api/contradictions", () => {
  it("lists each contradiction with both sides summarised", async () => {
    const res = await request(seeded.app()).get("/api/contradictions").expect(200);
    expect(res.body.data.map((c: { sides: { key: string }[] }) => c.sides.map((s) => s.key))).toEqual([
      [PESKOV, KYODO],
      [PESKOV, KCNA],
    ]);
    expect(res.body.data[0].sides[1]).toMatchObject({
      speaker: { slug: "kyodo-sources-close-to-russian-officials", kind: "anonymous" },
      chain: "Sources close to Russian officials (cited by Kyodo) → Kyodo News → InfoQuest",
    });
    expect(res.body.data[0]).toMatchObject({ type: "contradicts", status: "proposed", origin: "curated", version: 1 });
  });

  it("filters by a source anywhere in either chain, and by status", async () => {
    const kyodo = await request(seeded.app()).get("/api/contradictions?source=kyodo").expect(200);
    expect(kyodo.body.data.map((c: { sides: { key: string }[] }) => c.sides[1]!.key)).toEqual([KYODO]);
    const peskov = await request(seeded.app())
      .get("/api/contradictions?source=dmitry-peskov&status=proposed")
      .expect(200);
    expect(peskov.body.data).toHaveLength(2);
    const confirmed = await request(seeded.app()).get("/api/contradictions?status=confirmed").expect(200);
    expect(confirmed.body.data).toEqual([]);
  });

  it("400s an unknown status", async () => {
    const res = await request(seeded.app()).get("/api/contradictions?status=maybe").expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(["query.status"]);
  });
});

describe("GET /api/contradictions/:id", () => {
  it("compares Peskov's denial with Kyodo's report side by side", async () => {
    const list = await request(seeded.app()).get("/api/contradictions?source=kyodo").expect(200);
    const res = await request(seeded.app()).get(`/api/contradictions/${list.body.data[0].id}`).expect(200);
    const { comparison } = res.body.data;
    expect(res.body.data.rationale).toContain("สวนทางกับ");
    expect(comparison.a.claim.quote).toBe(
      "รัสเซียไม่ได้มีการลงนามในข้อตกลงทางทหารกับเกาหลีเหนือแต่อย่างใดในระหว่างที่นายคิมเดินทางเยือนรัสเซีย",
    );
    expect(comparison.b.claim.quote).toBe(
      "การสนทนากันครั้งนี้มีวัตถุประสงค์เพื่อขยายความร่วมมือด้านการทหาร เพื่อส่งความช่วยเหลือรัสเซียในการรุกรานยูเครน",
    );
    expect(comparison.a).toMatchObject({ hopDistance: 1, throughStateMedia: false, throughAnonymous: false });
    expect(comparison.b).toMatchObject({ hopDistance: 2, throughStateMedia: false, throughAnonymous: true });
    expect(comparison.a.claim.chains[0].text).toBe("Dmitry Peskov → InfoQuest");
    expect(
      comparison.b.claim.chains[0].links.map(
        (l: { source: { slug: string }; role: string }) => `${l.source.slug}:${l.role}`,
      ),
    ).toEqual(["kyodo-sources-close-to-russian-officials:speaker", "kyodo:reporter", "infoquest:publisher"]);
    expect(comparison.shared).toEqual({
      sources: [{ slug: "infoquest", name: "InfoQuest", kind: "publisher", country: "TH", stateControlled: false }],
      sameSpeaker: false,
      sameArticle: true,
    });
  });

  it("404s an id that is not a contradiction", async () => {
    const supports = await seeded
      .testDb()
      .db.relation.findFirstOrThrow({ where: { type: "supports" }, select: { id: true } });
    const res = await request(seeded.app()).get(`/api/contradictions/${supports.id}`).expect(404);
    expect(res.body.error.code).toBe("not_found");
  });
});

describe("GET /api/compare", () => {
  it("shows KCNA's report running through state media, with its date", async () => {
    const [a, b] = [await seeded.claimId(PESKOV), await seeded.claimId(KCNA)];
    const res = await request(seeded.app()).get(`/api/compare?a=${a}&b=${b}`).expect(200);
    expect(res.body.data.b).toMatchObject({ hopDistance: 1, throughStateMedia: true, throughAnonymous: false });
    expect(res.body.data.b.claim.statedOn).toBe("2023-09-16");
    expect(res.body.data.relations.map((r: { type: string; fromClaimId: number }) => [r.type, r.fromClaimId])).toEqual([
      ["contradicts", a],
    ]);
  });

  it("compares two unrelated claims with no relation", async () => {
    const [a, b] = [await seeded.claimId("tass-gift-armour-fabric"), await seeded.claimId("peskov-visit-format")];
    const res = await request(seeded.app()).get(`/api/compare?a=${a}&b=${b}`).expect(200);
    expect(res.body.data.relations).toEqual([]);
  });

  it("400s a missing side, 422s one claim twice and 404s an unknown claim", async () => {
    const missing = await request(seeded.app()).get("/api/compare?a=25").expect(400);
    expect(missing.body.error.details).toEqual([{ path: "query.b", code: "invalid_type", message: "is required" }]);
    const same = await request(seeded.app()).get("/api/compare?a=1&b=1").expect(422);
    expect(same.body.error.code).toBe("same_claim");
    expect(same.body.error.details).toEqual([
      { path: "b", code: "same_claim", message: "must be another claim than a" },
    ]);
    const unknown = await request(seeded.app()).get("/api/compare?a=1&b=99999").expect(404);
    expect(unknown.body.error.message).toBe('claim "99999" was not found');
  });
});
