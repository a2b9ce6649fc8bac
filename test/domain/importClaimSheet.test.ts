import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { AppError } from "../../src/errors.js";
import { smallSheet } from "../support/sheets.js";
import { createTestDb, emptyDatabase } from "../support/testDb.js";

const testDb = createTestDb();
const { db } = testDb;
afterAll(() => testDb.close());

async function counts() {
  const [articles, sources, claims, links, relations, events] = await Promise.all([
    db.article.count(),
    db.source.count(),
    db.claim.count(),
    db.attributionLink.count(),
    db.relation.count(),
    db.relationEvent.count(),
  ]);
  return { articles, sources, claims, links, relations, events };
}

async function rejection(input: unknown): Promise<AppError> {
  try {
    await importClaimSheet(db, input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the import was expected to fail");
}

describe("importClaimSheet", () => {
  beforeEach(() => emptyDatabase(db));

  it("writes the article, sources, claims, chains, curated and derived relations with their first event", async () => {
    const result = await importClaimSheet(db, smallSheet());
    expect(result).toEqual({
      articleSlug: "small-article",
      status: "created",
      claims: 3,
      sources: 5,
      relations: 1,
      derivedContradictions: 1,
    });
    expect(await counts()).toEqual({ articles: 1, sources: 5, claims: 3, links: 6, relations: 2, events: 2 });
    const derived = await db.relation.findFirstOrThrow({
      where: { origin: "derived" },
      select: {
        type: true,
        status: true,
        rationale: true,
        fromClaim: { select: { key: true } },
        toClaim: { select: { key: true } },
      },
    });
    expect(derived).toEqual({
      type: "contradicts",
      status: "proposed",
      rationale:
        'Dmitry Peskov denies and Sources cited by Kyodo asserts: "The two sides agreed on military cooperation"',
      fromClaim: { key: "peskov-denial" },
      toClaim: { key: "kyodo-report" },
    });
    const peskov = await db.source.findUniqueOrThrow({
      where: { slug: "peskov" },
      select: { affiliation: { select: { slug: true } } },
    });
    expect(peskov.affiliation?.slug).toBe("kremlin");
  });

  it("reports an article already stored with the same body instead of duplicating it", async () => {
    await importClaimSheet(db, smallSheet());
    const before = await counts();
    const again = await importClaimSheet(db, smallSheet("another-slug"));
    expect(again).toMatchObject({ articleSlug: "small-article", status: "already_present", claims: 3 });
    expect(await counts()).toEqual(before);
  });

  it("refuses a sheet with problems, lists every one, and writes nothing", async () => {
    await importClaimSheet(db, smallSheet());
    const before = await counts();
    const sheet = smallSheet("second");
    sheet.article.body += " เพิ่ม";
    sheet.claims[0]!.start += 2;
    sheet.claims[1]!.chains[0]![1]!.source = "unknown-wire";
    const error = await rejection(sheet);
    expect(error.status).toBe(422);
    expect(error.code).toBe("invalid_claim_sheet");
    expect((error.details as { path: string; code: string }[]).map((d) => `${d.path} ${d.code}`)).toEqual([
      "claims[0].quote quote_not_at_offsets",
      "claims[1].chains[0][1].source unknown_source",
    ]);
    expect(await counts()).toEqual(before);
  });

  it("reports shape errors by path", async () => {
    const sheet = smallSheet() as Record<string, unknown> & ReturnType<typeof smallSheet>;
    (sheet.claims[0] as Record<string, unknown>).kind = "rumour";
    (sheet.article as Record<string, unknown>).publishedAt = "20 Sept 2023";
    const error = await rejection(sheet);
    expect((error.details as { path: string }[]).map((d) => d.path)).toEqual(["article.publishedAt", "claims[0].kind"]);
    expect(await counts()).toEqual({ articles: 0, sources: 0, claims: 0, links: 0, relations: 0, events: 0 });
  });

  it("refuses a slug already used by another article", async () => {
    await importClaimSheet(db, smallSheet());
    const sheet = smallSheet();
    sheet.article.body += " ต่อ";
    const error = await rejection(sheet);
    expect(error.details).toEqual([
      {
        path: "article.slug",
        code: "slug_taken",
        message:
          'article "small-article" exists with another body; import with update to store this one as its new version',
      },
    ]);
  });

  it("keeps stored sources and links a second article's claims to them", async () => {
    await importClaimSheet(db, smallSheet());
    const second = smallSheet("second");
    second.article.body = `${second.article.body} ข่าวที่สอง`;
    second.sources = second.sources.filter((s) => s.slug === "test-wire");
    second.relations = [];
    second.claims = [second.claims[0]!];
    const result = await importClaimSheet(db, second);
    expect(result).toMatchObject({ status: "created", claims: 1, derivedContradictions: 1 });
    expect(await db.source.count()).toBe(5);
    expect(await db.claim.count({ where: { links: { some: { source: { slug: "peskov" } } } } })).toBe(2);
  });
});
