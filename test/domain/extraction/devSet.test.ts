import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DevSet, devTextSheet } from "../../../src/domain/extraction/devSet.js";

const set = (body: string, quote: string) =>
  DevSet.parse({
    language: "en",
    publisher: { slug: "paper", name: "The Paper", kind: "publisher", names: ["The Paper"] },
    publishedAt: "2026-03-04T08:00:00+00:00",
    texts: [
      {
        id: "t1",
        patterns: ["p"],
        body,
        sources: [{ slug: "ann", name: "Ann Lee", kind: "official", names: ["Ann Lee"] }],
        claims: [{ key: "c1", quote, chain: ["ann"], kind: "statement" }],
      },
    ],
  });

describe("devTextSheet", () => {
  it("gives each claim code-point offsets and a chain out to the publisher", () => {
    const dev = set("🙂 Ann Lee said rain would fall.", "rain would fall");
    const claim = devTextSheet(dev, dev.texts[0]!).claims[0]!;
    expect([claim.start, claim.end]).toEqual([15, 30]);
    expect(claim.chains[0]).toEqual([
      { source: "ann", role: "speaker" },
      { source: "paper", role: "publisher" },
    ]);
  });

  it("refuses a quote that is not in the body exactly once", () => {
    const dev = set("Ann Lee said rain, rain.", "rain");
    expect(() => devTextSheet(dev, dev.texts[0]!)).toThrow("t1 c1: the quote must occur exactly once in the body");
  });

  it("reads the committed development set: at least 15 texts per language, every key well formed", () => {
    for (const language of ["en", "th"]) {
      const dev = DevSet.parse(JSON.parse(readFileSync(`eval/dev/${language}.json`, "utf8")));
      expect(dev.texts.length).toBeGreaterThanOrEqual(15);
      for (const text of dev.texts) expect(devTextSheet(dev, text).claims.length).toBe(text.claims.length);
    }
  });
});
