import request from "supertest";
import { buildApp } from "../../src/app.js";
import type { Db } from "../../src/db/client.js";

/** A supertest agent on buildApp over a test database, with a small upload limit to test 413. */
export function testApp(db: Db, bodyLimitBytes = 1024 * 1024) {
  return request(buildApp({ config: { bodyLimitBytes }, db, log: () => {} }));
}

/** supertest parser that keeps a binary body (XLSX) as a Buffer. */
export function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  stream.on("end", () => callback(null, Buffer.concat(chunks)));
  stream.on("error", (error: Error) => callback(error, Buffer.alloc(0)));
}
