import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/domain/access/tokenService.js";
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

  it("puts stored-claim candidates in the sheet as proposed relations, so importing it as-is stores them", async () => {
    const res = await request(seeded.app())
      .post("/api/extract")
      .send({ text: TEXT, publisher: "infoquest", title: "ทดสอบการนำเข้า" })
      .expect(200);
    const { sheet, proposals } = res.body.data;
    const ref = "infoquest-kim-putin-2023-09-20/peskov-denial-military-agreement";
    const relation = sheet.relations.find((r: { to: string }) => r.to === ref);
    expect(relation).toMatchObject({ from: "c1", type: "contradicts", status: "proposed" });
    expect(relation.rationale).toMatch(
      /^rule stored_opposite_stance: c1 asserts what stored claim .* denies; evidence: /,
    );
    expect(proposals.relations).toContainEqual(
      expect.objectContaining({ from: "c1", to: ref, type: "contradicts", rule: "stored_opposite_stance" }),
    );
    const { token } = await createApiToken(seeded.testDb().db, { name: "extract import", role: "reviewer" });
    await request(seeded.app()).post("/api/articles").set("Authorization", `Bearer ${token}`).send(sheet).expect(201);
    const stored = await seeded.testDb().db.relation.findMany({
      where: { fromClaim: { article: { slug: sheet.article.slug } } },
      select: { type: true, status: true, toClaim: { select: { key: true } } },
    });
    expect(stored).toContainEqual({
      type: "contradicts",
      status: "proposed",
      toClaim: { key: "peskov-denial-military-agreement" },
    });
  });

  it("proposes supports, 'same statement relayed', when another article reports a stored speaker's same statement", async () => {
    const relayed =
      "สำนักข่าวทาสส์รายงานว่า นายดมิทรี เพสคอฟ โฆษกทำเนียบเครมลิน ปฏิเสธว่า รัสเซียไม่ได้มีการลงนามในข้อตกลงทางทหารกับเกาหลีเหนือแต่อย่างใดในระหว่างที่นายคิมเดินทางเยือนรัสเซีย";
    const res = await request(seeded.app())
      .post("/api/extract")
      .send({ text: relayed, publisher: "infoquest" })
      .expect(200);
    const supports = res.body.data.sheet.relations.filter((r: { type: string }) => r.type === "supports");
    expect(supports).toEqual([
      expect.objectContaining({
        from: "c1",
        to: "infoquest-kim-putin-2023-09-20/peskov-denial-military-agreement",
        status: "proposed",
      }),
    ]);
    expect(supports[0].rationale).toContain("same statement relayed");
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
