import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { answerClientErrors } from "../../src/server.js";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();

/** Every error answer is this shape, whatever went wrong. */
function expectError(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.type).toBe("application/json");
  expect(res.body).toEqual({ error: { code, message: expect.any(String), details: null } });
}

describe("malformed requests", () => {
  it("400s a path parameter with a bad percent-encoding", async () => {
    for (const path of ["/api/claims/%zz", "/api/sources/%ff", "/api/relations/%E0%A4%A/history"]) {
      expectError(await request(seeded.app()).get(path), 400, "malformed_url");
    }
  });

  it("415s a JSON body in a charset other than UTF-8", async () => {
    const res = await request(seeded.app())
      .post("/api/extract")
      .set("Content-Type", "application/json; charset=latin1")
      .send('{"text":"x"}');
    expectError(res, 415, "unsupported_charset");
  });

  it("415s an unknown Content-Encoding", async () => {
    const res = await request(seeded.app())
      .post("/api/extract")
      .set("Content-Type", "application/json")
      .set("Content-Encoding", "x-foo")
      .send('{"text":"x"}');
    expectError(res, 415, "unsupported_encoding");
  });

  it("400s a body that claims gzip but is not compressed, and still reads a real gzip body", async () => {
    const fake = await request(seeded.app())
      .post("/api/extract")
      .set("Content-Type", "application/json")
      .set("Content-Encoding", "gzip")
      .send('{"text":"x"}');
    expectError(fake, 400, "malformed_body");
    const real = await request(seeded.app())
      .post("/api/extract")
      .set("Content-Type", "application/json")
      .set("Content-Encoding", "gzip")
      // superagent would JSON-encode a Buffer sent as application/json; send the bytes as they are.
      .serialize((bytes: Buffer) => bytes as unknown as string)
      .send(gzipSync('{"text":"x"}'));
    const plain = await request(seeded.app()).post("/api/extract").send({ text: "x" });
    expect(plain.status).toBe(200);
    expect(real.status).toBe(200);
    expect(real.body.data.sheet.article.body).toBe("x");
  });

  it("404s an export named after an Object.prototype property", async () => {
    for (const file of ["constructor.json", "constructor.csv", "claims.constructor", "sources.constructor"]) {
      expectError(await request(seeded.app()).get(`/api/export/${file}`), 404, "not_found");
    }
  });

  it("405s a known path with the wrong method, naming the allowed ones", async () => {
    const res = await request(seeded.app()).delete("/api/claims");
    expectError(res, 405, "method_not_allowed");
    expect(res.headers.allow).toBe("GET, HEAD");
    const put = await request(seeded.app()).put("/api/relations/1/review").send({});
    expectError(put, 405, "method_not_allowed");
    expect(put.headers.allow).toBe("POST");
  });

  it("still 404s an unknown path", async () => {
    expectError(await request(seeded.app()).delete("/api/nothing-here"), 404, "not_found");
  });
});

describe("requests Node refuses before Express sees them", () => {
  it("431s a 20 KB URL with the JSON error body", async () => {
    const server = createServer(seeded.app());
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/api/claims?q=${"a".repeat(20_000)}`);
      expect(res.status).toBe(431);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect((await res.json()).error.code).toBe("request_header_fields_too_large");
    } finally {
      server.close();
    }
  });
});
