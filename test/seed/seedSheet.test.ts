import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readSeedSheet } from "../../seed/loadSeed.js";
import { checkClaimSheet, sha256Hex } from "../../src/domain/sheets/checkClaimSheet.js";
import { ClaimSheet } from "../../src/domain/sheets/claimSheet.js";
import { sliceCodePoints } from "../../src/domain/text/codePoints.js";

// The article as it was received (title, dateline, body, cookie footer), kept for provenance.
const ARTICLE_FILE = new URL("../../seed/raw/infoquest-kim-putin-2023-09-20.txt", import.meta.url);
const sheet = ClaimSheet.parse(await readSeedSheet());

describe("the seed claim sheet", () => {
  it("stores the article body exactly as published, without title, dateline or cookie footer", () => {
    const published = readFileSync(ARTICLE_FILE, "utf8");
    const [title, , dateline] = published.split("\n");
    // The column's name runs into the headline on the page; the title keeps the space between them.
    expect(sheet.article.title).toBe(title!.replace(/^In Focus(?=\S)/, "In Focus "));
    expect(dateline).toContain("September 20, 2023 12:14");
    expect(published).toContain(sheet.article.body);
    expect(sheet.article.body.startsWith("เมื่อสัปดาห์ที่แล้ว การเดินทางเยือนรัสเซีย")).toBe(true);
    expect(sheet.article.body.endsWith("เราคงต้องติดตามดูสถานการณ์กันต่อไป")).toBe(true);
    expect(sheet.article.body).not.toContain("คุกกี้");
    expect(sheet.article.bodySha256).toBe(sha256Hex(sheet.article.body));
    expect(sheet.article.publishedAt).toBe("2023-09-20T12:14:00+07:00");
  });

  it("passes every check, and every quote sits at its offsets in the body or, for the headline, the title", () => {
    expect(checkClaimSheet(sheet)).toEqual([]);
    for (const claim of sheet.claims) {
      const text = claim.in === "title" ? sheet.article.title : sheet.article.body;
      expect(sliceCodePoints(text, claim.start, claim.end)).toBe(claim.quote);
    }
  });

  it("checks the headline first: one claim is the title's own framing, by InfoQuest, after the column's name", () => {
    const headline = sheet.claims.filter((c) => c.in === "title");
    expect(headline.map((c) => [c.key, c.start, c.kind, c.chains])).toEqual([
      ["infoquest-headline-world-fears-kim-putin-trip", 9, "editorial", [[{ source: "infoquest", role: "speaker" }]]],
    ]);
    expect(sliceCodePoints(sheet.article.title, 0, 9)).toBe("In Focus ");
    expect(headline[0]!.end).toBe([...sheet.article.title].length);
  });

  it("holds the curated counts", () => {
    const count = <T>(items: T[], key: (item: T) => string) =>
      items.reduce<Record<string, number>>((counts, item) => {
        counts[key(item)] = (counts[key(item)] ?? 0) + 1;
        return counts;
      }, {});
    expect(sheet.sources).toHaveLength(18);
    // 33 in the body, 1 in the title.
    expect(sheet.claims).toHaveLength(34);
    expect(sheet.propositions).toHaveLength(7);
    expect(count(sheet.claims, (c) => c.kind)).toEqual({
      announcement: 1,
      assessment: 5,
      denial: 1,
      editorial: 10,
      expectation: 1,
      report: 5,
      statement: 10,
      warning: 1,
    });
    expect(count(sheet.relations, (r) => r.type)).toEqual({ contradicts: 2, qualifies: 4, supports: 16 });
  });

  it("names the sources the article attributes claims to", () => {
    const slugs = sheet.sources.map((s) => s.slug);
    for (const slug of [
      "infoquest",
      "kcna",
      "kyodo",
      "kyodo-sources-close-to-russian-officials",
      "tass",
      "yonhap",
      "kcbs",
      "dmitry-peskov",
      "kremlin",
      "victor-cha",
      "csis",
      "us-government",
      "sergei-shoigu",
      "kim-jong-un",
      "vladimir-putin",
      "primorsky-krai-governor",
    ]) {
      expect(slugs).toContain(slug);
    }
    const peskov = sheet.sources.find((s) => s.slug === "dmitry-peskov")!;
    expect(peskov.names).toContain("นายดมิทรี เพสคอฟ");
    expect(peskov.affiliation).toBe("kremlin");
    expect(sheet.sources.find((s) => s.slug === "victor-cha")!.affiliation).toBe("csis");
    expect(sheet.sources.find((s) => s.slug === "kyodo")!.names).toContain("สำนักข่าวเกียวโด");
    expect(sheet.sources.find((s) => s.slug === "kyodo-sources-close-to-russian-officials")!.kind).toBe("anonymous");
  });

  it("gives every claim by someone else a chain out to InfoQuest, and InfoQuest's own claims a one-link chain", () => {
    for (const claim of sheet.claims) {
      const chain = claim.chains[0]!;
      expect(chain.at(-1)!.source).toBe("infoquest");
      if (claim.kind === "editorial") expect(chain).toEqual([{ source: "infoquest", role: "speaker" }]);
    }
  });
});
