import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sheetIds, type TestApp } from "../support/app.js";

let t: TestApp;
let claims: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp({ writeRateLimitPerMinute: 1000 });
  claims = (await sheetIds(t)).claims;
});
afterAll(() => t.close());

// On PostgreSQL requests write at once; the unique index covers one direction of a pair only.
describe("POST /api/relations at once", () => {
  it("lets one of 10 concurrent proposals of one contradiction, either way round, through; the rest get 409", async () => {
    const a = claims["publisher-framing"]!;
    const b = claims["kyodo-report"]!;
    const token = await t.token("reviewer", "racer");
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request(t.server)
          .post("/api/relations")
          .set("Authorization", `Bearer ${token}`)
          .send({ fromClaimId: i % 2 ? a : b, toClaimId: i % 2 ? b : a, type: "contradicts", rationale: `race ${i}` }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const winner = responses.find((r) => r.status === 201)!.body.data as { id: number };
    for (const loser of responses.filter((r) => r.status === 409)) {
      expect(loser.body.error.code).toBe("relation_exists");
      expect(loser.body.error.details.existing.id).toBe(winner.id);
    }
    const stored = await t.db.relation.count({
      where: {
        type: "contradicts",
        OR: [
          { fromClaimId: a, toClaimId: b },
          { fromClaimId: b, toClaimId: a },
        ],
      },
    });
    expect(stored).toBe(1);
  });
});
