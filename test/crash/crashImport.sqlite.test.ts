// SQLite-only: all-or-nothing is checked with PRAGMA integrity_check on the SQLite file the import writes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { crashImports, writeCorpusFile } from "../../scripts/crash/crashImports.js";

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "claimtrail-crash-test-"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("kill -9 during a CLI import", () => {
  it("leaves an intact database holding all of the import or none of it, twice", { timeout: 600_000 }, async () => {
    const file = join(folder, "corpus.jsonl");
    const expected = await writeCorpusFile(file, 3_000, 7);
    const { outcomes } = await crashImports({
      folder,
      template: inject("templateDatabase"),
      file,
      expected,
      kills: 2,
      seed: 7,
    });
    expect(outcomes).toHaveLength(2);
    for (const outcome of outcomes) {
      expect(outcome.integrity).toBe("ok");
      expect(["all", "nothing"]).toContain(outcome.state);
    }
  });
});
