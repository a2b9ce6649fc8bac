import { describe, expect, it } from "vitest";
import { readingAhead } from "../../src/domain/exports/keyset.js";

/** Pages 1..count, recording when each read starts and whether the source was closed. */
function pagesOf(count: number, failAt?: number) {
  const log: string[] = [];
  async function* pages(): AsyncGenerator<number> {
    try {
      for (let page = 1; page <= count; page++) {
        log.push(`read ${page}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (page === failAt) throw new Error(`page ${page} failed`);
        yield page;
      }
    } finally {
      log.push("closed");
    }
  }
  return { log, pages: pages() };
}

describe("readingAhead", () => {
  it("yields every page in order and starts the next page's read before the consumer asks", async () => {
    const { log, pages } = pagesOf(3);
    const seen: number[] = [];
    for await (const page of readingAhead(pages)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(page);
      log.push(`used ${page}`);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(log).toEqual(["read 1", "read 2", "used 1", "read 3", "used 2", "closed", "used 3"]);
  });

  it("closes the source when the consumer stops early, and a failing read in flight is not left unhandled", async () => {
    const { log, pages } = pagesOf(5, 2);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      for await (const page of readingAhead(pages)) {
        expect(page).toBe(1);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(log).toEqual(["read 1", "read 2", "closed"]);
  });

  it("passes a read's failure to the consumer", async () => {
    const { pages } = pagesOf(3, 2);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const page of readingAhead(pages)) seen.push(page);
      })(),
    ).rejects.toThrow("page 2 failed");
    expect(seen).toEqual([1]);
  });
});
