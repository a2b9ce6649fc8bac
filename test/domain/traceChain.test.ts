import { describe, expect, it } from "vitest";
import { formatWithOffset, utcOffsetMinutes } from "../../src/domain/articles/publishedAt.js";
import { type SourceSummary, sharedSources, traceChains } from "../../src/domain/attribution/traceChain.js";

const source = (slug: string, kind: SourceSummary["kind"], stateControlled = false): SourceSummary => ({
  slug,
  name: slug.toUpperCase(),
  kind,
  country: null,
  stateControlled,
});

describe("traceChains", () => {
  const links = [
    { chain: 0, position: 3, role: "publisher" as const, source: source("iq", "publisher") },
    { chain: 0, position: 0, role: "speaker" as const, source: source("shoigu", "official") },
    { chain: 0, position: 2, role: "relay" as const, source: source("yonhap", "news_agency") },
    { chain: 0, position: 1, role: "reporter" as const, source: source("kcbs", "broadcaster", true) },
  ];

  it("orders links from speaker to publisher and renders them", () => {
    const [chain] = traceChains(links);
    expect(chain!.text).toBe("SHOIGU → KCBS → YONHAP → IQ");
    expect(chain!.slugs).toBe("shoigu>kcbs>yonhap>iq");
    expect(chain!.hopDistance).toBe(3);
    expect(chain!.throughStateMedia).toBe(true);
    expect(chain!.throughAnonymous).toBe(false);
  });

  it("does not count a state-controlled government as state media, and flags anonymous sources", () => {
    const [chain] = traceChains([
      { chain: 0, position: 0, role: "speaker", source: source("kremlin", "government", true) },
      { chain: 0, position: 1, role: "reporter", source: source("anon", "anonymous") },
      { chain: 0, position: 2, role: "publisher", source: source("iq", "publisher") },
    ]);
    expect(chain!.throughStateMedia).toBe(false);
    expect(chain!.throughAnonymous).toBe(true);
  });

  it("keeps independent chains apart and gives a publisher speaking alone a distance of 0", () => {
    const chains = traceChains([
      { chain: 1, position: 0, role: "speaker", source: source("iq", "publisher") },
      { chain: 0, position: 0, role: "speaker", source: source("iq", "publisher") },
    ]);
    expect(chains.map((c) => [c.index, c.hopDistance])).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it("lists the sources two sides share", () => {
    const a = traceChains(links);
    const b = traceChains([
      { chain: 0, position: 0, role: "speaker", source: source("kcbs", "broadcaster", true) },
      { chain: 0, position: 1, role: "publisher", source: source("iq", "publisher") },
    ]);
    expect(sharedSources(a, b).map((s) => s.slug)).toEqual(["kcbs", "iq"]);
  });
});

describe("publication time", () => {
  it("keeps the UTC offset it was published with", () => {
    const published = "2023-09-20T12:14:00+07:00";
    expect(utcOffsetMinutes(published)).toBe(420);
    expect(formatWithOffset(new Date(published), 420)).toBe(published);
    expect(formatWithOffset(new Date("2023-09-20T05:14:00Z"), -150)).toBe("2023-09-20T02:44:00-02:30");
    expect(formatWithOffset(new Date("2023-09-20T05:14:00Z"), 0)).toBe("2023-09-20T05:14:00Z");
  });
});
