import type { ClaimSheetInput } from "../../src/domain/sheets/claimSheet.js";
import { findCodePointOffsets } from "../../src/domain/text/codePoints.js";

/** A small article in Thai with a denial, a relayed report and the publisher's own framing. */
export const SMALL_BODY =
  "นายเพสคอฟปฏิเสธว่า ไม่มีการลงนามข้อตกลงทางทหาร ขณะที่สำนักข่าวเกียวโดรายงานโดยอ้างอิงแหล่งข่าวว่า ทั้งสองฝ่ายตกลงขยายความร่วมมือทางทหาร การพบกันครั้งนี้อาจเปลี่ยนดุลอำนาจ 😀";

/** Code-point span of the first occurrence of `quote` in `body`. */
export function spanOf(body: string, quote: string): { quote: string; start: number; end: number } {
  const start = findCodePointOffsets(body, quote)[0];
  if (start === undefined) throw new Error(`"${quote}" is not in the body`);
  return { quote, start, end: start + [...quote].length };
}

/** A valid claim sheet with three claims and one curated relation; tweak the copy it returns. */
export function smallSheet(slug = "small-article"): ClaimSheetInput {
  return {
    format: "claimtrail/claim-sheet@1",
    article: {
      slug,
      title: "ทดสอบ",
      publisher: "test-wire",
      section: "ข่าวต่างประเทศ",
      language: "th",
      url: null,
      publishedAt: "2023-09-20T12:14:00+07:00",
      body: SMALL_BODY,
    },
    sources: [
      { slug: "test-wire", name: "Test Wire", names: ["สำนักข่าวทดสอบ"], kind: "publisher", country: "TH" },
      {
        slug: "peskov",
        name: "Dmitry Peskov",
        names: ["นายเพสคอฟ"],
        kind: "official",
        country: "RU",
        affiliation: "kremlin",
      },
      { slug: "kremlin", name: "The Kremlin", kind: "government", country: "RU", stateControlled: true },
      { slug: "kyodo", name: "Kyodo News", names: ["สำนักข่าวเกียวโด"], kind: "news_agency", country: "JP" },
      { slug: "kyodo-sources", name: "Sources cited by Kyodo", names: ["แหล่งข่าว"], kind: "anonymous" },
    ],
    propositions: [{ key: "military-deal", text: "The two sides agreed on military cooperation" }],
    claims: [
      {
        key: "peskov-denial",
        ...spanOf(SMALL_BODY, "ไม่มีการลงนามข้อตกลงทางทหาร"),
        gloss: "No military agreement was signed",
        kind: "denial",
        cue: "ปฏิเสธว่า",
        topics: ["military-cooperation"],
        chains: [
          [
            { source: "peskov", role: "speaker" },
            { source: "test-wire", role: "publisher" },
          ],
        ],
        stances: [{ proposition: "military-deal", stance: "denies" }],
      },
      {
        key: "kyodo-report",
        ...spanOf(SMALL_BODY, "ทั้งสองฝ่ายตกลงขยายความร่วมมือทางทหาร"),
        gloss: "Both sides agreed to expand military cooperation",
        kind: "report",
        cue: "รายงานโดยอ้างอิงแหล่งข่าวว่า",
        statedOn: "2023-09-13",
        topics: ["military-cooperation"],
        chains: [
          [
            { source: "kyodo-sources", role: "speaker" },
            { source: "kyodo", role: "reporter" },
            { source: "test-wire", role: "publisher" },
          ],
        ],
        stances: [{ proposition: "military-deal", stance: "asserts" }],
      },
      {
        key: "publisher-framing",
        ...spanOf(SMALL_BODY, "การพบกันครั้งนี้อาจเปลี่ยนดุลอำนาจ"),
        gloss: "The meeting may shift the balance of power",
        kind: "editorial",
        hedged: true,
        topics: ["geopolitics"],
        chains: [[{ source: "test-wire", role: "speaker" }]],
      },
    ],
    relations: [
      {
        from: "publisher-framing",
        to: "kyodo-report",
        type: "qualifies",
        rationale: "The publisher hedges on what the reported deal means",
      },
    ],
  };
}
