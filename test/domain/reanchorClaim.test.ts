import { describe, expect, it } from "vitest";
import { reanchorClaim } from "../../src/domain/sheets/reanchorClaim.js";
import { findCodePointOffsets } from "../../src/domain/text/codePoints.js";

const OLD = 'Peskov said "no talks". Later, Kyodo said "no talks" again.';
const at = (body: string, quote: string, nth = 0) => {
  const start = findCodePointOffsets(body, quote)[nth]!;
  return { quote, start, end: start + [...quote].length };
};

describe("reanchorClaim", () => {
  it("keeps a quote still at its offsets", () => {
    const claim = at(OLD, "Peskov said");
    expect(reanchorClaim(OLD, `${OLD} Corrected.`, claim)).toEqual(claim);
  });

  it("moves a quote found once elsewhere in the new body", () => {
    const fresh = `Update: ${OLD}`;
    expect(reanchorClaim(OLD, fresh, at(OLD, "Peskov said"))).toEqual(at(fresh, "Peskov said"));
  });

  it("picks among repeated quotes by the old prefix and suffix", () => {
    const fresh = `Correction first. ${OLD}`;
    expect(reanchorClaim(OLD, fresh, at(OLD, '"no talks"', 1))).toEqual(at(fresh, '"no talks"', 1));
    expect(reanchorClaim(OLD, fresh, at(OLD, '"no talks"', 0))).toEqual(at(fresh, '"no talks"', 0));
  });

  it("orphans a quote the new body no longer has, or has only inside a grapheme", () => {
    expect(reanchorClaim(OLD, "Entirely rewritten.", at(OLD, "Peskov said"))).toBeNull();
    // "ก" followed by a combining vowel sign is one grapheme: the bare consonant is not a quote of it.
    expect(reanchorClaim("ก ข", "กี ข", { quote: "ก", start: 0, end: 1 })).toBeNull();
  });
});
