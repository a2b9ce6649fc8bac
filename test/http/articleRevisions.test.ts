import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/domain/sheets/checkClaimSheet.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { SMALL_BODY, smallSheet, spanOf } from "../support/sheets.js";

// A corrected article over HTTP: its earlier body is served with what changed, and the claims
// the correction orphaned, with the relations on them, say they need attention.

const CORRECTED = `แก้ไข: ${SMALL_BODY.replace("การพบกันครั้งนี้อาจเปลี่ยนดุลอำนาจ", "การพบกันครั้งนี้สำคัญ")}`;

let test: TestApp;
let admin: string;
beforeAll(async () => {
  test = await createTestApp();
  admin = `Bearer ${await test.token("admin")}`;
  const sheet = smallSheet();
  sheet.article.body = CORRECTED;
  sheet.claims = [{ ...sheet.claims[0]!, ...spanOf(CORRECTED, "ไม่มีการลงนามข้อตกลงทางทหาร") }];
  sheet.relations = [];
  const res = await request(test.app).post("/api/articles?update=true").set("Authorization", admin).send(sheet);
  expect(res.body.data).toMatchObject({ status: "revised", orphanedClaims: 1 });
});
afterAll(() => test.close());

describe("orphaned claims need attention", () => {
  it("marks the orphaned claim in the article and counts the revision", async () => {
    const res = await request(test.app).get("/api/articles/small-article").expect(200);
    expect(res.body.data.revisionCount).toBe(1);
    expect(
      Object.fromEntries(res.body.data.claims.map((c: { key: string; anchor: string }) => [c.key, c.anchor])),
    ).toEqual({
      "peskov-denial": "anchored",
      "kyodo-report": "anchored",
      "publisher-framing": "orphaned",
    });
  });

  it("lists the relations on an orphaned claim as needing attention, and can filter by it", async () => {
    const needing = await request(test.app).get("/api/contradictions?type=any&needsAttention=true").expect(200);
    expect(needing.body.data.map((r: { type: string; needsAttention: boolean }) => [r.type, r.needsAttention])).toEqual(
      [["qualifies", true]],
    );
    expect(needing.body.data[0].sides.map((s: { key: string; anchor: string }) => [s.key, s.anchor])).toEqual([
      ["publisher-framing", "orphaned"],
      ["kyodo-report", "anchored"],
    ]);
    const fine = await request(test.app).get("/api/contradictions?type=any&needsAttention=false").expect(200);
    expect(fine.body.data.map((r: { type: string; needsAttention: boolean }) => [r.type, r.needsAttention])).toEqual([
      ["contradicts", false],
    ]);
    const bad = await request(test.app).get("/api/contradictions?needsAttention=yes").expect(400);
    expect(bad.body.error.details[0]).toMatchObject({
      path: "query.needsAttention",
      message: 'must be "true" or "false"',
    });
  });
});

describe("GET /api/articles/:slug/revisions", () => {
  it("lists the earlier body with its hash and length", async () => {
    const res = await request(test.app).get("/api/articles/small-article/revisions").expect(200);
    expect(res.body.data).toEqual([
      {
        number: 1,
        bodySha256: sha256Hex(SMALL_BODY),
        replacedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        length: [...SMALL_BODY].length,
      },
    ]);
  });

  it("gives the earlier body and the word-by-word changes that turn it into the current one", async () => {
    const res = await request(test.app).get("/api/articles/small-article/revisions/1").expect(200);
    const { body, changes } = res.body.data as {
      body: string;
      changes: { op: string; text: string; before: { start: number; end: number } | null; after: unknown }[];
    };
    expect(body).toBe(SMALL_BODY);
    const textOf = (ops: string[]) =>
      changes
        .filter((c) => ops.includes(c.op))
        .map((c) => c.text)
        .join("");
    expect(textOf(["same", "removed"])).toBe(SMALL_BODY);
    expect(textOf(["same", "added"])).toBe(CORRECTED);
    expect(changes.filter((c) => c.op !== "same").map((c) => [c.op, c.text])).toEqual([
      ["added", "แก้ไข: "],
      ["removed", "อาจเปลี่ยนดุลอำนาจ"],
      ["added", "สำคัญ"],
    ]);
    const removed = changes.find((c) => c.op === "removed")!;
    expect([...SMALL_BODY].slice(removed.before!.start, removed.before!.end).join("")).toBe("อาจเปลี่ยนดุลอำนาจ");
  });

  it("404s a revision or an article that does not exist, and 400s a number that is not one", async () => {
    expect((await request(test.app).get("/api/articles/small-article/revisions/2").expect(404)).body.error.code).toBe(
      "not_found",
    );
    expect((await request(test.app).get("/api/articles/nowhere/revisions").expect(404)).body.error.code).toBe(
      "not_found",
    );
    const bad = await request(test.app).get("/api/articles/small-article/revisions/0").expect(400);
    expect(bad.body.error.details[0].path).toBe("params.number");
  });
});
