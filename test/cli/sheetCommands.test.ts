import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClaimtrail } from "../support/cli.js";
import { countRows } from "../support/counts.js";
import { thaiSheet } from "../support/hostileSheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let test: TestDb;
let folder: string;

/** Runs the `claimtrail` bin on the test database, as a user would. */
const claimtrail = (...args: string[]) => runClaimtrail(test.url, folder, args);

beforeAll(() => {
  test = createTestDb();
  folder = mkdtempSync(join(tmpdir(), "claimtrail-cli-"));
});

afterAll(async () => {
  await test.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("claimtrail import and export", { timeout: 90_000 }, () => {
  it("refuses a bad sheet with exit 1, its problems on stderr and nothing written", async () => {
    const bad = thaiSheet();
    bad.claims[0]!.start += 1;
    writeFileSync(join(folder, "bad.json"), JSON.stringify(bad));
    const run = claimtrail("import", "bad.json");
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe("claimtrail: the claim sheet has 1 problem(s); nothing was written");
    expect(run.stderr).toContain("claims[0].quote: quote is not at 26-67: it occurs at 25");
    expect((await countRows(test.db)).articles).toBe(0);
  });

  it("imports a sheet, then exports CSV to a file and the sheets to stdout", () => {
    writeFileSync(join(folder, "thai.json"), JSON.stringify(thaiSheet()));
    const imported = claimtrail("import", "thai.json");
    expect(imported).toMatchObject({ status: 0, stderr: "" });
    expect(imported.stdout).toBe("created: thai-test-article (3 claims, 1 relations, +1 derived)\n");
    const csv = claimtrail("export", "--format", "csv", "--out", "claims.csv", "--source", "dmitry-peskov");
    expect(csv).toMatchObject({ status: 0, stdout: "" });
    const text = readFileSync(join(folder, "claims.csv"), "utf8");
    expect(text.startsWith("\uFEFFid,key,article,quote,")).toBe(true);
    expect(text).toContain(",c2,thai-test-article,'=ไม่มีการเจรจาเรื่องอาวุธ,");
    const sheets = claimtrail("export", "claims", "--format", "jsonl");
    expect(sheets.status).toBe(0);
    expect(JSON.parse(sheets.stdout).claims.map((c: { key: string }) => c.key)).toEqual(["c1", "c2", "c3"]);
  });

  it("fails with one line naming a bad option", () => {
    const run = claimtrail("export", "sources", "--format", "jsonld");
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "claimtrail: invalid --format: sources export as csv, xlsx, json, jsonl\n" +
        "usage: claimtrail export [TABLE] [--format FORMAT] [--out FILE] [filters] [--base-url URL]\n",
    );
  });
});
