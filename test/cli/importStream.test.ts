import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClaimtrail } from "../support/cli.js";
import { countRows } from "../support/counts.js";
import { SMALL_BODY, smallSheet } from "../support/sheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let test: TestDb;
let folder: string;

/** Runs the `claimtrail` bin on the test database, as a user would. */
const claimtrail = (...args: string[]) => runClaimtrail(test.url, folder, args);

function sheetNumber(n: number) {
  const sheet = smallSheet(`article-${n}`);
  sheet.article.body = `${SMALL_BODY} (${n})`;
  return sheet;
}

beforeAll(() => {
  test = createTestDb();
  folder = mkdtempSync(join(tmpdir(), "claimtrail-stream-"));
});
afterAll(async () => {
  await test.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("claimtrail import reads JSON arrays and JSONL a sheet at a time", { timeout: 120_000 }, () => {
  it("refuses a pretty-printed array whose last sheet is bad, by its path, writing nothing", async () => {
    const sheets = [1, 2, 3].map(sheetNumber);
    sheets[2]!.claims[1]!.start += 1;
    writeFileSync(join(folder, "bad.json"), `\uFEFF${JSON.stringify(sheets, null, 2)}\n`);
    const run = claimtrail("import", "bad.json");
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n").slice(0, 2)).toEqual([
      "claimtrail: the claim sheet has 1 problem(s); nothing was written",
      expect.stringMatching(/^ {2}\[2\]\.claims\[1\]\.quote: quote is not at \d+-\d+: it occurs at \d+$/),
    ]);
    expect((await countRows(test.db)).articles).toBe(0);
  });

  it("imports an array with strings holding brackets, commas and escaped quotes, and a JSONL file", () => {
    const sheets = [1, 2].map(sheetNumber);
    sheets[0]!.article.title = 'A "quoted" title, with [brackets] and {braces} \\ ]';
    writeFileSync(join(folder, "good.json"), JSON.stringify(sheets, null, 2));
    expect(claimtrail("import", "good.json")).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^created: article-1 .*\ncreated: article-2 .*\n$/),
    });
    writeFileSync(
      join(folder, "good.jsonl"),
      `${JSON.stringify(sheetNumber(3))}\r\n\r\n${JSON.stringify(sheetNumber(4))}`,
    );
    expect(claimtrail("import", "good.jsonl")).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^created: article-3 .*\ncreated: article-4 .*\n$/),
    });
  });

  it("locates a fault in the array in the whole file: a missing comma, a truncated file, text after it", () => {
    const two = JSON.stringify([sheetNumber(5), sheetNumber(6)], null, 2);
    const missingComma = two.replace(/\n {2}\},\n {2}\{/, "\n  }\n  {");
    const line = missingComma
      .slice(0, missingComma.indexOf("\n  {", missingComma.indexOf("\n  }\n")))
      .split("\n").length;
    writeFileSync(join(folder, "comma.json"), missingComma);
    expect(claimtrail("import", "comma.json").stderr).toMatch(
      new RegExp(`^claimtrail: the file is not valid JSON at line ${line + 1}, column 3: near "`),
    );
    writeFileSync(join(folder, "cut.json"), two.slice(0, -40));
    expect(claimtrail("import", "cut.json").stderr).toMatch(
      /^claimtrail: the file is not valid JSON at line \d+, column \d+/,
    );
    writeFileSync(join(folder, "after.json"), `${two}\nx`);
    expect(claimtrail("import", "after.json").stderr).toMatch(
      new RegExp(`^claimtrail: the file is not valid JSON at line ${two.split("\n").length + 1}, column 1: near "`),
    );
  });

  it("names the JSONL line that is not JSON", () => {
    writeFileSync(join(folder, "bad.jsonl"), `${JSON.stringify(sheetNumber(7))}\n{"format":\n`);
    const run = claimtrail("import", "bad.jsonl");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^claimtrail: line 2 is not valid JSON at line 1, column 11: near "/);
  });
});
