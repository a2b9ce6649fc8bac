import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzServer, isErrorShape } from "../../scripts/fuzz/fuzzRequests.js";
import { answerClientErrors } from "../../src/server.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
let tokens: string[];
beforeAll(async () => {
  t = await createTestApp({ writeRateLimitPerMinute: 100_000, authFailuresPerMinute: 100_000 });
  answerClientErrors(t.server);
  tokens = [await t.token("reader"), await t.token("reviewer"), await t.token("admin")];
});
afterAll(() => t.close());

describe("a seeded sample of npm run fuzz", () => {
  it("gets no 5xx and only error bodies in the error shape for 400 generated requests", {
    timeout: 120_000,
  }, async () => {
    const { port } = t.server.address() as { port: number };
    const report = await fuzzServer({ baseUrl: `http://127.0.0.1:${port}`, count: 400, seed: 20261201, tokens });
    expect(report.sent).toBe(400);
    expect(report.failures).toEqual([]);
    // The sample reaches past the guards: some requests succeed, some fail validation.
    expect(report.byStatus[200]).toBeGreaterThan(0);
    expect(report.byStatus[400]).toBeGreaterThan(0);
  });

  it("recognises the error shape and nothing else", () => {
    expect(isErrorShape('{"error":{"code":"x","message":"y","details":null}}')).toBe(true);
    expect(isErrorShape('{"error":{"code":"x","message":"y"}}')).toBe(false);
    expect(isErrorShape("<html>")).toBe(false);
    expect(isErrorShape('{"error":{"code":"x","message":"y","details":null},"data":1}')).toBe(false);
  });
});
