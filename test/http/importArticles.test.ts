import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { createApiToken } from "../../src/domain/access/tokenService.js";
import type { ClaimSheetInput } from "../../src/domain/sheets/claimSheet.js";
import { sheetTestApp } from "../support/app.js";
import { countRows } from "../support/counts.js";
import { englishSheet, spanOf, THAI_BODY, thaiSheet } from "../support/hostileSheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let test: TestDb;
let app: Awaited<ReturnType<typeof sheetTestApp>>;
let before: Awaited<ReturnType<typeof countRows>>;

beforeAll(async () => {
  test = createTestDb();
  app = await sheetTestApp(test.db, 64 * 1024);
  // The English article is stored; the Thai one is what the refused imports try to add.
  await app
    .post("/api/articles")
    .send(englishSheet({ standalone: true }))
    .expect(201);
});

afterAll(() => test.close());

beforeEach(async () => {
  before = await countRows(test.db);
});

/** Posts a sheet that must be refused with 422 and returns its problem list, checking nothing was written. */
async function refused(sheet: unknown): Promise<{ path: string; code: string; message: string }[]> {
  const res = await app
    .post("/api/articles")
    .send(sheet as object)
    .expect(422);
  expect(res.body.error.code).toBe("invalid_claim_sheet");
  expect(res.body.error.message).toBe(
    `the claim sheet has ${res.body.error.details.length} problem(s); nothing was written`,
  );
  expect(await countRows(test.db)).toEqual(before);
  return res.body.error.details;
}

function editThai(edit: (sheet: ClaimSheetInput) => void): ClaimSheetInput {
  const sheet = thaiSheet();
  edit(sheet);
  return sheet;
}

describe("POST /api/articles refuses a sheet, writing nothing, when", () => {
  it("a quote is not at its offsets, and says where it does occur", async () => {
    const { start, end } = spanOf(THAI_BODY, "=ไม่มีการเจรจาเรื่องอาวุธ");
    const details = await refused(
      editThai((s) => {
        s.claims[1]!.start += 1;
        s.claims[1]!.end += 1;
      }),
    );
    expect(details).toEqual([
      {
        path: "claims[1].quote",
        code: "quote_not_at_offsets",
        message: `quote is not at ${start + 1}-${end + 1}: it occurs at ${start}`,
      },
    ]);
  });

  it("a quote does not occur at all", async () => {
    const details = await refused(editThai((s) => (s.claims[0]!.quote = "ไม่มีในข่าว")));
    expect(details).toEqual([
      {
        path: "claims[0].quote",
        code: "quote_not_at_offsets",
        message: "quote is not at 25-67: it does not occur in the body",
      },
    ]);
  });

  it("a chain or an affiliation names an unknown source", async () => {
    const details = await refused(
      editThai((s) => {
        s.claims[0]!.chains[0]![0]!.source = "kcna";
        s.sources[4]!.affiliation = "moscow";
      }),
    );
    expect(details).toEqual([
      { path: "sources[4].affiliation", code: "unknown_source", message: 'unknown source "moscow"' },
      { path: "claims[0].chains[0][0].source", code: "unknown_source", message: 'unknown source "kcna"' },
    ]);
  });

  it("a relation names a missing claim, here or in another article", async () => {
    const details = await refused(
      editThai((s) => {
        s.relations!.push({ from: "c9", to: "c1", type: "supports", rationale: "r" });
        s.relations!.push({ from: "c1", to: "yonhap-test-article/e9", type: "supports", rationale: "r" });
      }),
    );
    expect(details).toEqual([
      { path: "relations[1].from", code: "unknown_claim", message: 'unknown claim "c9"' },
      { path: "relations[2].to", code: "unknown_claim", message: 'unknown claim "yonhap-test-article/e9"' },
    ]);
  });

  it("the publisher is the extractor's placeholder, listed as a source or not", async () => {
    const details = await refused(
      editThai((s) => {
        const old = s.article.publisher;
        const source = s.sources.find((x) => x.slug === old)!;
        source.slug = "unknown-publisher-2";
        s.article.publisher = "unknown-publisher-2";
        for (const claim of s.claims)
          for (const chain of claim.chains)
            for (const link of chain) if (link.source === old) link.source = source.slug;
      }),
    );
    expect(details.filter((d) => d.code.startsWith("placeholder"))).toEqual([
      {
        path: `sources[0].slug`,
        code: "placeholder_source",
        message: '"unknown-publisher-2" is the extractor\'s placeholder: name the real source',
      },
      {
        path: "article.publisher",
        code: "placeholder_publisher",
        message: "the publisher is a placeholder: set the real publisher before import",
      },
    ]);
  });

  it("ids are duplicated: a claim key, a source slug, a proposition key", async () => {
    const details = await refused(
      editThai((s) => {
        s.claims[2]!.key = "c1";
        s.sources.push({ ...s.sources[1]! });
        s.propositions!.push({ key: "arms-talks", text: "again" });
      }),
    );
    expect(details).toEqual([
      { path: "sources[5].slug", code: "duplicate_source", message: 'source "yonhap" is listed twice' },
      {
        path: "propositions[1].key",
        code: "duplicate_proposition",
        message: 'proposition "arms-talks" is listed twice',
      },
      { path: "claims[2].key", code: "duplicate_claim", message: 'claim "c1" is listed twice' },
      { path: "relations[0].from", code: "unknown_claim", message: 'unknown claim "c3"' },
    ]);
  });

  it("dates are bad: not a date, not a date-time with an offset, after publication", async () => {
    const malformed = await refused(
      editThai((s) => {
        s.article.publishedAt = "2023-09-20 12:14";
        s.claims[0]!.statedOn = "2023-02-30";
      }),
    );
    expect(malformed.map((d) => [d.path, d.code])).toEqual([
      ["article.publishedAt", "invalid_format"],
      ["claims[0].statedOn", "invalid_format"],
    ]);
    const late = await refused(editThai((s) => (s.claims[0]!.statedOn = "2023-09-21")));
    expect(late).toEqual([
      {
        path: "claims[0].statedOn",
        code: "stated_after_publication",
        message: "statedOn (2023-09-21) is after the article was published (2023-09-20)",
      },
    ]);
  });

  it("every problem at once, across the sheets of an array, located by sheet", async () => {
    const details = await refused([
      editThai((s) => (s.claims[0]!.kind = "rumour" as never)),
      editThai((s) => {
        s.article.slug = "another";
        s.claims[2]!.chains = [[{ source: "tass", role: "speaker" }]];
      }),
    ]);
    expect(details.map((d) => [d.path, d.code])).toEqual([
      ["[0].claims[0].kind", "invalid_value"],
      ["[1].claims[2].chains[0]", "chain_without_publisher"],
    ]);
  });

  it("the same article comes twice in one array", async () => {
    const details = await refused([thaiSheet(), editThai((s) => (s.article.slug = "thai-copy"))]);
    expect(details).toEqual([
      { path: "[1].article", code: "duplicate_article", message: "the same article as sheet 0" },
    ]);
  });
});

describe("POST /api/articles", () => {
  it("needs a token (401), like every write", async () => {
    const res = await app.anonymousPost("/api/articles").send(thaiSheet()).expect(401);
    expect(res.body.error.code).toBe("unauthorized");
    expect(await countRows(test.db)).toEqual(before);
  });

  it("lets a reviewer add an article but only an admin replace one; a reader neither", async () => {
    const agent = request(buildApp({ config: { bodyLimitBytes: 64 * 1024 }, db: test.db, log: () => {} }));
    const as = async (role: "reader" | "reviewer") =>
      `Bearer ${(await createApiToken(test.db, { name: `import ${role}`, role })).token}`;
    const reader = await as("reader");
    const reviewer = await as("reviewer");
    const refusedRead = await agent.post("/api/articles").set("Authorization", reader).send(thaiSheet()).expect(403);
    expect(refusedRead.body.error.code).toBe("forbidden");
    const refusedUpdate = await agent
      .post("/api/articles?update=true")
      .set("Authorization", reviewer)
      .send(thaiSheet())
      .expect(403);
    expect(refusedUpdate.body.error.code).toBe("forbidden");
    expect(await countRows(test.db)).toEqual(before);
    await agent.post("/api/articles").set("Authorization", reviewer).send(thaiSheet()).expect(201);
    await test.db.article.delete({ where: { slug: "thai-test-article" } });
  });

  it("answers 400 for malformed JSON and 413 over the size limit", async () => {
    const malformed = await app.post("/api/articles").set("Content-Type", "application/json").send("{").expect(400);
    expect(malformed.body.error.code).toBe("malformed_json");
    const big = editThai((s) => (s.article.title = "ก".repeat(70 * 1024)));
    const tooLarge = await app.post("/api/articles").send(big).expect(413);
    expect(tooLarge.body.error).toEqual({
      code: "payload_too_large",
      message: "the request body is larger than the limit of 65536 bytes",
      details: null,
    });
    expect(await countRows(test.db)).toEqual(before);
  });

  it("creates the article with 201, then reports it already present with 200", async () => {
    const created = await app.post("/api/articles").send(thaiSheet()).expect(201);
    expect(created.body.data).toEqual({
      articleSlug: "thai-test-article",
      status: "created",
      claims: 3,
      sources: 5,
      relations: 1,
      derivedContradictions: 2,
    });
    const afterCreate = await countRows(test.db);
    const again = await app.post("/api/articles").send(thaiSheet()).expect(200);
    expect(again.body.data).toMatchObject({ articleSlug: "thai-test-article", status: "already_present", claims: 3 });
    expect(await countRows(test.db)).toEqual(afterCreate);
  });

  it("refuses another body under a stored slug", async () => {
    const details = await refused(editThai((s) => (s.article.slug = "yonhap-test-article")));
    expect(details).toEqual([
      {
        path: "article.slug",
        code: "slug_taken",
        message:
          'article "yonhap-test-article" exists with another body; import with update to store this one as its new version',
      },
    ]);
  });

  it("updates in place with ?update=true, keeping the claims the sheet leaves out", async () => {
    const sheet = editThai((s) => {
      s.article.title = "แก้ไขแล้ว";
      s.claims[0]!.gloss = "updated gloss";
      s.claims.pop();
      s.relations = [];
    });
    const kept = thaiSheet().claims.at(-1)!;
    const res = await app.post("/api/articles?update=true").send(sheet).expect(200);
    expect(res.body.data).toMatchObject({ articleSlug: "thai-test-article", status: "updated", claims: 2 });
    const article = await test.db.article.findUniqueOrThrow({
      where: { slug: "thai-test-article" },
      select: { title: true, claims: { select: { key: true, gloss: true }, orderBy: { id: "asc" } } },
    });
    expect(article).toEqual({
      title: "แก้ไขแล้ว",
      claims: [
        { key: "c1", gloss: "updated gloss" },
        { key: "c2", gloss: "-Peskov denies arms talks" },
        { key: kept.key, gloss: kept.gloss },
      ],
    });
    expect(await test.db.article.count()).toBe(2);
  });

  it("takes JSONL, one sheet per line", async () => {
    const lines = [thaiSheet(), englishSheet({ standalone: true })].map((s) => JSON.stringify(s)).join("\n");
    const res = await app.post("/api/articles").set("Content-Type", "application/jsonl").send(lines).expect(200);
    expect(res.body.data.map((r: { status: string }) => r.status)).toEqual(["already_present", "already_present"]);
  });
});

describe("GET /api/schemas/claim-sheet.json", () => {
  it("serves the JSON Schema committed under docs/", async () => {
    const { readFile } = await import("node:fs/promises");
    const res = await app.get("/api/schemas/claim-sheet.json").expect(200);
    expect(res.headers["content-type"]).toBe("application/schema+json; charset=utf-8");
    const committed = await readFile(new URL("../../docs/claim-sheet.schema.json", import.meta.url), "utf8");
    expect(`${res.text}\n`).toBe(committed);
    expect(JSON.parse(res.text).required).toEqual(["format", "article", "sources", "claims"]);
  });
});
