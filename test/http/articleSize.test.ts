import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { createApiToken } from "../../src/domain/access/tokenService.js";
import { smallSheet } from "../support/sheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let test: TestDb;
let token: string;
beforeAll(async () => {
  test = createTestDb();
  token = (await createApiToken(test.db, { name: "size admin", role: "admin" })).token;
});
afterAll(() => test.close());

describe("POST /api/articles and MAX_ARTICLE_BYTES", () => {
  it("refuses a body over the limit with 422 naming article.body, and takes one at the limit", async () => {
    const sheet = smallSheet("sized");
    const bytes = Buffer.byteLength(sheet.article.body);
    const app = (limit: number) =>
      buildApp({ config: { bodyLimitBytes: 1024 * 1024, maxArticleBytes: limit }, db: test.db, log: () => {} });
    const over = await request(app(bytes - 1))
      .post("/api/articles")
      .set("Authorization", `Bearer ${token}`)
      .send(sheet);
    expect(over.status).toBe(422);
    expect(over.body.error.details).toContainEqual({
      path: "article.body",
      code: "too_big",
      message: `the body is ${bytes} bytes; the limit is ${bytes - 1} (MAX_ARTICLE_BYTES)`,
    });
    const at = await request(app(bytes)).post("/api/articles").set("Authorization", `Bearer ${token}`).send(sheet);
    expect(at.status).toBe(201);
  });
});
