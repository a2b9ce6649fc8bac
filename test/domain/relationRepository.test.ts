import { describe, expect, it } from "vitest";
import { relationSummarySelect } from "../../src/domain/contradictions/compareClaims.js";
import { contradictionWhere, type ContradictionFilters } from "../../src/domain/contradictions/contradictionService.js";
import { findContradictionPage, findRelationsBetween } from "../../src/domain/contradictions/relationRepository.js";
import { useSeededApp } from "../support/seededApp.js";

const { testDb } = useSeededApp();

describe("findContradictionPage", () => {
  it("selects the same contradictions, in the same order, as the ORM's filters, page after page", async () => {
    const db = testDb().db;
    const topic = (await db.topic.findFirstOrThrow({ select: { slug: true } })).slug;
    const article = (await db.article.findFirstOrThrow({ select: { slug: true } })).slug;
    const combinations: ContradictionFilters[] = [
      {},
      { status: "proposed" },
      { status: "confirmed" },
      { source: "infoquest" },
      { source: "yonhap", status: "proposed" },
      { source: "dmitry-peskov" },
      { source: "no-such-source" },
      { topic },
      { topic: "no-such-topic" },
      { article },
      { article, topic, source: "infoquest" },
    ];
    let nonEmpty = 0;
    for (const filters of combinations) {
      for (const [afterId, take] of [[0, 100], [0, 2], [3, 2]] as const) {
        const expected = await db.relation.findMany({
          where: { ...contradictionWhere(filters), id: { gt: afterId } },
          select: relationSummarySelect,
          orderBy: { id: "asc" },
          take,
        });
        expect({ filters, afterId, rows: await findContradictionPage(db, filters, afterId, take) }).toEqual({ filters, afterId, rows: expected });
        if (afterId === 0 && take === 100 && expected.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(5);
  });
});

describe("findRelationsBetween", () => {
  it("returns every relation between two claims either way round, in id order", async () => {
    const db = testDb().db;
    const relations = await db.relation.findMany({ select: { fromClaimId: true, toClaimId: true }, take: 5 });
    expect(relations.length).toBeGreaterThan(0);
    for (const { fromClaimId: a, toClaimId: b } of relations) {
      const expected = await db.relation.findMany({
        where: { OR: [{ fromClaimId: a, toClaimId: b }, { fromClaimId: b, toClaimId: a }] },
        select: relationSummarySelect,
        orderBy: { id: "asc" },
      });
      expect(await findRelationsBetween(db, b, a)).toEqual(expected);
    }
    expect(await findRelationsBetween(db, 999_998, 999_999)).toEqual([]);
  });
});
