import request from "supertest";
import { describe, expect, it } from "vitest";
import { extractClaimSheet } from "../../src/domain/extraction/extractClaimSheet.js";
import { checkClaimSheet } from "../../src/domain/sheets/checkClaimSheet.js";
import { assembleSheet, formatChain, parseChain, segmentBody } from "../../src/web/extract/public/sheet.js";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();

describe("GET /extract", () => {
  it("serves the page, its module and its stylesheet", async () => {
    const page = await request(seeded.app()).get("/extract/").expect(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.text).toContain('<script type="module" src="./app.js"></script>');
    const script = await request(seeded.app()).get("/extract/app.js").expect(200);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    const css = await request(seeded.app()).get("/extract/style.css").expect(200);
    expect(css.text).toContain('"Noto Sans Thai"');
  });

  it("redirects /extract to /extract/ so relative assets resolve", async () => {
    const res = await request(seeded.app()).get("/extract").expect(301);
    expect(res.headers.location).toBe("/extract/");
  });

  it("404s an unknown asset with the JSON error body", async () => {
    const res = await request(seeded.app()).get("/extract/nothing.js").expect(404);
    expect(res.body.error.code).toBe("not_found");
  });
});

describe("the page's sheet helpers", () => {
  it("segments the body in code points, marking claims and cues", () => {
    const runs = segmentBody("😀 นายเอ กล่าวว่า ฝนตก", [{ key: "c1", start: 17, end: 21, cueStart: 8, cueEnd: 16 }]);
    expect(runs.map((r) => [r.text, r.claims, r.cue])).toEqual([
      ["😀 นายเอ ", [], false],
      ["กล่าวว่า", [], true],
      [" ", [], false],
      ["ฝนตก", ["c1"], false],
    ]);
  });

  it("parses and formats an edited chain, naming a malformed link", () => {
    expect(parseChain("a:speaker > b:publisher")).toEqual([
      { source: "a", role: "speaker" },
      { source: "b", role: "publisher" },
    ]);
    expect(formatChain([{ source: "a", role: "speaker" }])).toBe("a:speaker");
    expect(() => parseChain("a > b:publisher")).toThrow('"a" is not slug:role');
  });

  it("keeps accepted claims (edited), their relations and the sources they still use", () => {
    const { sheet } = extractClaimSheet(
      "นายเอ บีซีปฏิเสธว่า ไม่มีการขึ้นภาษีน้ำมันปีนี้ ซึ่งสวนทางกับรายงานของสำนักข่าวดีอีที่ระบุว่า จะมีการขึ้นภาษีน้ำมันปีนี้\n\nนายเอฟ จีกล่าวว่า ฝนจะตกหนัก",
      { publisher: "test-wire" },
    );
    expect(sheet.claims.map((c) => c.key)).toEqual(["c1", "c2", "c3"]);
    const accepted = assembleSheet(
      sheet,
      {
        c1: { status: "accepted", edits: { gloss: "No fuel tax rise this year" } },
        c2: { status: "accepted" },
        c3: { status: "rejected" },
      },
      { 0: "accepted" },
    );
    expect(accepted.claims.map((c) => [c.key, c.gloss])).toEqual([
      ["c1", "No fuel tax rise this year"],
      ["c2", sheet.claims[1]!.gloss],
    ]);
    expect(accepted.relations).toHaveLength(1);
    expect(accepted.sources.map((s) => s.name).sort()).toEqual(["test-wire", "นายเอ บีซี", "สำนักข่าวดีอี"]);
    expect(checkClaimSheet(accepted)).toEqual([]);
  });
});
