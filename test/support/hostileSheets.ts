import type { ClaimSheetInput } from "../../src/domain/sheets/claimSheet.js";
import { codePointOffset } from "../../src/domain/text/codePoints.js";

/** The code-point span of the first occurrence of `quote` in `body`. */
export function spanOf(body: string, quote: string): { quote: string; start: number; end: number } {
  const at = body.indexOf(quote);
  if (at === -1) throw new Error(`test sheet: "${quote}" is not in the body`);
  const start = codePointOffset(body, at);
  return { quote, start, end: start + [...quote].length };
}

/**
 * A small Thai article whose text is hostile to spreadsheets: double quotes, commas, a newline,
 * cells starting with =, +, - and @, and an emoji before a claim (code points != UTF-16 units).
 */
export const THAI_BODY = [
  'สำนักข่าวยอนฮัปรายงานว่า "คิม จองอึน" จะเดินทางไปรัสเซีย, ตามรายงาน',
  "นายดมิทรี เพสคอฟ ปฏิเสธว่า =ไม่มีการเจรจาเรื่องอาวุธ",
  "😀 +ข้อมูลเพิ่มเติม -ลบ @ผู้ใช้ จบ",
].join("\n");

export function thaiSheet(): ClaimSheetInput {
  return {
    format: "claimtrail/claim-sheet@1",
    article: {
      slug: "thai-test-article",
      title: 'คิมเยือนรัสเซีย, "ทดสอบ"',
      publisher: "infoquest",
      section: "In Focus",
      language: "th",
      url: "https://example.org/thai-test",
      publishedAt: "2023-09-20T12:14:00+07:00",
      body: THAI_BODY,
    },
    sources: [
      { slug: "infoquest", name: "InfoQuest", names: ["อินโฟเควสท์"], kind: "news_agency", country: "TH" },
      { slug: "yonhap", name: "Yonhap", names: ["สำนักข่าวยอนฮัป", "Yonhap"], kind: "news_agency", country: "KR" },
      { slug: "tass", name: "TASS", kind: "news_agency", country: "RU", stateControlled: true },
      { slug: "kremlin", name: "The Kremlin", kind: "government", country: "RU" },
      {
        slug: "dmitry-peskov",
        name: "Dmitry Peskov",
        names: ["นายดมิทรี เพสคอฟ"],
        kind: "official",
        country: "RU",
        affiliation: "kremlin",
        description: '=Kremlin spokesman, "press secretary"',
      },
    ],
    propositions: [{ key: "arms-talks", text: 'Kim and Putin discuss arms, "officially"' }],
    claims: [
      {
        key: "c1",
        ...spanOf(THAI_BODY, '"คิม จองอึน" จะเดินทางไปรัสเซีย, ตามรายงาน'),
        gloss: 'Yonhap: Kim "will" travel to Russia,\nper reports',
        kind: "report",
        cue: "รายงานว่า",
        topics: ["kim-visit", "arms"],
        chains: [
          [
            { source: "yonhap", role: "speaker" },
            { source: "infoquest", role: "publisher" },
          ],
        ],
        stances: [{ proposition: "arms-talks", stance: "asserts" }],
      },
      {
        key: "c2",
        ...spanOf(THAI_BODY, "=ไม่มีการเจรจาเรื่องอาวุธ"),
        gloss: "-Peskov denies arms talks",
        kind: "denial",
        cue: "ปฏิเสธว่า",
        statedOn: "2023-09-19",
        chains: [
          [
            { source: "dmitry-peskov", role: "speaker" },
            { source: "tass", role: "reporter" },
            { source: "infoquest", role: "publisher" },
          ],
          [
            { source: "dmitry-peskov", role: "speaker" },
            { source: "infoquest", role: "publisher" },
          ],
        ],
        stances: [{ proposition: "arms-talks", stance: "denies" }],
      },
      {
        key: "c3",
        ...spanOf(THAI_BODY, "+ข้อมูลเพิ่มเติม -ลบ @ผู้ใช้"),
        gloss: "@InfoQuest adds, +context",
        kind: "editorial",
        hedged: true,
        chains: [[{ source: "infoquest", role: "speaker" }]],
      },
    ],
    relations: [{ from: "c3", to: "c1", type: "qualifies", rationale: 'adds context, with "care"' }],
  };
}

export const ENGLISH_BODY = 'Kim will visit Russia, Yonhap reported. Putin said talks were "useful".';

/**
 * A second article whose claim supports the Thai article's c1 (a relation across articles, so
 * the Thai article must be stored first, unless `standalone`).
 */
export function englishSheet({ standalone = false } = {}): ClaimSheetInput {
  return {
    format: "claimtrail/claim-sheet@1",
    article: {
      slug: "yonhap-test-article",
      title: "Kim to visit Russia",
      publisher: "yonhap",
      language: "en",
      publishedAt: "2023-09-21T09:00:00+09:00",
      body: ENGLISH_BODY,
    },
    sources: [
      { slug: "yonhap", name: "Yonhap", names: ["สำนักข่าวยอนฮัป", "Yonhap"], kind: "news_agency", country: "KR" },
      { slug: "kremlin", name: "The Kremlin", kind: "government", country: "RU" },
      { slug: "vladimir-putin", name: "Vladimir Putin", kind: "head_of_state", country: "RU", affiliation: "kremlin" },
    ],
    propositions: [{ key: "arms-talks", text: 'Kim and Putin discuss arms, "officially"' }],
    claims: [
      {
        key: "e1",
        ...spanOf(ENGLISH_BODY, "Kim will visit Russia"),
        gloss: "Kim will visit Russia",
        kind: "report",
        chains: [[{ source: "yonhap", role: "speaker" }]],
      },
      {
        key: "e2",
        ...spanOf(ENGLISH_BODY, 'talks were "useful"'),
        gloss: "Putin: the talks were useful",
        kind: "statement",
        chains: [
          [
            { source: "vladimir-putin", role: "speaker" },
            { source: "yonhap", role: "publisher" },
          ],
        ],
        stances: [{ proposition: "arms-talks", stance: "asserts" }],
      },
    ],
    relations: standalone
      ? []
      : [{ from: "e1", to: "thai-test-article/c1", type: "supports", rationale: "same report" }],
  };
}
