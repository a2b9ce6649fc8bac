import { describe, expect, it } from "vitest";
import { checkClaimSheet, sha256Hex } from "../../src/domain/sheets/checkClaimSheet.js";
import { ClaimSheet } from "../../src/domain/sheets/claimSheet.js";
import { smallSheet } from "../support/sheets.js";

function check(mutate: (sheet: ReturnType<typeof smallSheet>) => void, known: string[] = []) {
  const input = smallSheet();
  mutate(input);
  return checkClaimSheet(ClaimSheet.parse(input), new Set(known));
}

describe("checkClaimSheet", () => {
  it("finds nothing wrong with a valid sheet", () => {
    expect(check(() => {})).toEqual([]);
  });

  it("accepts a matching body hash and refuses a wrong one", () => {
    expect(check((s) => (s.article.bodySha256 = sha256Hex(s.article.body)))).toEqual([]);
    expect(check((s) => (s.article.bodySha256 = "0".repeat(64)))).toEqual([
      { path: "article.bodySha256", code: "body_hash_mismatch", message: "does not match the SHA-256 of article.body" },
    ]);
  });

  it("reports a quote not at its offsets, and where it does occur", () => {
    const problems = check((s) => {
      s.claims[0]!.start += 1;
      s.claims[0]!.end += 1;
    });
    expect(problems).toEqual([
      { path: "claims[0].quote", code: "quote_not_at_offsets", message: "quote is not at 20-47: it occurs at 19" },
    ]);
  });

  it("reports a quote that is nowhere in the body", () => {
    const problems = check((s) => (s.claims[0]!.quote = "ไม่มีในข่าว"));
    expect(problems.map((p) => [p.path, p.code, p.message])).toEqual([
      ["claims[0].quote", "quote_not_at_offsets", "quote is not at 19-46: it does not occur in the body"],
    ]);
  });

  it("refuses a span that ends between a consonant and its tone mark", () => {
    // "ไม่" = ไ ม ่ : ending after ม cuts the tone mark off its consonant.
    const problems = check((s) => {
      Object.assign(s.claims[0]!, { quote: "ไม", start: 19, end: 21 });
    });
    expect(problems).toEqual([
      { path: "claims[0].end", code: "span_splits_grapheme", message: "end (21) falls inside a grapheme" },
    ]);
  });

  it("counts offsets in code points past an emoji", () => {
    const problems = check((s) => {
      const body = s.article.body;
      const emojiAt = [...body].indexOf("😀");
      s.claims.push({
        key: "emoji",
        quote: "😀",
        start: emojiAt,
        end: emojiAt + 1,
        gloss: "an emoji",
        kind: "editorial",
        chains: [[{ source: "test-wire", role: "speaker" }]],
      });
    });
    expect(problems).toEqual([]);
  });

  it("reports every unknown reference and duplicate at once", () => {
    const problems = check((s) => {
      s.sources.push({ ...s.sources[1]!, names: ["นายเพสคอฟ", "นายเพสคอฟ"] });
      s.claims[1]!.key = "peskov-denial";
      s.claims[0]!.chains[0]![0]!.source = "nobody";
      s.claims[0]!.stances![0]!.proposition = "no-such-proposition";
      s.relations!.push({ from: "ghost", to: "kyodo-report", type: "supports", rationale: "x" });
    });
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      "sources[5].slug duplicate_source",
      "sources[5].names duplicate_name",
      "claims[0].chains[0][0].source unknown_source",
      "claims[0].stances[0].proposition unknown_proposition",
      "claims[1].key duplicate_claim",
      "relations[0].to unknown_claim",
      "relations[1].from unknown_claim",
      "relations[1].to unknown_claim",
    ]);
  });

  it("accepts a source that is already stored instead of listed", () => {
    expect(check((s) => (s.sources = s.sources.filter((x) => x.slug !== "kremlin")), ["kremlin"])).toEqual([]);
    expect(check((s) => (s.sources = s.sources.filter((x) => x.slug !== "kremlin")))).toEqual([
      { path: "sources[1].affiliation", code: "unknown_source", message: 'unknown source "kremlin"' },
    ]);
  });

  it("requires chains to run from a speaker to the article's publisher", () => {
    const problems = check((s) => {
      s.claims[1]!.chains[0] = [
        { source: "kyodo", role: "reporter" },
        { source: "kyodo-sources", role: "speaker" },
        { source: "kyodo", role: "publisher" },
      ];
      s.claims[2]!.chains[0] = [{ source: "kyodo", role: "speaker" }];
    });
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      "claims[1].chains[0][0].role chain_role_order",
      "claims[1].chains[0][2] chain_without_publisher",
      "claims[1].chains[0][1].role chain_role_order",
      "claims[1].chains[0][2].source chain_cycle",
      "claims[2].chains[0] chain_without_publisher",
    ]);
  });

  it("refuses a claim related to itself and a relation listed twice", () => {
    const problems = check((s) => {
      s.relations!.push({ from: "kyodo-report", to: "kyodo-report", type: "supports", rationale: "x" });
      s.relations!.push({ from: "peskov-denial", to: "kyodo-report", type: "contradicts", rationale: "x" });
      s.relations!.push({ from: "kyodo-report", to: "peskov-denial", type: "contradicts", rationale: "y" });
    });
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      "relations[1] self_relation",
      "relations[3] duplicate_relation",
    ]);
  });
});

describe("checkClaimSheet on repeated claims", () => {
  it("refuses the same span with the same chains under another key", () => {
    const problems = check((s) => s.claims.push({ ...s.claims[0]!, key: "again" }));
    expect(problems).toEqual([
      {
        path: "claims[3]",
        code: "duplicate_claim",
        message: 'claim "again" repeats claim "peskov-denial" (same span and chains)',
      },
    ]);
  });

  it("accepts the same span under other chains, and names the latest claim a repeat repeats", () => {
    const problems = check((s) => {
      const relayed = [
        [
          { source: "peskov", role: "speaker" as const },
          { source: "kyodo", role: "reporter" as const },
          { source: "test-wire", role: "publisher" as const },
        ],
      ];
      s.claims.push({ ...s.claims[0]!, key: "relayed", chains: relayed });
      s.claims.push({ ...s.claims[0]!, key: "again" });
      s.claims.push({ ...s.claims[0]!, key: "relayed-again", chains: relayed });
    });
    expect(problems).toEqual([
      {
        path: "claims[4]",
        code: "duplicate_claim",
        message: 'claim "again" repeats claim "peskov-denial" (same span and chains)',
      },
      {
        path: "claims[5]",
        code: "duplicate_claim",
        message: 'claim "relayed-again" repeats claim "relayed" (same span and chains)',
      },
    ]);
  });
});
