import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeExport } from "../../src/domain/exports/writeExport.js";
import { importClaimSheets } from "../../src/domain/sheets/importClaimSheet.js";
import { englishSheet, thaiSheet } from "../support/hostileSheets.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let test: TestDb;

beforeAll(async () => {
  test = createTestDb();
  await importClaimSheets(test.db, [thaiSheet(), englishSheet()]);
});

afterAll(() => test.close());

/** A destination that takes 16 bytes before asking the writer to wait, and is slow to empty. */
function slowDestination() {
  const chunks: Buffer[] = [];
  let mostWaiting = 0;
  let largestChunk = 0;
  const out = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      largestChunk = Math.max(largestChunk, chunk.length);
      setTimeout(done, 1);
    },
  });
  const write = out.write.bind(out);
  out.write = ((chunk: string, ...rest: never[]) => {
    mostWaiting = Math.max(mostWaiting, out.writableLength);
    return write(chunk, ...rest);
  }) as typeof out.write;
  return { out, text: () => Buffer.concat(chunks).toString("utf8"), stats: () => ({ mostWaiting, largestChunk }) };
}

describe("writeExport", () => {
  it("waits for a full destination to drain instead of queueing pages in memory", async () => {
    for (const format of ["csv", "json", "jsonl"] as const) {
      const { out, text, stats } = slowDestination();
      await writeExport(test.db, { table: "claims", format, filters: {}, baseUrl: "http://x", pageSize: 1 }, out);
      // Never more waiting than what the last write put there (a page of one claim).
      expect(stats().mostWaiting).toBeLessThanOrEqual(stats().largestChunk);
      expect(text()).toContain("=ไม่มีการเจรจาเรื่องอาวุธ");
    }
  });

  it("lets other work run after every write even when the destination drains at once (a fast client must not stall the server)", async () => {
    for (const format of ["csv", "jsonl", "jsonld"] as const) {
      const events: string[] = [];
      // Like a socket whose kernel buffer takes each chunk at once: every write asks to wait,
      // and "drain" follows on the same turn of the event loop.
      const out = new Writable({
        highWaterMark: 1,
        write(_chunk, _encoding, done) {
          events.push("write");
          done();
        },
      });
      const otherWork = () => {
        events.push("other");
        if (!out.writableFinished) setImmediate(otherWork);
      };
      setImmediate(otherWork);
      await writeExport(test.db, { table: "claims", format, filters: {}, baseUrl: "http://x", pageSize: 1 }, out);
      const writes = events.filter((event) => event === "write").length;
      expect(writes).toBeGreaterThanOrEqual(5);
      // A turn of the event loop after every write, not only when the export is done (on
      // PostgreSQL, whose queries wait on the network, other work may get several turns).
      const fromFirstWrite = events.slice(events.indexOf("write"));
      const oneOtherEach = fromFirstWrite.filter((event, i) => event === "write" || fromFirstWrite[i - 1] !== "other");
      expect(oneOtherEach.slice(0, 2 * writes)).toEqual(
        Array.from({ length: writes }, () => ["write", "other"]).flat(),
      );
    }
  });

  it("reports progress as claims are written, in every claim format", async () => {
    for (const format of ["csv", "json", "jsonld"] as const) {
      const seen: number[] = [];
      const { out } = slowDestination();
      await writeExport(
        test.db,
        { table: "claims", format, filters: {}, baseUrl: "http://x", pageSize: 2, onProgress: (n) => seen.push(n) },
        out,
      );
      expect(seen.at(-1)).toBe(5);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }
  });

  it("fails, rather than hanging, when the destination is closed mid-way", async () => {
    const out = new Writable({ highWaterMark: 1, write: (_chunk, _encoding, done) => setTimeout(done, 5) });
    setTimeout(() => out.destroy(), 2);
    await expect(
      writeExport(test.db, { table: "claims", format: "csv", filters: {}, baseUrl: "http://x", pageSize: 1 }, out),
    ).rejects.toThrow();
  });
});
