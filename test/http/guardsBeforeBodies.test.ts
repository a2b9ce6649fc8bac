import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const NOT_JSON = "{ this is not json";

describe("guards run before the body is read", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ authFailuresPerMinute: 1000 });
  });
  afterAll(() => t.close());

  const post = (path: string) => request(t.app).post(path).set("Content-Type", "application/json");

  it("401s a write without a token before looking at its malformed or oversized body", async () => {
    expect((await post("/api/articles").send(NOT_JSON)).body.error.code).toBe("unauthorized");
    const huge = await post("/api/relations").send(JSON.stringify({ rationale: "x".repeat(200_000) }));
    expect(huge.status).toBe(401);
  });

  it("403s a reader's write before its body, and a reviewer's update=true import", async () => {
    const reader = await t.token("reader");
    const res = await post("/api/relations").set(bearer(reader)).send(NOT_JSON);
    expect(res.status).toBe(403);
    const reviewer = await t.token("reviewer");
    const update = await post("/api/articles?update=true").set(bearer(reviewer)).send(NOT_JSON);
    expect(update.status).toBe(403);
    expect(update.body.error).toEqual({
      code: "forbidden",
      message: "this needs the admin role or higher",
      details: null,
    });
  });

  it("still parses the body once the guards pass", async () => {
    const reviewer = await t.token("reviewer");
    const res = await post("/api/relations").set(bearer(reviewer)).send(NOT_JSON);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("malformed_json");
  });

  it("never parses a body sent with a GET", async () => {
    const res = await request(t.app)
      .get("/api/articles")
      .set("Content-Type", "application/json")
      .send(NOT_JSON + "x".repeat(100_000));
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
  });
});

describe("failed authentication is rate-limited per client address", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ authFailuresPerMinute: 3 });
  });
  afterAll(() => t.close());

  it("answers the fourth wrong token in a minute, and every one after, with the same 429 and Retry-After", async () => {
    const good = await t.token("reader");
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await request(t.app)
            .get("/api/claims")
            .set(bearer(`ct_wrong${i}`))
        ).status,
      ).toBe(401);
    }
    const bodies: unknown[] = [];
    for (const token of ["ct_wrong3", "ct_wrong4", good]) {
      const res = await request(t.app).get("/api/claims").set(bearer(token));
      expect(res.status).toBe(429);
      const retryAfter = Number(res.headers["retry-after"]);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      bodies.push(res.body);
    }
    expect(bodies).toEqual(
      Array(3).fill({
        error: {
          code: "too_many_failed_authentications",
          message: "too many failed authentications from this address; try again later",
          details: null,
        },
      }),
    );
    // Requests without a token are not authentication failures: reads stay open.
    expect((await request(t.app).get("/api/claims")).status).toBe(200);
  });
});
