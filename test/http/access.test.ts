import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiToken, settleLastUsedWrites } from "../../src/domain/access/tokenService.js";
import { createTestApp, sheetIds, type TestApp } from "../support/app.js";

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const UNAUTHORIZED = { error: { code: "unauthorized", message: "a valid bearer token is required", details: null } };

describe("with reads open (the default)", () => {
  let t: TestApp;
  let relationId: number;
  beforeAll(async () => {
    t = await createTestApp({ writeRateLimitPerMinute: 3 });
    relationId = (await t.db.relation.findFirstOrThrow({ select: { id: true } })).id;
  });
  afterAll(() => t.close());

  const review = (headers: Record<string, string> = {}) =>
    request(t.app)
      .post(`/api/relations/${relationId}/review`)
      .set(headers)
      .set("If-Match", '"1"')
      .send({ status: "confirmed" });

  it("serves reads without a token", async () => {
    expect((await request(t.app).get("/api/claims")).status).toBe(200);
    expect((await request(t.app).get(`/api/relations/${relationId}/history`)).status).toBe(200);
  });

  it("answers a write without a token, with an unknown token, a revoked one or a malformed header with the same 401", async () => {
    const revoked = await t.token("reviewer", "Revoked Reviewer");
    await revokeApiToken(t.db, "Revoked Reviewer");
    const attempts = [
      {},
      bearer("ct_thisTokenWasNeverIssuedByAnyoneAtAllxxxxxxxx"),
      bearer("not-even-our-prefix"),
      bearer(revoked),
      { Authorization: `Basic ${Buffer.from("a:b").toString("base64")}` },
    ];
    for (const headers of attempts) {
      const res = await review(headers);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(UNAUTHORIZED);
      expect(res.headers["www-authenticate"]).toBe('Bearer realm="claimtrail"');
    }
    expect((await t.db.relation.findUniqueOrThrow({ where: { id: relationId } })).version).toBe(1);
  });

  it("refuses a read with a bad token rather than quietly serving it", async () => {
    const res = await request(t.app).get("/api/claims").set(bearer("ct_unknown"));
    expect(res.status).toBe(401);
    expect(res.body).toEqual(UNAUTHORIZED);
  });

  it("answers a reader token's write with 403 forbidden", async () => {
    const res = await review(bearer(await t.token("reader")));
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({
      code: "forbidden",
      message: "this needs the reviewer role or higher",
      details: null,
    });
  });

  it("lets an admin token propose", async () => {
    const { claims } = await sheetIds(t);
    const res = await request(t.app)
      .post("/api/relations")
      .set(bearer(await t.token("admin", "Admin One")))
      .send({
        fromClaimId: claims["peskov-denial"],
        toClaimId: claims["kyodo-report"],
        type: "qualifies",
        rationale: "admin may",
      });
    expect(res.status).toBe(201);
  });

  it("records the token's last use", async () => {
    const token = await t.token("reader", "Used Reader");
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { name: "Used Reader" } })).lastUsedAt).toBeNull();
    await request(t.app).get("/api/articles").set(bearer(token)).expect(200);
    await settleLastUsedWrites();
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { name: "Used Reader" } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("limits writes per token: the 4th in a minute gets 429 rate_limited; another token is not affected", async () => {
    const busy = await t.token("reviewer", "Busy Reviewer");
    const send = (token: string) =>
      request(t.app)
        .post("/api/relations/999999/review")
        .set(bearer(token))
        .set("If-Match", '"1"')
        .send({ status: "confirmed" });
    for (let i = 0; i < 3; i++) expect((await send(busy)).status).toBe(404);
    const limited = await send(busy);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toEqual({
      code: "rate_limited",
      message: "more than 3 writes in 60 seconds with this token; try again later",
      details: null,
    });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await send(await t.token("reviewer", "Calm Reviewer"))).status).toBe(404);
  });

  it("does not count reads against the write limit", async () => {
    const token = await t.token("reviewer", "Reading Reviewer");
    for (let i = 0; i < 5; i++) expect((await request(t.app).get("/api/articles").set(bearer(token))).status).toBe(200);
  });
});

describe("with READS_REQUIRE_TOKEN", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ readsRequireToken: true });
  });
  afterAll(() => t.close());

  it("answers a read without a token with 401", async () => {
    const res = await request(t.app).get("/api/articles");
    expect(res.status).toBe(401);
    expect(res.body).toEqual(UNAUTHORIZED);
  });

  it("serves a read with a reader token", async () => {
    const res = await request(t.app)
      .get("/api/articles")
      .set(bearer(await t.token("reader")));
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
  });

  it("marks every operation but the docs as needing the bearer token in the OpenAPI document", async () => {
    const doc = (await request(t.app).get("/api/openapi.json")).body;
    const open = Object.entries(doc.paths as Record<string, Record<string, { security?: unknown }>>)
      .flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({ route: `${method} ${path}`, security: op.security })),
      )
      .filter((op) => JSON.stringify(op.security) !== JSON.stringify([{ bearerToken: [] }]))
      .map((op) => op.route);
    expect(open).toEqual(["get /api/openapi.json", "get /api/docs"]);
  });

  it("still serves the docs without a token, so Swagger UI can ask for one", async () => {
    expect((await request(t.app).get("/api/docs")).status).toBe(200);
    expect((await request(t.app).get("/api/docs/assets/swagger-ui-bundle.js")).status).toBe(200);
  });
});

describe("security headers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("are on successes, errors and unknown routes alike", async () => {
    for (const res of [
      await request(t.app).get("/api/articles"),
      await request(t.app).get("/api/claims?kind=nonsense"),
      await request(t.app).get("/nowhere"),
      await request(t.app).post("/api/relations").send({}),
    ]) {
      expect(res.headers["content-security-policy"]).toBe(
        "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;" +
          "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
      );
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
      expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["x-powered-by"]).toBeUndefined();
    }
  });

  it("keeps the body limit: an authorised body over BODY_LIMIT_BYTES gets 413", async () => {
    const res = await request(t.app)
      .post("/api/relations")
      .set(bearer(await t.token("reviewer")))
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ rationale: "x".repeat(70 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("payload_too_large");
  });
});
