import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { createApiToken } from "../../src/domain/access/tokenService.js";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { smallSheet } from "../support/sheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let test: TestDb;
let admin: string;
const PUBLIC_URL = "https://claims.example.org";
const app = () =>
  buildApp({ config: { bodyLimitBytes: 1024 * 1024, publicUrl: PUBLIC_URL }, db: test.db, log: () => {} });

beforeAll(async () => {
  test = createTestDb();
  await importClaimSheet(test.db, smallSheet());
  admin = (await createApiToken(test.db, { name: "url admin", role: "admin" })).token;
});
afterAll(() => test.close());

describe("article URLs", () => {
  it.each(["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/a", "vbscript:x"])(
    "refuses %s at import with 422 naming article.url, writing nothing",
    async (url) => {
      const sheet = { ...smallSheet("hostile-url"), article: { ...smallSheet("hostile-url").article, url } };
      sheet.article.body = `${sheet.article.body} `;
      const res = await request(app()).post("/api/articles").set("Authorization", `Bearer ${admin}`).send(sheet);
      expect(res.status).toBe(422);
      expect(res.body.error.details).toContainEqual(
        expect.objectContaining({ path: "article.url", message: "must be an http or https URL" }),
      );
      expect(await test.db.article.count({ where: { slug: "hostile-url" } })).toBe(0);
    },
  );
});

describe("absolute URLs in exports", () => {
  it("come from PUBLIC_URL, whatever Host the client sends", async () => {
    const res = await request(app())
      .get("/api/export/claims.jsonld")
      .set("Host", "attacker.example")
      .set("X-Forwarded-Host", "attacker.example")
      .expect(200);
    const text = res.text;
    expect(text).not.toContain("attacker.example");
    const doc = JSON.parse(text);
    const ids: string[] = JSON.stringify(doc).match(/"@id":"[^"]+"/g) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids.filter((i) => i.includes("://"))) expect(id).toContain(`"@id":"${PUBLIC_URL}/`);
  });
});
