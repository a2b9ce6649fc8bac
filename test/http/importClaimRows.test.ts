import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { csvRecord, parseCsv } from "../../src/domain/exports/csv.js";
import { sheetTestApp } from "../support/app.js";
import { countRows } from "../support/counts.js";
import { thaiSheet } from "../support/hostileSheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let test: TestDb;
let app: Awaited<ReturnType<typeof sheetTestApp>>;
let exported: string;
let before: Awaited<ReturnType<typeof countRows>>;

const ROUTE = "/api/articles/thai-test-article/claims.csv";

beforeAll(async () => {
  test = createTestDb();
  app = await sheetTestApp(test.db);
  await app.post("/api/articles").send(thaiSheet()).expect(201);
  exported = (await app.get("/api/export/claims.csv?article=thai-test-article").expect(200)).text;
});

afterAll(() => test.close());

beforeEach(async () => {
  before = await countRows(test.db);
});

/** The exported CSV with its records edited (header = record 0), written back as the export writes. */
function editCsv(edit: (records: string[][]) => void): string {
  const records = parseCsv(exported);
  edit(records);
  return `\uFEFF${records.map((r) => csvRecord(r.map((cell) => cell.replace(/^'/, "")))).join("")}`;
}

const column = (name: string) => parseCsv(exported)[0]!.indexOf(name);

async function refused(csv: string, status = 422) {
  const res = await app.post(ROUTE).set("Content-Type", "text/csv").send(csv).expect(status);
  expect(await countRows(test.db)).toEqual(before);
  return res.body.error;
}

/** Exported rows without the columns an import ignores or the database assigns. */
function comparable(csv: string): string[][] {
  const [header, ...rows] = parseCsv(csv);
  const drop = new Set(["id", "contradicting_claim_ids"].map((name) => header!.indexOf(name)));
  return rows.map((row) => row.filter((_cell, i) => !drop.has(i)));
}

describe("POST /api/articles/:slug/claims.csv", () => {
  it("refuses rows whose keys the article already has", async () => {
    const error = await refused(exported);
    expect(error.code).toBe("invalid_claim_sheet");
    expect(error.details).toEqual([
      { path: "rows[2].key", code: "claim_exists", message: 'claim "c1" is already in the article' },
      { path: "rows[3].key", code: "claim_exists", message: 'claim "c2" is already in the article' },
      { path: "rows[4].key", code: "claim_exists", message: 'claim "c3" is already in the article' },
    ]);
  });

  it("reports every bad row at once, by spreadsheet row and column", async () => {
    const csv = editCsv((records) => {
      records[1]![column("key")] = "n1";
      records[1]![column("start")] = "3";
      records[2]![column("key")] = "n2";
      records[2]![column("chain_slugs")] = "kcna<tass<infoquest | dmitry-peskov<infoquest";
      records[3]![column("key")] = "n3";
      records[3]![column("chain_roles")] = "speaker<publisher";
      records[3]![column("kind")] = "rumour";
    });
    const error = await refused(csv);
    expect(error.details).toEqual([
      {
        path: "rows[4].chain_roles",
        code: "chain_roles_mismatch",
        message: "must give one role for each slug in chain_slugs",
      },
      {
        path: "rows[2].quote",
        code: "quote_not_at_offsets",
        message: `claim "n1": quote is not at 3-67: it occurs at 25`,
      },
      { path: "rows[3].chain_slugs", code: "unknown_source", message: 'claim "n2": unknown source "kcna"' },
    ]);
  });

  it("answers 422 for a missing column, 400 for broken CSV, 404 for an unknown article", async () => {
    const noQuote = editCsv((records) => {
      for (const r of records) r.splice(column("quote"), 1);
    });
    expect((await refused(noQuote)).details).toEqual([
      { path: "header", code: "missing_column", message: 'the "quote" column is missing' },
    ]);
    const broken = await refused('key,quote\r\n"unclosed', 400);
    expect(broken.details).toEqual([
      { path: "csv", code: "csv_syntax", message: "line 2: a quoted field is not closed" },
    ]);
    const missing = await app
      .post("/api/articles/nope/claims.csv")
      .set("Content-Type", "text/csv")
      .send(exported)
      .expect(404);
    expect(missing.body.error.code).toBe("not_found");
  });

  it("reads back what the CSV export wrote: Thai, quotes, commas, newlines and ' prefixes", async () => {
    await test.db.claim.deleteMany({ where: { article: { slug: "thai-test-article" } } });
    const res = await app.post(ROUTE).set("Content-Type", "text/csv").send(exported).expect(201);
    expect(res.body.data).toEqual({ articleSlug: "thai-test-article", claims: 3, derivedContradictions: 1 });
    const again = (await app.get("/api/export/claims.csv?article=thai-test-article").expect(200)).text;
    expect(comparable(again)).toEqual(comparable(exported));
    const stored = await test.db.claim.findMany({ select: { quote: true, gloss: true }, orderBy: { id: "asc" } });
    expect(stored).toEqual(thaiSheet().claims.map((c) => ({ quote: c.quote, gloss: c.gloss })));
  });
});

describe("POST /api/articles/:slug/claims.csv reads RFC 4180 as csv-parse does", () => {
  const header = () => exported.slice(1, exported.indexOf("\r\n") + 2);
  /** Exported data row `index` (from 1) with a new key and the gloss cell written raw, as typed. */
  function row(index: number, key: string, rawGloss: string): string {
    const record = parseCsv(exported)[index]!.map((cell) => cell.replace(/^'/, ""));
    record[column("key")] = key;
    record[column("gloss")] = "GLOSS";
    return csvRecord(record).replace("GLOSS", rawGloss);
  }

  it("keeps a quoted CRLF and doubled quotes inside a field, after a BOM", async () => {
    const csv = `\uFEFF${header()}${row(1, "r1", '"first line\r\nsecond ""quoted"", line"')}`;
    const res = await app.post(ROUTE).set("Content-Type", "text/csv").send(csv).expect(201);
    expect(res.body.data).toMatchObject({ articleSlug: "thai-test-article", claims: 1 });
    const stored = await test.db.claim.findFirstOrThrow({ where: { key: "r1" }, select: { gloss: true } });
    expect(stored.gloss).toBe('first line\r\nsecond "quoted", line');
  });

  it("counts spreadsheet rows, not lines: a row after a quoted newline keeps its number", async () => {
    const csv = `${header()}${row(1, "r2", '"two\r\nlines"')}${row(2, "c2", "plain")}`;
    expect((await refused(csv)).details).toEqual([
      { path: "rows[3].key", code: "claim_exists", message: 'claim "c2" is already in the article' },
    ]);
  });

  it("reports a row with too few or too many fields by its row, all at once", async () => {
    const short = row(1, "r3", "plain").replace(/,[^,]*\r\n$/, "\r\n");
    const long = row(2, "r4", "plain").replace(/\r\n$/, ",extra\r\n");
    const cells = parseCsv(exported)[0]!.length;
    expect((await refused(`${header()}${short}${long}`)).details).toEqual([
      { path: "rows[2]", code: "column_count", message: `has ${cells - 1} cells, the header ${cells}` },
      { path: "rows[3]", code: "column_count", message: `has ${cells + 1} cells, the header ${cells}` },
    ]);
  });

  it("answers 400 csv_syntax for an unterminated quote and a quote inside an unquoted field", async () => {
    const unterminated = `${header()}${row(1, "r5", "plain")}${row(2, "r6", '"never closed\r\n')}`;
    // The line the unclosed record starts on: after the header and row 1 (whose quoted cells hold newlines).
    const lastLine = `${header()}${row(1, "r5", "plain")}`.split("\n").length;
    expect((await refused(unterminated, 400)).details).toEqual([
      { path: "csv", code: "csv_syntax", message: `line ${lastLine}: a quoted field is not closed` },
    ]);
    const stray = `${header()}${row(1, "r7", 'say "hi"')}`;
    expect((await refused(stray, 400)).details).toEqual([
      { path: "csv", code: "csv_syntax", message: "line 2: a quote inside an unquoted field" },
    ]);
    const afterClosing = `${header()}${row(1, "r8", '"closed"then')}`;
    expect((await refused(afterClosing, 400)).details).toEqual([
      { path: "csv", code: "csv_syntax", message: "line 2: a quoted field must end at a comma or a line end" },
    ]);
  });
});
