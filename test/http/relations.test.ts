import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_ACTOR } from "../../src/domain/sheets/importClaimSheet.js";
import { createTestApp, sheetIds, type TestApp } from "../support/app.js";

let t: TestApp;
let reviewer: string;
let claims: Record<string, number>;

beforeAll(async () => {
  t = await createTestApp();
  reviewer = await t.token("reviewer", "Somchai");
  claims = (await sheetIds(t)).claims;
});
afterAll(() => t.close());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A fresh contradiction between two of the sheet's claims, proposed through the API. */
async function propose(from: string, to: string, type = "supports") {
  const res = await request(t.app)
    .post("/api/relations")
    .set(bearer(reviewer))
    .send({ fromClaimId: claims[from], toClaimId: claims[to], type, rationale: "Both speak of the meeting" });
  expect(res.status).toBe(201);
  return res.body.data as { id: number; version: number };
}

async function derivedContradictionId(): Promise<number> {
  const row = await t.db.relation.findFirstOrThrow({
    where: { type: "contradicts", origin: "derived" },
    select: { id: true },
  });
  return row.id;
}

describe("GET /api/relations/:id", () => {
  it("gives the relation with its version as ETag", async () => {
    const id = await derivedContradictionId();
    const res = await request(t.app).get(`/api/relations/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body.data).toEqual({
      id,
      type: "contradicts",
      fromClaimId: expect.any(Number),
      toClaimId: expect.any(Number),
      status: "proposed",
      origin: "derived",
      version: 1,
      rationale: expect.any(String),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(new Set([res.body.data.fromClaimId, res.body.data.toClaimId])).toEqual(
      new Set([claims["peskov-denial"], claims["kyodo-report"]]),
    );
  });

  it("answers 304 to If-None-Match with the current ETag", async () => {
    const id = await derivedContradictionId();
    const res = await request(t.app).get(`/api/relations/${id}`).set("If-None-Match", '"1"');
    expect(res.status).toBe(304);
  });

  it("gives 404 not_found for an unknown relation", async () => {
    const res = await request(t.app).get("/api/relations/999999");
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: "not_found", message: 'relation "999999" was not found', details: null });
  });
});

describe("POST /api/relations", () => {
  it("proposes a relation, recorded as the token owner's first history event", async () => {
    const res = await request(t.app).post("/api/relations").set(bearer(reviewer)).send({
      fromClaimId: claims["publisher-framing"],
      toClaimId: claims["peskov-denial"],
      type: "supports",
      rationale: "  The framing leans on the denial  ",
      note: "spotted while reading",
    });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body.data).toMatchObject({
      fromClaimId: claims["publisher-framing"],
      toClaimId: claims["peskov-denial"],
      type: "supports",
      status: "proposed",
      origin: "curated",
      version: 1,
      rationale: "The framing leans on the denial",
    });
    const history = await request(t.app).get(`/api/relations/${res.body.data.id}/history`);
    expect(history.body.data.map(({ id: _id, createdAt: _at, ...event }: Record<string, unknown>) => event)).toEqual([
      { actor: "Somchai", fromStatus: null, toStatus: "proposed", note: "spotted while reading", version: 1 },
    ]);
  });

  it("refuses the same relation twice with 409 relation_exists, and a contradiction the other way round too", async () => {
    const id = await derivedContradictionId();
    const existing = (await request(t.app).get(`/api/relations/${id}`)).body.data;
    const res = await request(t.app).post("/api/relations").set(bearer(reviewer)).send({
      fromClaimId: existing.toClaimId,
      toClaimId: existing.fromClaimId,
      type: "contradicts",
      rationale: "again",
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("relation_exists");
    expect(res.body.error.details.existing.id).toBe(id);
  });

  it("refuses a claim related to itself with 422 self_relation", async () => {
    const res = await request(t.app).post("/api/relations").set(bearer(reviewer)).send({
      fromClaimId: claims["kyodo-report"],
      toClaimId: claims["kyodo-report"],
      type: "supports",
      rationale: "x",
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("self_relation");
    expect(res.body.error.details).toEqual([
      { path: "toClaimId", code: "self_relation", message: "must be another claim than fromClaimId" },
    ]);
  });

  it("gives 404 for an unknown claim and writes nothing", async () => {
    const before = await t.db.relation.count();
    const res = await request(t.app)
      .post("/api/relations")
      .set(bearer(reviewer))
      .send({ fromClaimId: claims["kyodo-report"], toClaimId: 987654, type: "supports", rationale: "x" });
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: "not_found", message: 'claim "987654" was not found', details: null });
    expect(await t.db.relation.count()).toBe(before);
  });

  it("refuses a reviewer name in the body: the actor is the token's owner", async () => {
    const res = await request(t.app).post("/api/relations").set(bearer(reviewer)).send({
      fromClaimId: claims["kyodo-report"],
      toClaimId: claims["peskov-denial"],
      type: "supports",
      rationale: "x",
      actor: "Someone Else",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_error");
    expect(res.body.error.details).toEqual([
      { path: "body", code: "unrecognized_keys", message: 'Unrecognized key: "actor"' },
    ]);
  });

  it("names each bad field with 400 validation_error", async () => {
    const res = await request(t.app)
      .post("/api/relations")
      .set(bearer(reviewer))
      .send({ fromClaimId: "one", type: "agrees", rationale: " " });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.fromClaimId",
      "body.toClaimId",
      "body.type",
      "body.rationale",
    ]);
  });
});

describe("POST /api/relations/:id/review", () => {
  it("sets the status, bumps the version and ETag, and appends exactly one event by the token's owner", async () => {
    const { id } = await propose("peskov-denial", "publisher-framing");
    const confirmed = await request(t.app)
      .post(`/api/relations/${id}/review`)
      .set(bearer(reviewer))
      .set("If-Match", '"1"')
      .send({ status: "confirmed", note: "both quotes checked against the text" });
    expect(confirmed.status).toBe(200);
    expect(confirmed.headers.etag).toBe('"2"');
    expect(confirmed.body.data).toMatchObject({ id, status: "confirmed", version: 2 });

    const dismissed = await request(t.app)
      .post(`/api/relations/${id}/review`)
      .set(bearer(await t.token("reviewer", "Malee")))
      .send({ status: "dismissed", version: 2 });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.data).toMatchObject({ status: "dismissed", version: 3 });

    const history = await request(t.app).get(`/api/relations/${id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.data.map(({ id: _id, createdAt: _at, ...event }: Record<string, unknown>) => event)).toEqual([
      { actor: "Somchai", fromStatus: null, toStatus: "proposed", note: null, version: 1 },
      {
        actor: "Somchai",
        fromStatus: "proposed",
        toStatus: "confirmed",
        note: "both quotes checked against the text",
        version: 2,
      },
      { actor: "Malee", fromStatus: "confirmed", toStatus: "dismissed", note: null, version: 3 },
    ]);
    const ids = history.body.data.map((e: { id: number }) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect((await request(t.app).get(`/api/relations/${id}`)).body.data).toMatchObject({
      status: "dismissed",
      version: 3,
    });
  });

  it("keeps the import's event first in an imported relation's history", async () => {
    const id = await derivedContradictionId();
    const history = await request(t.app).get(`/api/relations/${id}/history`);
    expect(history.body.data[0]).toMatchObject({
      actor: IMPORT_ACTOR,
      fromStatus: null,
      toStatus: "proposed",
      version: 1,
    });
  });

  it("gives 409 stale_version with the current relation for a stale If-Match, and writes nothing", async () => {
    const { id } = await propose("kyodo-report", "publisher-framing");
    await request(t.app)
      .post(`/api/relations/${id}/review`)
      .set(bearer(reviewer))
      .set("If-Match", '"1"')
      .send({ status: "needs_evidence" })
      .expect(200);
    const stale = await request(t.app)
      .post(`/api/relations/${id}/review`)
      .set(bearer(reviewer))
      .set("If-Match", '"1"')
      .send({ status: "confirmed" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("stale_version");
    expect(stale.body.error.message).toBe(`relation ${id} is at version 2, not 1; reload it and review again`);
    expect(stale.body.error.details.current).toMatchObject({ id, status: "needs_evidence", version: 2 });
    const history = await request(t.app).get(`/api/relations/${id}/history`);
    expect(history.body.data.map((e: { toStatus: string }) => e.toStatus)).toEqual(["proposed", "needs_evidence"]);
  });

  it("gives 428 precondition_required without If-Match or version", async () => {
    const { id } = await propose("kyodo-report", "peskov-denial");
    const res = await request(t.app)
      .post(`/api/relations/${id}/review`)
      .set(bearer(reviewer))
      .send({ status: "confirmed" });
    expect(res.status).toBe(428);
    expect(res.body.error.code).toBe("precondition_required");
    expect((await t.db.relation.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("refuses an If-Match that is not one version, and one that disagrees with the body's version", async () => {
    const id = await derivedContradictionId();
    const star = await request(t.app)
      .post(`/api/relations/${id}/review`)
      .set(bearer(reviewer))
      .set("If-Match", "*")
      .send({ status: "confirmed" });
    expect(star.status).toBe(400);
    expect(star.body.error.details).toEqual([
      { path: "headers.if-match", code: "invalid_format", message: 'must be one version as an ETag, e.g. "3"' },
    ]);
    const disagree = await request(t.app)
      .post(`/api/relations/${id}/review`)
      .set(bearer(reviewer))
      .set("If-Match", '"1"')
      .send({ status: "confirmed", version: 2 });
    expect(disagree.status).toBe(400);
    expect(disagree.body.error.details).toEqual([
      { path: "body.version", code: "custom", message: "If-Match and version name different versions" },
    ]);
  });

  it("gives 404 for an unknown relation", async () => {
    const res = await request(t.app)
      .post("/api/relations/999999/review")
      .set(bearer(reviewer))
      .set("If-Match", '"1"')
      .send({ status: "confirmed" });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("lets exactly one of 10 concurrent reviews of the same version win; the rest get 409", async () => {
    const { id } = await propose("publisher-framing", "kyodo-report", "contradicts");
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => t.token("reviewer", `concurrent ${i}`)));
    const statuses = ["confirmed", "dismissed", "needs_evidence"] as const;
    const responses = await Promise.all(
      tokens.map((token, i) =>
        request(t.server)
          .post(`/api/relations/${id}/review`)
          .set(bearer(token))
          .set("If-Match", '"1"')
          .send({ status: statuses[i % 3], note: `review ${i}` }),
      ),
    );
    const codes = responses.map((r) => r.status).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const winner = responses.find((r) => r.status === 200)!;
    for (const loser of responses.filter((r) => r.status === 409)) {
      expect(loser.body.error.code).toBe("stale_version");
      expect(loser.body.error.details.current).toEqual(winner.body.data);
    }
    const history = (await request(t.app).get(`/api/relations/${id}/history`)).body.data;
    expect(history).toHaveLength(2);
    const winnerIndex = responses.indexOf(winner);
    expect(history[1]).toMatchObject({
      actor: `concurrent ${winnerIndex}`,
      fromStatus: "proposed",
      toStatus: statuses[winnerIndex % 3],
      note: `review ${winnerIndex}`,
      version: 2,
    });
    expect((await t.db.relation.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });
});

describe("GET /api/relations/:id/history", () => {
  it("gives 404 for an unknown relation", async () => {
    const res = await request(t.app).get("/api/relations/424242/history");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});
