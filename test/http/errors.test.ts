import request from "supertest";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { createDb } from "../../src/db/client.js";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();

describe("the error model", () => {
  it("404s an unknown route with a JSON body", async () => {
    const res = await request(seeded.app()).get("/api/nothing-here").expect(404);
    expect(res.body).toEqual({
      error: { code: "not_found", message: "no route for GET /api/nothing-here", details: null },
    });
  });

  it("400s malformed JSON", async () => {
    const res = await request(seeded.app())
      .post("/api/extract")
      .set("content-type", "application/json")
      .send("{ not json")
      .expect(400);
    expect(res.body.error.code).toBe("malformed_json");
  });

  it("413s a body over the limit", async () => {
    const res = await request(seeded.app())
      .post("/api/extract")
      .set("content-type", "application/json")
      .send(JSON.stringify({ text: "ก".repeat(70 * 1024) }))
      .expect(413);
    expect(res.body.error).toEqual({
      code: "payload_too_large",
      message: "the request body is larger than the limit of 65536 bytes",
      details: null,
    });
  });

  it("500s an unexpected failure with a generic message, logging the cause", async () => {
    const logged: unknown[] = [];
    // A database without tables: every query fails inside Prisma.
    const broken = createDb(`file:${seeded.testDb().url.replace(/^file:/, "")}-empty.db`);
    const app = buildApp({ config: { bodyLimitBytes: 1024 }, db: broken, log: (_m, e) => logged.push(e) });
    const res = await request(app).get("/api/articles").expect(500);
    expect(res.body).toEqual({
      error: { code: "internal_error", message: "something went wrong on our side", details: null },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/prisma|sqlite|at /i);
    expect(logged).toHaveLength(1);
    await broken.$disconnect();
  });
});
