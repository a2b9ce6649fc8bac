import { monitorEventLoopDelay } from "node:perf_hooks";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { TEST_ENGINE } from "../support/engine.js";
import { SMALL_BODY, smallSheet } from "../support/sheets.js";

// POST /api/articles runs on the import thread: parsing, checking and writing a body of
// megabytes never holds the server's event loop or its connection, so reads go on meanwhile.

// PostgreSQL writes a sheet in round trips, SQLite in-process: fewer sheets give it as long an import.
const SHEETS = TEST_ENGINE === "postgresql" ? 300 : 1_500;

function jsonLines(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const sheet = smallSheet(`thread-${i}`);
    sheet.article.body = `${SMALL_BODY} ${i}`;
    // A proposition of its own: one shared by every sheet makes each import re-derive them all.
    sheet.propositions = sheet.propositions?.map((p) => ({ ...p, key: `${p.key}-${i}` }));
    for (const claim of sheet.claims)
      claim.stances = claim.stances?.map((s) => ({ ...s, proposition: `${s.proposition}-${i}` }));
    lines.push(JSON.stringify(sheet));
  }
  return `${lines.join("\n")}\n`;
}

let test: TestApp;
let reviewer: string;
beforeAll(async () => {
  test = await createTestApp({ bodyLimitBytes: 32 * 1024 * 1024 });
  reviewer = `Bearer ${await test.token("reviewer")}`;
});
afterAll(() => test.close());

describe("an import on the import thread", () => {
  it("leaves the event loop free and answers reads while a large import runs", { timeout: 60_000 }, async () => {
    const body = jsonLines(SHEETS);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let importing = true;
    let readsDuringImport = 0;
    const reads = (async () => {
      while (importing) {
        const res = await request(test.server).get("/api/claims?limit=1");
        expect(res.status).toBe(200);
        if (importing) readsDuringImport += 1;
      }
    })();
    delay.enable();
    const res = await request(test.server)
      .post("/api/articles")
      .set("Authorization", reviewer)
      .type("application/jsonl")
      .send(body);
    importing = false;
    delay.disable();
    await reads;

    expect(res.status).toBe(201);
    expect(res.body.data).toHaveLength(SHEETS);
    expect(res.body.data.every((r: { status: string }) => r.status === "created")).toBe(true);
    expect(await test.db.article.count()).toBe(SHEETS + 1);
    // In process (before the import thread) this import answered 16 reads and held the event loop for 2.0 s.
    expect(readsDuringImport).toBeGreaterThan(100);
    expect(delay.max / 1e6).toBeLessThan(500);
  });

  it("reports a malformed line, an invalid sheet and a stored body as the in-process import did", async () => {
    const malformed = await request(test.server)
      .post("/api/articles")
      .set("Authorization", reviewer)
      .type("application/jsonl")
      .send(`${JSON.stringify(smallSheet("fine"))}\n{"format": \n`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("malformed_json");
    expect(malformed.body.error.message).toMatch(/^line 2 is not valid JSON at line 1, column 12/);

    const invalid = await request(test.server)
      .post("/api/articles")
      .set("Authorization", reviewer)
      .send({ ...smallSheet("bad"), claims: "none" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe("invalid_claim_sheet");
    expect(invalid.body.error.details[0].path).toBe("claims");

    const again = await request(test.server).post("/api/articles").set("Authorization", reviewer).send(smallSheet());
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ articleSlug: "small-article", status: "already_present" });
  });
});
