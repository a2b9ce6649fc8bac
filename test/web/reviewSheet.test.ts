import { describe, expect, it } from "vitest";
import { extractClaimSheet } from "../../src/domain/extraction/extractClaimSheet.js";
import { checkClaimSheet } from "../../src/domain/sheets/checkClaimSheet.js";

// The browser module is plain JavaScript (type-checked by `tsc -p src/web`): loaded by path.
const SHEET_MODULE = "../../src/web/assets/sheet.js";
const web = await import(SHEET_MODULE);

const STORED = [
  { slug: "dmitry-peskov", name: "Dmitry Peskov", names: ["นายดมิทรี เพสคอฟ", "นายเพสคอฟ", "Dmitry Peskov"] },
  { slug: "reuters", name: "Reuters", names: ["สำนักข่าวรอยเตอร์", "Reuters"] },
  { slug: "anucha-kittipong", name: "Anucha Kittipong", names: ["นายอนุชา กิตติพงษ์"] },
  { slug: "kyodo", name: "Kyodo News", names: ["สำนักข่าวเกียวโด", "Kyodo News"] },
];

/** Written for these tests: a denial set against a wire's report, and a third claim. */
const TEXT =
  "นายเอ บีซีปฏิเสธว่า ไม่มีการขึ้นภาษีน้ำมันปีนี้ ซึ่งสวนทางกับรายงานของสำนักข่าวดีอีที่ระบุว่า จะมีการขึ้นภาษีน้ำมันปีนี้\n\nนายเอฟ จีกล่าวว่า ฝนจะตกหนัก";

describe("normaliseName and bestMatches", () => {
  it("ignore honorifics, case, spaces and punctuation", () => {
    expect(web.normaliseName("นาย อนุชา  กิตติพงษ์")).toBe("อนุชากิตติพงษ์");
    expect(web.normaliseName("Dr. Jane O'Neil")).toBe("janeoneil");
  });

  it("rank the stored source a proposal names in another script or spelling first", () => {
    const best = (name: string, slug = "x") =>
      web.bestMatches({ slug, name, names: [name] }, STORED).map((m: { source: { slug: string } }) => m.source.slug);
    expect(best("สำนักข่าวรอยเตอร์")).toEqual(["reuters"]);
    expect(best("Reuters news agency")[0]).toBe("reuters");
    expect(best("นายดมิตรี เปสคอฟ", "dmitri-peskhof")[0]).toBe("dmitry-peskov");
    expect(best("อนุชา กิตติพงษ์", "anucha-kittipong-2")[0]).toBe("anucha-kittipong");
    expect(best("Jane Moore", "jane-moore")).toEqual([]);
  });
});

describe("assembleSheet", () => {
  const extraction = () => extractClaimSheet(TEXT, { knownSources: [] });

  it("keeps accepted claims as edited, maps and merges sources, sets the article's fields", () => {
    const ex = extraction();
    const { sheet } = ex;
    expect(sheet.article.publisher).toBe("unknown-publisher");
    expect(sheet.claims.map((c) => c.key)).toEqual(["c1", "c2", "c3"]);
    const candidates = web.relationCandidates({ ...ex, storedContradictions: [] }, new Map());
    expect(candidates.map((c: { from: string; to: string }) => `${c.from}>${c.to}`)).toEqual(["c1>c2"]);
    const review = web.carryReview(null, ex, candidates);
    const [c1, c2, c3] = sheet.claims.map((c) => web.claimSignature(c));
    review.claims[c1].status = "accepted";
    review.claims[c1].edits = { gloss: "No fuel tax rise this year" };
    review.claims[c2].status = "accepted";
    review.claims[c3].status = "rejected";
    review.relations[candidates[0].id] = "accepted";
    const wire = sheet.sources.find((s) => s.name === "สำนักข่าวดีอี")!;
    const speaker = sheet.sources.find((s) => s.name === "นายเอ บีซี")!;
    review.sources[speaker.slug] = { action: "map", target: "anucha-kittipong", edits: {} };
    review.article = {
      title: "ภาษีน้ำมัน",
      publisher: { slug: "reuters", name: "Reuters", stored: true },
      section: " Economy ",
      url: "",
      publishedAt: "2026-11-30T09:30:00+07:00",
    };

    const out = web.assembleSheet(sheet, review, candidates);
    expect(out.article).toMatchObject({
      title: "ภาษีน้ำมัน",
      publisher: "reuters",
      section: "Economy",
      url: null,
      publishedAt: "2026-11-30T09:30:00+07:00",
    });
    expect(out.claims.map((c: { key: string; gloss: string }) => [c.key, c.gloss])).toEqual([
      ["c1", "No fuel tax rise this year"],
      ["c2", sheet.claims[1]!.gloss],
    ]);
    expect(out.claims.map((c: { chains: { source: string }[][] }) => c.chains[0]!.map((l) => l.source))).toEqual([
      ["anucha-kittipong", "reuters"],
      [wire.slug, "reuters"],
    ]);
    expect(out.sources.map((s: { slug: string }) => s.slug)).toEqual([wire.slug]);
    expect(out.relations).toEqual([
      {
        from: "c1",
        to: "c2",
        type: "contradicts",
        rationale: candidates[0].rationale,
        status: "proposed",
        origin: "curated",
      },
    ]);
    expect(web.importBlocker(out)).toBeNull();
    const stored = new Set(["reuters", "anucha-kittipong"]);
    expect(checkClaimSheet(out, { has: (slug) => stored.has(slug) })).toEqual([]);

    review.sources[speaker.slug] = { action: "merge", target: wire.slug, edits: {} };
    const merged = web.assembleSheet(sheet, review, candidates);
    expect(merged.sources).toHaveLength(1);
    expect(merged.sources[0].names).toEqual([...wire.names, "นายเอ บีซี"]);
    expect(merged.claims[0].chains[0].map((l: { source: string }) => l.source)).toEqual([wire.slug, "reuters"]);
  });

  it("refuses the placeholder publisher and an empty sheet; creates a typed new publisher", () => {
    const ex = extraction();
    const review = web.carryReview(null, ex, []);
    for (const signature of Object.keys(review.claims)) review.claims[signature].status = "accepted";
    expect(web.importBlocker(web.assembleSheet(ex.sheet, review, []))).toMatch(/^Set the publisher first/);
    review.article.publisher = { slug: "desk-wire", name: "Desk Wire", stored: false };
    const out = web.assembleSheet(ex.sheet, review, []);
    expect(web.importBlocker(out)).toBeNull();
    expect(out.sources[0]).toMatchObject({ slug: "desk-wire", name: "Desk Wire", kind: "publisher" });
    expect(out.sources.some((s: { slug: string }) => s.slug === "unknown-publisher")).toBe(false);
    expect(checkClaimSheet(out)).toEqual([]);
    for (const signature of Object.keys(review.claims)) review.claims[signature].status = "rejected";
    expect(web.importBlocker(web.assembleSheet(ex.sheet, review, []))).toBe("Accept at least one claim first.");
  });

  it("carries decisions to a new proposal of the same text, by span", () => {
    const ex = extraction();
    const review = web.carryReview(null, ex, []);
    const [first] = Object.keys(review.claims);
    review.claims[first!] = { status: "rejected", edits: { gloss: "kept" } };
    const again = web.carryReview(review, extraction(), []);
    expect(again.claims[first!]).toEqual({ status: "rejected", edits: { gloss: "kept" } });
  });
});

describe("joinOffset and splitOffset", () => {
  it("round-trip a local time and its UTC offset", () => {
    expect(web.joinOffset("2026-11-30T09:30", "+07:00")).toBe("2026-11-30T09:30:00+07:00");
    expect(web.splitOffset("2026-11-30T09:30:00+07:00")).toEqual({ local: "2026-11-30T09:30", offset: "+07:00" });
    expect(web.splitOffset("2026-11-30T02:30:00.000Z")).toEqual({ local: "2026-11-30T02:30", offset: "+00:00" });
    expect(web.joinOffset("yesterday", "+07:00")).toBeNull();
  });
});
