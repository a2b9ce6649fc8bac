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
    const gold = ClaimSheet.parse(smallSheet());
    // Curate one stance differently from what the extractor will propose, so a miss is listed.
    gold.claims.find((c) => c.key === "kyodo-report")!.hedged = true;
    // The denial and the report contradict each other: curate it, so the proposal counts as right.
    gold.relations.push({
      from: "peskov-denial",
      to: "kyodo-report",
      type: "contradicts",
      rationale: "denies what Kyodo reports",
      status: "proposed",
      origin: "curated",
    });
    const evaluation = evaluateExtraction(gold);
    expect(Object.fromEntries(evaluation.scores.map((s) => [s.metric, `${s.correct}/${s.total}`]))).toEqual({
      "claim recall": "2/2",
      "claim recall (one-to-one)": "2/2",
      "claim precision": "2/2",
      "speaker accuracy": "2/2",
      "chain accuracy": "2/2",
      "stance accuracy": "1/2",
      "kind accuracy": "2/2",
      "contradiction recall": "1/1",
      "contradiction precision": "1/1",
    });
    expect(evaluation.misses).toEqual(["stance of kyodo-report: proposed asserts, curated hedges"]);
    expect(formatEvaluation(evaluation)).toContain("| contradiction recall       | 1.000 |     1/1 | >=0.60 |");
  });

  it("lists a claim it missed and the proposals no curated claim matches", () => {
    const gold = ClaimSheet.parse(smallSheet());
    const evaluation = evaluateExtraction({
      ...gold,
      claims: gold.claims.filter((c) => c.key !== "peskov-denial"),
      relations: [],
    });
    expect(evaluation.scores[0]).toMatchObject({ metric: "claim recall", correct: 1, total: 1 });
    expect(evaluation.scores[2]).toMatchObject({ metric: "claim precision", correct: 1, total: 2 });
    expect(evaluation.misses).toEqual([
      'extra proposal c1 (ปฏิเสธว่า): "ไม่มีการลงนามข้อตกลงทางทหาร"',
      'wrong contradiction c2 <> c1: rule contrast_connective: c1 says "ไม่มี" where c2 asserts, joined by "ขณะที่"; shared "ตกลง", "ทหาร"',
    ]);
  });
});
