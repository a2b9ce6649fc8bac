import { describe, expect, it } from "vitest";
import { CHAIN_ARROW } from "../../src/domain/attribution/chainText.js";
import {
  ChainRole,
  ClaimKind,
  RelationType,
  ReviewStatus,
  SourceKind,
  SpanText,
  Stance,
} from "../../src/domain/vocabulary.js";

// The browser module is plain JavaScript (type-checked by `tsc -p src/web`): loaded by path.
const WEB_VOCABULARY = "../../src/web/assets/vocabulary.js";

describe("the page's vocabulary", () => {
  it("lists exactly the kinds, roles, stances, relation types and review statuses of the domain", async () => {
    const web = await import(WEB_VOCABULARY);
    expect(web.SOURCE_KINDS).toEqual(SourceKind.options);
    expect(web.CLAIM_KINDS).toEqual(ClaimKind.options);
    expect(web.CHAIN_ROLES).toEqual(ChainRole.options);
    expect(web.STANCES).toEqual(Stance.options);
    expect(web.SPAN_TEXTS).toEqual(SpanText.options);
    expect(web.CHAIN_ARROW).toBe(CHAIN_ARROW);
    expect(web.RELATION_TYPES).toEqual(RelationType.options);
    expect(web.REVIEW_STATUSES).toEqual(ReviewStatus.options);
  });

  it("is the only copy: no view spells out a kind list of its own", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const dir = new URL("../../src/web/assets/", import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith(".js") && f !== "vocabulary.js",
    );
    const copies = files.filter((f) => /"think_tank"|"announcement"/.test(readFileSync(new URL(f, dir), "utf8")));
    expect(copies).toEqual([]);
  });
});
