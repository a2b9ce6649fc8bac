import { describe, expect, it } from "vitest";
import {
  articleHasRelations,
  contradictionWhere,
  findContradictingClaimIds,
  findContradictionPage,
  findRelationsBetween,
  relationSummarySelect,
} from "../../src/domain/relations/relationRepository.js";
import type { ContradictionFilters } from "../../src/domain/relations/relationView.js";
import { useSeededApp } from "../support/seededApp.js";

const { testDb, claimId } = useSeededApp();

describe("findContradictionPage", () => {
  // A source's contradictions are found by walking the relations (a common source) or from its
  // links (a rare one): the seeded sources are all rare, so each way is forced in turn.
  it.each([
    ["by the source's links", Number.POSITIVE_INFINITY],
    ["by walking the relations", 0],
  ])(
    "selects the same contradictions, in the same order, as the ORM's filters, page after page (%s)",
    async (_, walkedSourceLinks) => {
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
        for (const [afterId, take] of [
          [0, 100],
          [0, 2],
          [3, 2],
        ] as const) {
          const expected = await db.relation.findMany({
            where: { ...contradictionWhere(filters), id: { gt: afterId } },
            select: relationSummarySelect,
            orderBy: { id: "asc" },
            take,
          });
          expect({
            filters,
            afterId,
            rows: await findContradictionPage(db, filters, afterId, take, { walkedSourceLinks }),
          }).toEqual({
            filters,
            afterId,
            rows: expected,
          });
          if (afterId === 0 && take === 100 && expected.length > 0) nonEmpty++;
        }
      }
      expect(nonEmpty).toBeGreaterThanOrEqual(5);
    },
  );
});

describe("findRelationsBetween", () => {
  it("returns every relation between two claims either way round, in id order", async () => {
    const db = testDb().db;
    const relations = await db.relation.findMany({ select: { fromClaimId: true, toClaimId: true }, take: 5 });
    expect(relations.length).toBeGreaterThan(0);
    for (const { fromClaimId: a, toClaimId: b } of relations) {
      const expected = await db.relation.findMany({
        where: {
          OR: [
            { fromClaimId: a, toClaimId: b },
            { fromClaimId: b, toClaimId: a },
          ],
        },
        select: relationSummarySelect,
        orderBy: { id: "asc" },
      });
      expect(await findRelationsBetween(db, b, a)).toEqual(expected);
    }
    expect(await findRelationsBetween(db, 999_998, 999_999)).toEqual([]);
  });
});

describe("findContradictingClaimIds", () => {
  it("lists, either way round, the claims in a contradiction that is not dismissed, and nothing for supports", async () => {
    const db = testDb().db;
    const peskov = await claimId("peskov-denial-military-agreement");
    const contradictions = await db.relation.findMany({
      where: { type: "contradicts", OR: [{ fromClaimId: peskov }, { toClaimId: peskov }] },
      select: { id: true, fromClaimId: true, toClaimId: true },
      orderBy: { id: "asc" },
    });
    const others = contradictions
      .map((r) => (r.fromClaimId === peskov ? r.toClaimId : r.fromClaimId))
      .sort((a, b) => a - b);
    expect(others.length).toBe(2);
    const supporting = await db.relation.findFirstOrThrow({
      where: { type: "supports" },
      select: { fromClaimId: true },
    });
    const found = await findContradictingClaimIds(db, [peskov, others[0]!, supporting.fromClaimId, 999_999]);
    expect(found.get(peskov)).toEqual(others);
    expect(found.get(others[0]!)).toContain(peskov);
    expect(found.has(999_999)).toBe(false);
    const supporter = supporting.fromClaimId;
    const supporterContradictions = await db.relation.findMany({
      where: {
        type: "contradicts",
        status: { not: "dismissed" },
        OR: [{ fromClaimId: supporter }, { toClaimId: supporter }],
      },
      select: { fromClaimId: true, toClaimId: true },
    });
    const expectedForSupporter = supporterContradictions
      .map((r) => (r.fromClaimId === supporter ? r.toClaimId : r.fromClaimId))
      .sort((a, b) => a - b);
    expect(found.get(supporter)).toEqual(expectedForSupporter.length === 0 ? undefined : expectedForSupporter);

    await db.relation.update({ where: { id: contradictions[0]!.id }, data: { status: "dismissed" } });
    const dismissedOther =
      contradictions[0]!.fromClaimId === peskov ? contradictions[0]!.toClaimId : contradictions[0]!.fromClaimId;
    expect((await findContradictingClaimIds(db, [peskov])).get(peskov)).toEqual(
      others.filter((id) => id !== dismissedOther),
    );
    await db.relation.update({ where: { id: contradictions[0]!.id }, data: { status: "proposed" } });
  });
});

describe("articleHasRelations", () => {
  it("is true for an article whose claims take part in a relation, false for an article with none", async () => {
    const db = testDb().db;
    const seeded = await db.article.findFirstOrThrow({ select: { id: true } });
    expect(await articleHasRelations(db, seeded.id)).toBe(true);
    expect(await articleHasRelations(db, 999_999)).toBe(false);
  });
});
