import { describe, expect, it } from "vitest";
import { claimWhere } from "../../src/domain/claims/claimFilterSql.js";
import type { ClaimFilters } from "../../src/domain/claims/claimFilters.js";
import { claimSelect, findClaimIdPage, findClaimPage, findClaimRows } from "../../src/domain/claims/claimRepository.js";
import { findSearchedClaimIds, scanClaimIds } from "../../src/domain/claims/claimSearchRepository.js";

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

describe("the search's filters", () => {
  it("keep of a query's hits exactly the claims the same filters select, indexed and scanned", async () => {
    const db = testDb().db;
    const topic = (await db.topic.findFirstOrThrow({ select: { slug: true } })).slug;
    const article = (await db.article.findFirstOrThrow({ select: { slug: true } })).slug;
    const filters: Omit<ClaimFilters, "q">[] = [
      { kind: "statement" },
      { source: "infoquest", role: "publisher" },
      { source: "yonhap" },
      { topic },
      { article, kind: "report" },
      { source: "no-such-source" },
    ];
    let kept = 0;
    for (const q of ["Ki", "Kim", "เกาหลี"]) {
      const indexed = q.length >= 3;
      const hits = async (f: Omit<ClaimFilters, "q">) =>
        indexed ? findSearchedClaimIds(db, q, f, 0, 500) : (await scanClaimIds(db, q, f, 0, 500)).ids;
      const all = await hits({});
      expect(all.length).toBeGreaterThan(0);
      for (const f of filters) {
        const selected = new Set(await prismaIds(f, 0, 1000));
        const expected = all.filter((id) => selected.has(id));
        expect({ q, f, ids: await hits(f) }).toEqual({ q, f, ids: expected });
        kept += expected.length;
      }
    }
    expect(kept).toBeGreaterThan(5);
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
