import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("GET /", () => {
  it("serves the page shell under the same CSP as the API, with no inline script", async () => {
    const response = await request(t.app).get("/");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("no-cache");
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(response.text).toContain('<script type="module" src="/assets/app.js"></script>');
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(response.text).not.toMatch(/\son[a-z]+=/);
  });
});

describe("GET /assets/*", () => {
  it("serves the ES modules as JavaScript and the stylesheet as CSS", async () => {
    const script = await request(t.app).get("/assets/app.js");
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    const view = await request(t.app).get("/assets/views/compare.js");
    expect(view.status).toBe(200);
    const css = await request(t.app).get("/assets/styles.css");
    expect(css.status).toBe(200);
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
  });

  it("serves the favicon the shell links, and no longer a separate /extract page", async () => {
    const shell = await request(t.app).get("/");
    expect(shell.text).toContain('<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">');
    const icon = await request(t.app).get("/assets/favicon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toBe("image/svg+xml");
    expect((await request(t.app).get("/extract/")).status).toBe(404);
  });

  it("answers an unknown asset with the API's 404 error body", async () => {
    const response = await request(t.app).get("/assets/nope.js");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: { code: "not_found", message: "no route for GET /assets/nope.js", details: null },
    });
  });

  it("does not serve the browser code's tsconfig or anything outside the assets folder", async () => {
    expect((await request(t.app).get("/assets/tsconfig.json")).status).toBe(404);
    expect((await request(t.app).get("/assets/../webRoutes.ts")).status).toBe(404);
    expect((await request(t.app).get("/assets/%2e%2e/webRoutes.ts")).status).toBe(404);
  });
});
