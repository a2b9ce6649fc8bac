import { describe, expect, it } from "vitest";
import { deriveContradictions, pairKey, type StanceRecord } from "../../src/domain/relations/deriveContradictions.js";

const stance = (
  claimId: number,
  speakerId: number,
  stance: StanceRecord["stance"],
  propositionId = 1,
): StanceRecord => ({
  claimId,
  speakerId,
  speakerName: `Speaker ${speakerId}`,
  propositionId,
  propositionText: `Proposition ${propositionId}`,
  stance,
});

describe("deriveContradictions", () => {
  it("pairs a denial with each assertion by another speaker, denial first", () => {
    expect(
      deriveContradictions([stance(1, 10, "asserts"), stance(2, 20, "denies"), stance(3, 30, "asserts")], new Set()),
    ).toEqual([
      { fromClaimId: 2, toClaimId: 1, rationale: 'Speaker 20 denies and Speaker 10 asserts: "Proposition 1"' },
      { fromClaimId: 2, toClaimId: 3, rationale: 'Speaker 20 denies and Speaker 30 asserts: "Proposition 1"' },
    ]);
  });

  it("does not pair a speaker with itself, hedges, or stances on different propositions", () => {
    const stances = [
      stance(1, 10, "asserts"),
      stance(2, 10, "denies"),
      stance(3, 20, "hedges"),
      stance(4, 30, "denies", 2),
    ];
    expect(deriveContradictions(stances, new Set())).toEqual([]);
  });

  it("skips pairs that already have a contradiction either way round", () => {
    expect(deriveContradictions([stance(1, 10, "asserts"), stance(2, 20, "denies")], new Set([pairKey(1, 2)]))).toEqual(
      [],
    );
    expect(pairKey(2, 1)).toBe(pairKey(1, 2));
  });

  it("leaves the existing pairs it is given as they were", () => {
    const existing = new Set([pairKey(7, 8)]);
    expect(deriveContradictions([stance(1, 10, "asserts"), stance(2, 20, "denies")], existing)).toHaveLength(1);
    expect([...existing]).toEqual([pairKey(7, 8)]);
  });

  it("proposes a pair once even when two propositions oppose them", () => {
    const stances = [
      stance(1, 10, "asserts", 1),
      stance(2, 20, "denies", 1),
      stance(1, 10, "asserts", 2),
      stance(2, 20, "denies", 2),
    ];
    expect(deriveContradictions(stances, new Set())).toHaveLength(1);
  });
});
