import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  rawPath?: unknown;
}

/** "METHOD /path" of every route mounted in the app, found by walking Express's router stack. */
function mountedRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== "_all") found.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
        }
      } else if (layer.handle.stack) {
        if (typeof layer.rawPath !== "string")
          throw new Error(`a router is mounted at ${String(layer.rawPath)}, which this walk cannot follow`);
        walk(layer.handle.stack, layer.rawPath === "/" ? prefix : `${prefix}${layer.rawPath}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, "");
  return found.sort();
}

let t: TestApp;
let doc: {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown }>>;
};

beforeAll(async () => {
  t = await createTestApp();
  doc = (await request(t.app).get("/api/openapi.json")).body;
});
afterAll(() => t.close());

const documented = () =>
  Object.entries(doc.paths)
    .flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ":$1")}`),
    )
    .sort();

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 document", () => {
    expect(doc.openapi).toBe("3.1.0");
  });

  it("documents every route mounted under /api, and nothing else", () => {
    const mounted = mountedRoutes(t.app).filter((r) => r.split(" ")[1]!.startsWith("/api/"));
    expect(mounted.length).toBeGreaterThanOrEqual(16);
    expect(documented()).toEqual(mounted);
  });

  it("documents the review routes with their guards and errors", () => {
    const review = doc.paths["/api/relations/{id}/review"]!.post!;
    expect(Object.keys(review.responses)).toEqual(["200", "400", "401", "403", "404", "409", "413", "428", "429"]);
    expect(review.security).toEqual([{ bearerToken: [] }]);
    expect(JSON.stringify(review)).toContain('"name":"if-match","in":"header"');
    const read = doc.paths["/api/relations/{id}"]!.get!;
    expect(Object.keys(read.responses)).toEqual(["200", "400", "401", "404"]);
    expect(read.security).toBeUndefined();
  });

  it("describes request bodies with the schema the route validates with", () => {
    const body = (
      doc.paths["/api/relations"]!.post as unknown as { requestBody: { content: Record<string, { schema: unknown }> } }
    ).requestBody;
    expect(body.content["application/json"]!.schema).toMatchObject({
      type: "object",
      required: ["fromClaimId", "toClaimId", "type", "rationale"],
      additionalProperties: false,
      properties: { type: { type: "string", enum: ["contradicts", "supports", "qualifies"] } },
    });
  });
});

describe("GET /api/docs", () => {
  it("serves Swagger UI from this server's own files", async () => {
    const page = await request(t.app).get("/api/docs");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual([
      "/api/docs/assets/favicon-32x32.png",
      "/api/docs/assets/swagger-ui.css",
      "/api/docs/assets/swagger-ui-bundle.js",
      "/api/docs/assets/init.js",
    ]);
    for (const source of sources) expect((await request(t.app).get(source!)).status).toBe(200);
    expect((await request(t.app).get("/api/docs/assets/init.js")).text).toContain('url: "/api/openapi.json"');
  });

  it("serves no other file of the package", async () => {
    expect((await request(t.app).get("/api/docs/assets/index.html")).status).toBe(404);
    expect((await request(t.app).get("/api/docs/assets/../package.json")).status).toBe(404);
  });
});
