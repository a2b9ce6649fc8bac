import { describe, expect, it } from "vitest";
import type { ClaimFilters } from "../../src/domain/claims/claimFilters.js";
import {
  claimSelect,
  claimWhere,
  findClaimIdPage,
  findClaimPage,
  findClaimRows,
} from "../../src/domain/claims/claimRepository.js";

import { useSeededApp } from "../support/seededApp.js";

const { testDb } = useSeededApp();

/** What Prisma's where clause selects: the reference the hand-written page query must match. */
async function prismaIds(filters: ClaimFilters, afterId: number, take: number): Promise<number[]> {
  const rows = await testDb().db.claim.findMany({
    where: { ...claimWhere(filters), id: { gt: afterId } },
    select: { id: true },
    orderBy: { id: "asc" },
    take,
  });
  return rows.map((row) => row.id);
}

describe("findClaimIdPage", () => {
  const combinations: Omit<ClaimFilters, "q">[] = [
    {},
    { kind: "statement" },
    { source: "infoquest" },
    { source: "infoquest", role: "publisher" },
    { source: "infoquest", role: "speaker" },
    { source: "yonhap", role: "relay" },
    { source: "yonhap", kind: "report" },
    { source: "no-such-source" },
    { topic: "no-such-topic" },
  ];

  it("selects the same claims, in the same order, as the ORM's filters, page after page", async () => {
    const db = testDb().db;
    const topics = await db.topic.findMany({ select: { slug: true }, take: 3 });
    const articles = await db.article.findMany({ select: { slug: true } });
    const all = [
      ...combinations,
      ...topics.flatMap((t) => [
        { topic: t.slug },
        { topic: t.slug, kind: "statement" as const },
        { topic: t.slug, source: "infoquest" },
      ]),
      ...articles.flatMap((a) => [{ article: a.slug }, { article: a.slug, topic: topics[0]!.slug }]),
    ];
    let nonEmpty = 0;
    for (const filters of all) {
      for (const [afterId, take] of [
        [0, 100],
        [0, 3],
        [5, 4],
      ] as const) {
        const expected = await prismaIds(filters, afterId, take);
        expect({ filters, afterId, take, ids: await findClaimIdPage(db, filters, afterId, take) }).toEqual({
          filters,
          afterId,
          take,
          ids: expected,
        });
        const page = await findClaimPage(db, filters, afterId, take);
        expect(page.map((row) => row.id)).toEqual(expected);
        expect(page).toEqual(await findClaimRows(db, expected));
      }
      if ((await prismaIds(filters, 0, 100)).length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(8);
  });
});

describe("findClaimRows", () => {
  it("returns the rows Prisma's claim select returns, for existing ids in id order", async () => {
    const db = testDb().db;
    const ids = (await db.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    const expected = await db.claim.findMany({
      where: { id: { in: ids } },
      select: claimSelect,
      orderBy: { id: "asc" },
    });
    const byChain = <T extends { links: { chain: number; position: number }[] }>(row: T) => ({
      ...row,
      links: [...row.links].sort((a, b) => a.chain - b.chain || a.position - b.position),
    });
    expect((await findClaimRows(db, [...ids].reverse().concat(999_999))).map(byChain)).toEqual(expected.map(byChain));
    expect(await findClaimRows(db, [])).toEqual([]);
  });
});
