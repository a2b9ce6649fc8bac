import { describe, expect, it } from "vitest";
import { parseJsonLinesText, parseJsonText, sanitiseExcerpt, stripBom } from "../../src/domain/sheets/sheetText.js";

describe("stripBom", () => {
  it("drops one leading BOM and nothing else", () => {
    expect(stripBom("\uFEFF{}")).toBe("{}");
    expect(stripBom("{}\uFEFF")).toBe("{}\uFEFF");
  });
});

describe("sanitiseExcerpt", () => {
  it("escapes C0, DEL, C1 and bidi controls and keeps Thai text", () => {
    expect(sanitiseExcerpt("a\u001b[31mข\u0000\u007f\u0085\u202e")).toBe("a\\u001b[31mข\\u0000\\u007f\\u0085\\u202e");
  });
});

describe("parseJsonText", () => {
  it("names the line and column of the problem", () => {
    expect(() => parseJsonText('{\n  "a": 1,\n  oops\n}')).toThrow(/at line 3, column 3: near ".*oops/);
  });

  it("names the end of a truncated text", () => {
    expect(() => parseJsonText('{"a": [1, 2')).toThrow(/line 1, column 12/);
  });
});

describe("parseJsonLinesText", () => {
  it("reads a BOM'd JSONL and names a bad line by number", () => {
    expect(parseJsonLinesText('\uFEFF{"a":1}\n\n{"b":2}\n')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(() => parseJsonLinesText('{"a":1}\n{bad}\n')).toThrow(/^line 2 is not valid JSON at line 1, column 2/);
  });
});
