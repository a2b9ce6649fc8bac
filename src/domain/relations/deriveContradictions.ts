import type { Stance } from "../vocabulary.js";

/** A claim's stance on a proposition, with who made the claim. */
export interface StanceRecord {
  claimId: number;
  speakerId: number;
  speakerName: string;
  propositionId: number;
  propositionText: string;
  stance: Stance;
}

export interface DerivedContradiction {
  fromClaimId: number;
  toClaimId: number;
  rationale: string;
}

/**
 * Proposes a contradiction for every pair of claims by different speakers where one asserts
 * and the other denies the same proposition. Pairs that already have a contradicts relation
 * (either way round, see `pairKey`) are skipped. The denial is the `from` side. With `among`,
 * only pairs with at least one of those claims (an import's own: pairs of claims stored before
 * were proposed when the later of them was imported).
 */
export function deriveContradictions(
  stances: StanceRecord[],
  existingPairs: ReadonlySet<string>,
  among?: ReadonlySet<number>,
): DerivedContradiction[] {
  const byProposition = new Map<number, StanceRecord[]>();
  for (const record of stances) {
    const group = byProposition.get(record.propositionId) ?? [];
    group.push(record);
    byProposition.set(record.propositionId, group);
  }
  const derived: DerivedContradiction[] = [];
  // Pairs proposed here; `existingPairs` is only read, never copied: a caller may pass every
  // contradiction of a large corpus, and copying it for each sheet made imports quadratic.
  const proposed = new Set<string>();
  for (const group of byProposition.values()) {
    const denials = group.filter((record) => record.stance === "denies");
    const assertions = group.filter((record) => record.stance === "asserts");
    for (const denial of denials) {
      for (const assertion of assertions) {
        if (denial.speakerId === assertion.speakerId) continue;
        if (among && !among.has(denial.claimId) && !among.has(assertion.claimId)) continue;
        const key = pairKey(denial.claimId, assertion.claimId);
        if (existingPairs.has(key) || proposed.has(key)) continue;
        proposed.add(key);
        derived.push({
          fromClaimId: denial.claimId,
          toClaimId: assertion.claimId,
          rationale: `${denial.speakerName} denies and ${assertion.speakerName} asserts: "${denial.propositionText}"`,
        });
      }
    }
  }
  return derived;
}

/** An order-free key for a pair of claims. */
export function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
