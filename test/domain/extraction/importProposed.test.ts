import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApiToken } from "../../../src/domain/access/tokenService.js";
import { useSeededApp } from "../../support/seededApp.js";

const seeded = useSeededApp();

describe("an extracted sheet with proposition-level stances (pattern 10)", () => {
  it("imports as is: the candidate is stored once, not again as a derived contradiction", async () => {
    const res = await request(seeded.app())
      .post("/api/extract")
      .send({
        text: "Radio Pemba reported that the mill would close. The owners denied the report, saying the mill was hiring.",
        publisher: "infoquest",
        title: "Mill rumour",
        language: "en",
      })
      .expect(200);
    const { sheet } = res.body.data;
    expect(sheet.propositions).toHaveLength(1);
    const { token } = await createApiToken(seeded.testDb().db, { name: "proposition import", role: "reviewer" });
    await request(seeded.app()).post("/api/articles").set("Authorization", `Bearer ${token}`).send(sheet).expect(201);
    const db = seeded.testDb().db;
    const relations = await db.relation.findMany({
      where: { fromClaim: { article: { slug: sheet.article.slug } } },
      select: { type: true, origin: true, fromClaim: { select: { key: true } }, toClaim: { select: { key: true } } },
    });
    expect(relations).toEqual([
      { type: "contradicts", origin: "curated", fromClaim: { key: "c2" }, toClaim: { key: "c1" } },
    ]);
    const stances = await db.claimStance.findMany({
      where: { claim: { article: { slug: sheet.article.slug } } },
      select: { stance: true, claim: { select: { key: true } }, proposition: { select: { key: true } } },
      orderBy: { claim: { key: "asc" } },
    });
    expect(stances).toEqual([
      { stance: "asserts", claim: { key: "c1" }, proposition: { key: `${sheet.article.slug}.c1` } },
      { stance: "denies", claim: { key: "c2" }, proposition: { key: `${sheet.article.slug}.c1` } },
    ]);
  });
});
