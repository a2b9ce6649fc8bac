import { describe, expect, it } from "vitest";
import {
  codePointLength,
  findCodePointOffsets,
  sliceCodePoints,
  utf16Index,
} from "../../src/domain/text/codePoints.js";
import { isGraphemeBoundary, truncateGraphemes } from "../../src/domain/text/graphemes.js";

const withEmoji = "ข่าว 🇹🇭 ปูติน said";

describe("code-point offsets", () => {
  it("count an astral character as one code point, not two UTF-16 units", () => {
    expect("😀".length).toBe(2);
    expect(codePointLength("😀ก")).toBe(2);
    expect(utf16Index("😀ก", 1)).toBe(2);
  });

  it("convert offsets the same way whether or not the text has astral characters, clamped to the text", () => {
    expect(utf16Index("กขค", 2)).toBe(2);
    expect(utf16Index("😀ก", 1)).toBe(2);
    expect(utf16Index("กขค", 5)).toBe(3);
    expect(utf16Index("😀ก", 5)).toBe(3);
    expect(utf16Index("กขค", -1)).toBe(0);
    expect(utf16Index("กขค", 0)).toBe(0);
  });

  it("slice Thai text after an emoji at the right place", () => {
    const start = findCodePointOffsets(withEmoji, "ปูติน")[0]!;
    expect(start).toBe(8);
    expect(sliceCodePoints(withEmoji, start, start + 5)).toBe("ปูติน");
    expect(withEmoji.indexOf("ปูติน")).toBe(10);
  });

  it("find every occurrence of a quote", () => {
    expect(findCodePointOffsets("คิม พบ คิม", "คิม")).toEqual([0, 7]);
    expect(findCodePointOffsets("abc", "")).toEqual([]);
  });
});

describe("grapheme boundaries", () => {
  it("refuse a boundary between a Thai consonant and its vowel or tone mark", () => {
    const word = "ปูติน";
    expect(isGraphemeBoundary(word, 0)).toBe(true);
    expect(isGraphemeBoundary(word, 1)).toBe(false);
    expect(isGraphemeBoundary(word, 2)).toBe(true);
    expect(isGraphemeBoundary(word, word.length)).toBe(true);
  });

  it("agree between two printable ASCII characters and elsewhere with the segmenter", () => {
    const english = 'Putin said "yes".\r\nKim 👍🏽 and 👨‍👩‍👧 ok';
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const expected = new Set([...segmenter.segment(english)].map((s) => s.index).concat(english.length));
    for (let i = 0; i <= english.length; i++) expect(isGraphemeBoundary(english, i), `at ${i}`).toBe(expected.has(i));
    expect(isGraphemeBoundary(english, english.indexOf("\n"))).toBe(false);
  });

  it("answer for the text asked about when texts alternate", () => {
    const [thai, latin] = ["ปูติน", "pu tin"];
    expect([
      isGraphemeBoundary(thai, 1),
      isGraphemeBoundary(latin, 1),
      isGraphemeBoundary(thai, 1),
      isGraphemeBoundary(thai, 2),
    ]).toEqual([false, true, false, true]);
  });

  it("count code points with or without astral characters and lone surrogates", () => {
    expect(codePointLength("ปูติน said")).toBe(10);
    expect(codePointLength("👨‍👩‍👧")).toBe(5);
    expect(codePointLength("a\ud800b")).toBe(3);
    expect(codePointLength("")).toBe(0);
  });

  it("truncate on a grapheme, never inside one", () => {
    expect(truncateGraphemes("กล่าวว่า", 3)).toBe("กล่า…");
    expect(truncateGraphemes("สั้น", 10)).toBe("สั้น");
  });
});
