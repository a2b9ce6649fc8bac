import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { extractCommand } from "../../src/cli/extractCommand.js";
import { ClaimSheet } from "../../src/domain/sheets/claimSheet.js";
import { createTestDb } from "../support/testDb.js";

const testDb = createTestDb();
const folder = mkdtempSync(join(tmpdir(), "claimtrail-extract-"));
afterAll(async () => {
  await testDb.close();
  rmSync(folder, { recursive: true, force: true });
});
const command = extractCommand((work) => work(testDb.db));

describe("claimtrail extract", () => {
  it("writes the proposed claim sheet with --out and prints one line per claim", async () => {
    const input = join(folder, "article.txt");
    const out = join(folder, "sheet.json");
    writeFileSync(input, "นายเอ บีซี โฆษกรัฐบาลกล่าวว่า รัฐบาลจะลดภาษี\n");
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    const code = await command
      .run({ out, publisher: "test-wire", lang: "th" }, [input])
      .finally(() => write.mockRestore());
    expect(code).toBe(0);
    const sheet = ClaimSheet.parse(JSON.parse(readFileSync(out, "utf8")));
    expect(sheet.claims.map((c) => [c.quote, c.cue])).toEqual([["รัฐบาลจะลดภาษี", "กล่าวว่า"]]);
    expect(printed).toEqual([
      'c1   asserts 0.90 e-bisi -> test-wire  "รัฐบาลจะลดภาษี"\n',
      `wrote ${out}: 1 claims, 2 new sources\n`,
    ]);
  });

  it("refuses a second file and a publisher that is not a slug", async () => {
    await expect(command.run({}, ["a.txt", "b.txt"])).rejects.toThrow(/takes exactly one FILE.txt/);
    await expect(command.run({ publisher: "Not A Slug" }, ["a.txt"])).rejects.toThrow(/--publisher must be a slug/);
  });
});
