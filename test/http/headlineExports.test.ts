import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvRecord, parseCsv } from "../../src/domain/exports/csv.js";
import { sliceCodePoints } from "../../src/domain/text/codePoints.js";
import { sheetTestApp } from "../support/app.js";
import { smallSheet } from "../support/sheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

// A headline of our own over the small article: "Peskov: no military deal".
const TITLE = "สรุปข่าว เพสคอฟ: ไม่มีข้อตกลงทหาร";
const QUOTE = "เพสคอฟ: ไม่มีข้อตกลงทหาร";

let test: TestDb;
let app: Awaited<ReturnType<typeof sheetTestApp>>;

beforeAll(async () => {
  test = createTestDb();
  app = await sheetTestApp(test.db);
  const sheet = smallSheet("headline-article");
  sheet.article.title = TITLE;
  sheet.claims.push({
    key: "headline",
    in: "title",
    quote: QUOTE,
    start: 9,
    end: 9 + [...QUOTE].length,
    gloss: "The headline: Peskov says there is no military deal",
    kind: "editorial",
    chains: [
      [
        { source: "peskov", role: "speaker" },
        { source: "test-wire", role: "publisher" },
      ],
    ],
  });
  await app.post("/api/articles").send(sheet).expect(201);
});
afterAll(() => test.close());

describe("a headline claim in every export", () => {
  it("CSV and XLSX columns say span_in title; the chain reads speaker → publisher", async () => {
    const csv = (await app.get("/api/export/claims.csv?article=headline-article").expect(200)).text;
    const [header, ...rows] = parseCsv(csv);
    const at = (name: string) => header!.indexOf(name);
    const headline = rows.find((row) => row[at("key")] === "headline")!;
    expect([headline[at("span_in")], headline[at("start")], headline[at("end")], headline[at("quote")]]).toEqual([
      "title",
      "9",
      "33",
      QUOTE,
    ]);
    expect(headline[at("chain")]).toBe("Dmitry Peskov → Test Wire");
    expect(headline[at("chain_slugs")]).toBe("peskov>test-wire");
    expect(headline[at("chain_roles")]).toBe("speaker>publisher");
    expect(rows.filter((row) => row[at("span_in")] === "body")).toHaveLength(3);
  });

  it("the JSON sheet carries in: title, and reads back as it was", async () => {
    const [sheet] = JSON.parse((await app.get("/api/export/claims.json?article=headline-article").expect(200)).text);
    const claim = sheet.claims.find((c: { key: string }) => c.key === "headline");
    expect(claim).toMatchObject({ key: "headline", in: "title", start: 9, end: 33, quote: QUOTE });
    expect(sheet.claims.filter((c: { in?: string }) => c.in !== undefined)).toHaveLength(1);
    const again = await app.post("/api/articles?update=true").send(sheet).expect(200);
    expect(again.body.data.status).toBe("unchanged");
  });

  it("schema.org marks the Claim as the headline's; the Web Annotation's selectors are into the title", async () => {
    const ld = JSON.parse((await app.get("/api/export/claims.jsonld?article=headline-article").expect(200)).text);
    const claims = ld["@graph"].filter((n: { "@type": string }) => n["@type"] === "Claim");
    expect(claims.find((c: { identifier: string }) => c.identifier === "headline")).toMatchObject({
      text: QUOTE,
      position: "headline",
      appearance: { headline: TITLE },
    });
    expect(claims.filter((c: { position?: string }) => c.position !== undefined)).toHaveLength(1);

    const doc = JSON.parse((await app.get("/api/export/annotations.jsonld?article=headline-article").expect(200)).text);
    expect(doc["@context"][1].spanIn).toBe("claimtrail:spanIn");
    const item = doc.first.items.find((i: { body: { value: string }[] }) =>
      i.body[0]!.value.startsWith("The headline"),
    );
    const [quote, position] = item.target.selector;
    expect(item.target.spanIn).toBe("title");
    expect(sliceCodePoints(TITLE, position.start, position.end)).toBe(quote.exact);
    expect(quote.prefix).toBe("สรุปข่าว ");
    expect(quote.suffix).toBe("");
    expect(item.body[2].value).toBe("Attributed: Dmitry Peskov → Test Wire");
  });

  it("a CSV row with span_in title is added as a headline claim; an older export's '<' chains still read", async () => {
    const csv = (await app.get("/api/export/claims.csv?article=headline-article").expect(200)).text;
    const [header, ...rows] = parseCsv(csv);
    const at = (name: string) => header!.indexOf(name);
    const row = rows.find((r) => r[at("key")] === "headline")!.map((cell) => cell.replace(/^'/, ""));
    row[at("key")] = "headline-again";
    row[at("chain_slugs")] = "peskov<kyodo<test-wire";
    row[at("chain_roles")] = "speaker<reporter<publisher";
    const body = [header!, row].map(csvRecord).join("");
    const added = await app
      .post("/api/articles/headline-article/claims.csv")
      .set("Content-Type", "text/csv")
      .send(body)
      .expect(201);
    expect(added.body.data.claims).toBe(1);
    const stored = await test.db.claim.findFirstOrThrow({ where: { key: "headline-again" } });
    expect([stored.spanIn, stored.start, stored.end]).toEqual(["title", 9, 33]);
  });
});
