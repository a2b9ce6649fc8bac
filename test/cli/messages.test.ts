import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runClaimtrail } from "../support/cli.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

const BIN = fileURLToPath(new URL("../../src/cli/claimtrail.mjs", import.meta.url));
const IMPORT_USAGE = "usage: claimtrail import FILE [--update] [--article SLUG]\n";
const EXPORT_USAGE = "usage: claimtrail export [TABLE] [--format FORMAT] [--out FILE] [filters] [--base-url URL]\n";
let test: TestDb;
let folder: string;

/** Runs the `claimtrail` bin on the test database, as a user would. */
const claimtrail = (...args: string[]) => runClaimtrail(test.url, folder, args);

beforeAll(() => {
  test = createTestDb();
  folder = mkdtempSync(join(tmpdir(), "claimtrail-messages-"));
});
afterAll(async () => {
  await test.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("claimtrail called wrongly: one line, the command's usage, exit 2", { timeout: 120_000 }, () => {
  it("names an unknown flag plainly, and a flag missing its value", () => {
    expect(claimtrail("import", "x.json", "--frobnicate")).toEqual({
      status: 2,
      stdout: "",
      stderr: `claimtrail: unknown option --frobnicate for import\n${IMPORT_USAGE}`,
    });
    expect(claimtrail("export", "--out")).toMatchObject({
      status: 2,
      stderr: `claimtrail: --out needs a value\n${EXPORT_USAGE}`,
    });
    expect(claimtrail("import", "x.json", "--update=yes")).toMatchObject({
      status: 2,
      stderr: `claimtrail: --update takes no value\n${IMPORT_USAGE}`,
    });
  });

  it("names a missing, unreadable or absent FILE", () => {
    expect(claimtrail("import", "nope.json")).toMatchObject({
      status: 2,
      stderr: `claimtrail: cannot read nope.json: no such file\n${IMPORT_USAGE}`,
    });
    expect(claimtrail("import", ".")).toMatchObject({
      status: 2,
      stderr: `claimtrail: cannot read .: is a folder\n${IMPORT_USAGE}`,
    });
    expect(claimtrail("import")).toMatchObject({
      status: 2,
      stderr: `claimtrail: FILE: name the file to import\n${IMPORT_USAGE}`,
    });
    writeFileSync(join(folder, "rows.csv"), "key\r\n");
    expect(claimtrail("import", "rows.csv")).toMatchObject({
      status: 2,
      stderr: `claimtrail: a CSV import needs --article SLUG\n${IMPORT_USAGE}`,
    });
  });

  it("says a TABLE is not a table, not that a --table flag is wrong", () => {
    expect(claimtrail("export", "claims.csv")).toMatchObject({
      status: 2,
      stderr:
        'claimtrail: TABLE: "claims.csv" is not a table: claims, sources, contradictions, annotations ' +
        `(the format is --format or --out's extension)\n${EXPORT_USAGE}`,
    });
  });

  it("keeps exit 1 and no usage for a failure that is not the call's fault", () => {
    writeFileSync(join(folder, "empty.json"), "[]");
    expect(claimtrail("import", "empty.json")).toMatchObject({
      status: 1,
      stderr:
        "claimtrail: the claim sheet has 1 problem(s); nothing was written\n  : must hold at least one claim sheet\n",
    });
    expect(claimtrail("frobnicate")).toMatchObject({
      status: 2,
      stderr: 'claimtrail: unknown command "frobnicate" (see claimtrail --help)\n',
    });
  });
});

describe("claimtrail export --format xlsx without --out", { timeout: 120_000 }, () => {
  it("refuses a terminal (a pseudo-terminal from script) with one line", () => {
    const command = [process.execPath, BIN, "export", "--format", "xlsx"].map((a) => `'${a}'`).join(" ");
    const run = spawnSync("script", ["-qec", command, "/dev/null"], {
      cwd: folder,
      env: { ...process.env, DATABASE_URL: test.url },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stdout.replaceAll("\r\n", "\n")).toBe(
      `claimtrail: xlsx is binary and stdout is a terminal: write it with --out FILE.xlsx\n${EXPORT_USAGE}`,
    );
  });

  it("writes the workbook to a pipe", () => {
    const result = spawnSync(process.execPath, [BIN, "export", "--format", "xlsx"], {
      cwd: folder,
      env: { ...process.env, DATABASE_URL: test.url },
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout.subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
