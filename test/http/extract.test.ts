import request from "supertest";
import { describe, expect, it } from "vitest";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();
const TEXT = "สำนักข่าวยอนฮัปรายงานว่า รัสเซียได้ลงนามในข้อตกลงทางทหารกับเกาหลีเหนือในระหว่างที่นายคิมเดินทางเยือนรัสเซีย";

describe("POST /api/extract", () => {
  it("proposes a claim sheet, recognising stored sources by their Thai names", async () => {
    const res = await request(seeded.app())
      .post("/api/extract")
      .send({ text: TEXT, publisher: "infoquest", title: "ทดสอบ" })
      .expect(200);
    const { sheet, proposals } = res.body.data;
    expect(sheet.format).toBe("claimtrail/claim-sheet@1");
    expect(sheet.article).toMatchObject({ title: "ทดสอบ", publisher: "infoquest", language: "th", body: TEXT });
    expect(sheet.sources).toEqual([]);
    expect(sheet.claims).toHaveLength(1);
    expect(sheet.claims[0]).toMatchObject({
      key: "c1",
      quote: "รัสเซียได้ลงนามในข้อตกลงทางทหารกับเกาหลีเหนือในระหว่างที่นายคิมเดินทางเยือนรัสเซีย",
      start: 25,
      cue: "รายงานว่า",
      kind: "report",
      chains: [
        [
          { source: "yonhap", role: "speaker" },
          { source: "infoquest", role: "publisher" },
        ],
      ],
    });
    expect(proposals.claims[0]).toMatchObject({
      key: "c1",
      status: "proposed",
      stance: "asserts",
      speaker: { slug: "yonhap", known: true },
      cueStart: 15,
      cueEnd: 24,
    });
  });

  it("proposes contradictions with stored claims: a new assertion against a stored denial", async () => {
    const res = await request(seeded.app())
      .post("/api/extract")
      .send({ text: TEXT, publisher: "infoquest" })
      .expect(200);
    const stored = res.body.data.storedContradictions;
    expect(
      stored.map((s: { claim: string; speaker: string; articleSlug: string }) => [s.claim, s.speaker, s.articleSlug]),
    ).toContainEqual(["c1", "dmitry-peskov", "infoquest-kim-putin-2023-09-20"]);
  });

  it("400s a missing text, an unknown language and an unknown field", async () => {
    const res = await request(seeded.app()).post("/api/extract").send({ language: "fr", extra: 1 }).expect(400);
    expect(res.body.error.code).toBe("validation_error");
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "body",
      "body.language",
      "body.text",
    ]);
  });

  it("400s a publisher that is not a slug", async () => {
    const res = await request(seeded.app())
      .post("/api/extract")
      .send({ text: TEXT, publisher: "Info Quest" })
      .expect(400);
    expect(res.body.error.details).toEqual([
      {
        path: "body.publisher",
        code: "invalid_format",
        message: "must be lowercase letters, digits and single hyphens",
      },
    ]);
  });
});
