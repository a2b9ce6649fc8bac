import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { ClaimSheetInput } from "../../src/domain/sheets/claimSheet.js";
import { importClaimSheetStream, importClaimSheets } from "../../src/domain/sheets/importClaimSheet.js";
import { AppError } from "../../src/errors.js";
import { countRows } from "../support/counts.js";
import { SMALL_BODY, smallSheet } from "../support/sheets.js";
import { createTestDb, emptyDatabase } from "../support/testDb.js";

const testDb = createTestDb();
const { db } = testDb;
afterAll(() => testDb.close());
beforeEach(() => emptyDatabase(db));

function sheetNumber(n: number): ClaimSheetInput {
  const sheet = smallSheet(`article-${n}`);
  sheet.article.body = `${SMALL_BODY} (${n})`;
  return sheet;
}

/** The sheets as a reader that hands out copies, as a file read afresh would. */
const reader = (sheets: unknown[]) =>
  async function* () {
    for (const sheet of sheets) yield structuredClone(sheet);
  };

async function problemsOf(run: Promise<unknown>) {
  const error = await run.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).details;
}

/** Five sheets, each with a fault that only a check across sheets, or a later batch, can see. */
function faultySheets(): unknown[] {
  const sheets: unknown[] = [0, 1, 2, 3, 4, 5].map(sheetNumber);
  (sheets[1] as ClaimSheetInput).claims[0]!.kind = "rumour" as never;
  sheets[3] = sheetNumber(0);
  (sheets[4] as ClaimSheetInput).relations!.push({
    from: "article-5/kyodo-report",
    to: "kyodo-report",
    type: "supports",
    rationale: "same",
  });
  (sheets[5] as ClaimSheetInput).claims[2]!.start += 1;
  return sheets;
}

describe("importClaimSheetStream", () => {
  it("reports the same problems, at the same paths, as importClaimSheets on the whole array", async () => {
    const whole = await problemsOf(importClaimSheets(db, faultySheets()));
    const streamed = await problemsOf(importClaimSheetStream(db, reader(faultySheets()), {}, 2));
    expect(streamed).toEqual(whole);
    expect((streamed as { path: string }[]).map((p) => p.path)).toEqual([
      "[1].claims[0].kind",
      "[3].article",
      "[4].relations[1].from",
      "[5].claims[2].quote",
    ]);
    expect((await countRows(db)).articles).toBe(0);
  });

  it("writes what importClaimSheets writes, a later batch's relation naming an earlier batch's claim", async () => {
    const sheets = [1, 2, 3].map(sheetNumber);
    sheets[2]!.relations!.push({
      from: "article-1/kyodo-report",
      to: "kyodo-report",
      type: "supports",
      rationale: "same",
    });
    const whole = await importClaimSheets(db, structuredClone(sheets));
    const wholeRows = await countRows(db);
    await emptyDatabase(db);
    const progress: string[] = [];
    const streamed = await importClaimSheetStream(
      db,
      reader(sheets),
      { onProgress: (done, total) => progress.push(`${done}/${total}`) },
      2,
    );
    expect(streamed).toEqual(whole);
    expect(await countRows(db)).toEqual(wholeRows);
    expect(progress).toEqual(["1/3", "2/3", "3/3"]);
    const again = await importClaimSheetStream(db, reader(sheets), {}, 2);
    expect(again.map((r) => r.status)).toEqual(["already_present", "already_present", "already_present"]);
  });

  it("refuses an empty array and a source that changes between the passes, writing nothing", async () => {
    expect(await problemsOf(importClaimSheetStream(db, reader([])))).toEqual([
      { path: "", code: "too_small", message: "must hold at least one claim sheet" },
    ]);
    let reads = 0;
    const changing = async function* () {
      reads += 1;
      yield sheetNumber(1);
      if (reads > 1) yield sheetNumber(2);
    };
    await expect(importClaimSheetStream(db, changing)).rejects.toThrow(
      "the file changed while it was imported; nothing was written",
    );
    expect((await countRows(db)).articles).toBe(0);
  });
});
