import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { englishSheet, thaiSheet } from "../support/hostileSheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

const BIN = fileURLToPath(new URL("../../src/cli/claimtrail.mjs", import.meta.url));
let test: TestDb;
let folder: string;

function claimtrail(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: folder,
    env: { ...process.env, DATABASE_URL: test.url, ...env },
    encoding: "utf8",
    timeout: 150_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  test = createTestDb();
  folder = mkdtempSync(join(tmpdir(), "claimtrail-files-"));
});
afterAll(async () => {
  await test.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("claimtrail import reads files as editors save them", { timeout: 300_000 }, () => {
  it("accepts a .json and a .jsonl saved with a UTF-8 BOM", async () => {
    writeFileSync(join(folder, "bom.json"), `\uFEFF${JSON.stringify(thaiSheet())}`);
    const json = claimtrail({}, "import", "bom.json");
    expect(json.stderr).toBe("");
    expect(json.stdout).toMatch(/^created: thai-test-article/);
    writeFileSync(join(folder, "bom.jsonl"), `\uFEFF${JSON.stringify(englishSheet({ standalone: true }))}\n`);
    const jsonl = claimtrail({}, "import", "bom.jsonl");
    expect(jsonl.stderr).toBe("");
    expect(jsonl.stdout).toMatch(/^created: /);
  });

  it("reports a binary file's parse error with its position and no control characters", () => {
    writeFileSync(
      join(folder, "binary.json"),
      Buffer.from([0x7b, 0x0a, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x00, 0x07, 0xff]),
    );
    const result = claimtrail({}, "import", "binary.json");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^claimtrail: the file is not valid JSON at line 2, column 1: near "/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the assertion is that none are printed
    expect(result.stderr.trimEnd()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(result.stderr).toContain("\\u001b[31m");
  });

  it("refuses an article body over MAX_ARTICLE_BYTES, naming the path and the limit", async () => {
    const sheet = englishSheet({ standalone: true });
    sheet.article.slug = "too-long";
    sheet.article.body = `${sheet.article.body}${" padding".repeat(200)}`;
    writeFileSync(join(folder, "long.json"), JSON.stringify(sheet));
    const result = claimtrail({ MAX_ARTICLE_BYTES: "1000" }, "import", "long.json");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `article.body: the body is ${Buffer.byteLength(sheet.article.body)} bytes; the limit is 1000 (MAX_ARTICLE_BYTES)`,
    );
    expect(await test.db.article.count({ where: { slug: "too-long" } })).toBe(0);
  });
});
