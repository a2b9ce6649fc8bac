import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { ClaimSheetInput } from "../../src/domain/sheets/claimSheet.js";
import { importClaimSheets } from "../../src/domain/sheets/importClaimSheet.js";
import { AppError } from "../../src/errors.js";
import { countRows } from "../support/counts.js";
import { SMALL_BODY, smallSheet } from "../support/sheets.js";
import { createTestDb, emptyDatabase } from "../support/testDb.js";

const testDb = createTestDb();
const { db } = testDb;
afterAll(() => testDb.close());

beforeEach(() => emptyDatabase(db));

/** The small sheet as article `n`: its own slug and body (the spans stay where they were). */
function sheetNumber(n: number): ClaimSheetInput {
  const sheet = smallSheet(`article-${n}`);
  sheet.article.body = `${SMALL_BODY} (${n})`;
  return sheet;
}

async function contradictions() {
  const rows = await db.relation.findMany({
    where: { type: "contradicts" },
    orderBy: { id: "asc" },
    select: {
      origin: true,
      rationale: true,
      fromClaim: { select: { key: true, article: { select: { slug: true } } } },
      toClaim: { select: { key: true, article: { select: { slug: true } } } },
      events: { select: { actor: true, toStatus: true, note: true } },
    },
  });
  return rows.map((r) => ({
    pair: `${r.fromClaim.article.slug}/${r.fromClaim.key} -> ${r.toClaim.article.slug}/${r.toClaim.key}`,
    origin: r.origin,
    rationale: r.rationale,
    events: r.events,
  }));
}

const DERIVED_EVENT = [{ actor: "claim-sheet import", toStatus: "proposed", note: "derived from opposite stances" }];
const RATIONALE =
  'Dmitry Peskov denies and Sources cited by Kyodo asserts: "The two sides agreed on military cooperation"';

describe("importClaimSheets, many sheets in one call", () => {
  it("writes nothing when the last of many sheets is invalid, and says which", async () => {
    await importClaimSheets(db, [sheetNumber(0)]);
    const before = await countRows(db);
    const sheets = Array.from({ length: 40 }, (_, i) => sheetNumber(i + 1));
    sheets[39]!.claims[2]!.start += 1;
    const error = await importClaimSheets(db, sheets).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toEqual([
      {
        path: "[39].claims[2].quote",
        code: "quote_not_at_offsets",
        message: expect.stringMatching(/^quote is not at \d+-\d+: it occurs at \d+$/),
      },
    ]);
    expect(await countRows(db)).toEqual(before);
  });

  it("gives claims ids in sheet order across the sheets, and reports each sheet", async () => {
    const results = await importClaimSheets(db, [sheetNumber(1), sheetNumber(2), sheetNumber(3)]);
    expect(results.map((r) => [r.articleSlug, r.status, r.claims, r.derivedContradictions])).toEqual([
      ["article-1", "created", 3, 1],
      ["article-2", "created", 3, 3],
      ["article-3", "created", 3, 5],
    ]);
    const claims = await db.claim.findMany({
      orderBy: { id: "asc" },
      select: { key: true, article: { select: { slug: true } } },
    });
    expect(claims.map((c) => `${c.article.slug}/${c.key}`)).toEqual(
      [1, 2, 3].flatMap((n) =>
        ["peskov-denial", "kyodo-report", "publisher-framing"].map((key) => `article-${n}/${key}`),
      ),
    );
    expect(await countRows(db)).toEqual({
      articles: 3,
      sources: 5,
      sourceNames: 4,
      claims: 9,
      links: 18,
      topics: 2,
      propositions: 1,
      stances: 6,
      relations: 3 + 9,
      events: 3 + 9,
    });
  });

  it("derives contradictions between new stances and stored ones on the same proposition, each pair once", async () => {
    await importClaimSheets(db, sheetNumber(1));
    const second = sheetNumber(2);
    second.relations!.push({
      from: "article-1/publisher-framing",
      to: "kyodo-report",
      type: "contradicts",
      rationale: "curated across articles",
    });
    const [result] = await importClaimSheets(db, [second]);
    expect(result!.derivedContradictions).toBe(3);
    expect(await contradictions()).toEqual([
      {
        pair: "article-1/peskov-denial -> article-1/kyodo-report",
        origin: "derived",
        rationale: RATIONALE,
        events: DERIVED_EVENT,
      },
      {
        pair: "article-1/publisher-framing -> article-2/kyodo-report",
        origin: "curated",
        rationale: "curated across articles",
        events: [{ actor: "claim-sheet import", toStatus: "proposed", note: "imported from claim sheet" }],
      },
      // A stored stance against a new one, the reverse, then the new sheet's own pair; the stored
      // pair is not proposed again.
      {
        pair: "article-1/peskov-denial -> article-2/kyodo-report",
        origin: "derived",
        rationale: RATIONALE,
        events: DERIVED_EVENT,
      },
      {
        pair: "article-2/peskov-denial -> article-1/kyodo-report",
        origin: "derived",
        rationale: RATIONALE,
        events: DERIVED_EVENT,
      },
      {
        pair: "article-2/peskov-denial -> article-2/kyodo-report",
        origin: "derived",
        rationale: RATIONALE,
        events: DERIVED_EVENT,
      },
    ]);
  });

  it("derives against a stored stance when the new sheet's claim is the only one on the proposition", async () => {
    await importClaimSheets(db, sheetNumber(1));
    const lone = sheetNumber(2);
    lone.claims = lone.claims.filter((c) => c.key === "peskov-denial");
    lone.claims[0]!.chains = [
      [
        { source: "kremlin", role: "speaker" },
        { source: "test-wire", role: "publisher" },
      ],
    ];
    lone.relations = [];
    const [result] = await importClaimSheets(db, lone);
    expect(result!.derivedContradictions).toBe(1);
    expect((await contradictions()).slice(1)).toEqual([
      {
        pair: "article-2/peskov-denial -> article-1/kyodo-report",
        origin: "derived",
        rationale:
          'The Kremlin denies and Sources cited by Kyodo asserts: "The two sides agreed on military cooperation"',
        events: DERIVED_EVENT,
      },
    ]);
  });
});
