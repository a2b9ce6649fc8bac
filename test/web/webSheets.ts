import type { ClaimSheetInput } from "../../src/domain/sheets/claimSheet.js";

/** A quote with its code-point span in `body`. */
export function spanOf(body: string, quote: string): { quote: string; start: number; end: number } {
  const at = body.indexOf(quote);
  if (at < 0) throw new Error(`quote not in body: ${quote}`);
  const start = Array.from(body.slice(0, at)).length;
  return { quote, start, end: start + Array.from(quote).length };
}

/** Emoji and a flag (astral code points) before and inside the quote: UTF-16 offsets drift from code points. */
export const ASTRAL_BODY =
  '🇹🇭📰 ด่วน: 😀 นายสมชาย กล่าวว่า "ราคาข้าวจะสูงขึ้น 🌾 ในปีนี้" ตามรายงานของสำนักข่าว แต่กระทรวงพาณิชย์ปฏิเสธว่า "ราคาข้าวจะไม่สูงขึ้น" 👍';
export const ASTRAL_QUOTE = "ราคาข้าวจะสูงขึ้น 🌾 ในปีนี้";

/**
 * A two-claim article whose quotes sit after astral characters, with a contradiction between
 * them that was already dismissed (loaded before the seed, it is the oldest in the queue).
 */
export function astralSheet(): ClaimSheetInput {
  return {
    format: "claimtrail/claim-sheet@1",
    article: {
      slug: "test-wire-rice-prices",
      title: "ราคาข้าว",
      publisher: "test-wire",
      language: "th",
      publishedAt: "2023-09-21T09:00:00+07:00",
      body: ASTRAL_BODY,
    },
    sources: [
      { slug: "test-wire", name: "Test Wire", kind: "news_agency", country: "TH" },
      { slug: "somchai", name: "Somchai", names: ["นายสมชาย"], kind: "official", country: "TH" },
      {
        slug: "th-commerce-ministry",
        name: "Ministry of Commerce",
        names: ["กระทรวงพาณิชย์"],
        kind: "government",
        country: "TH",
      },
    ],
    claims: [
      {
        key: "somchai-rice-prices",
        ...spanOf(ASTRAL_BODY, ASTRAL_QUOTE),
        gloss: "Rice prices will rise this year",
        kind: "expectation",
        cue: "กล่าวว่า",
        topics: ["economy"],
        chains: [
          [
            { source: "somchai", role: "speaker" },
            { source: "test-wire", role: "publisher" },
          ],
        ],
      },
      {
        key: "ministry-rice-prices",
        ...spanOf(ASTRAL_BODY, "ราคาข้าวจะไม่สูงขึ้น"),
        gloss: "Rice prices will not rise",
        kind: "denial",
        cue: "ปฏิเสธว่า",
        topics: ["economy"],
        chains: [
          [
            { source: "th-commerce-ministry", role: "speaker" },
            { source: "test-wire", role: "publisher" },
          ],
        ],
      },
    ],
    relations: [
      {
        from: "ministry-rice-prices",
        to: "somchai-rice-prices",
        type: "contradicts",
        rationale: "The ministry denies the rise Somchai expects",
        status: "dismissed",
      },
    ],
  };
}
