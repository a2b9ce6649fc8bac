import { describe, expect, it } from "vitest";
import { evaluateExtraction, formatEvaluation, spansMatch } from "../../../src/domain/extraction/evaluateExtraction.js";
import { ClaimSheet } from "../../../src/domain/sheets/claimSheet.js";
import { smallSheet } from "../../support/sheets.js";

describe("spansMatch", () => {
  it("needs an overlap of at least half the shorter span", () => {
    expect(spansMatch({ start: 0, end: 10 }, { start: 5, end: 40 })).toBe(true);
    expect(spansMatch({ start: 0, end: 10 }, { start: 6, end: 40 })).toBe(false);
    expect(spansMatch({ start: 0, end: 10 }, { start: 10, end: 12 })).toBe(false);
    expect(spansMatch({ start: 2, end: 4 }, { start: 0, end: 100 })).toBe(true);
  });
});

describe("evaluateExtraction", () => {
  it("scores the extractor against a curated sheet and lists what it missed", () => {
    const evaluation = evaluateExtraction(ClaimSheet.parse(smallSheet()));
    expect(Object.fromEntries(evaluation.scores.map((s) => [s.metric, `${s.correct}/${s.total}`]))).toEqual({
      "claim recall": "2/2",
      "claim recall (one-to-one)": "2/2",
      "claim precision": "2/2",
      "speaker accuracy": "2/2",
      "chain accuracy": "2/2",
      // The publisher's own "อาจ" runs into the relayed report's span (no connective ends it).
      "stance accuracy": "1/2",
      "contradiction recall": "0/0",
    });
    expect(evaluation.misses).toEqual(["stance of kyodo-report: proposed hedges, curated asserts"]);
    expect(formatEvaluation(evaluation)).toContain("| contradiction recall       |   n/a |     0/0 |        |");
  });
});
