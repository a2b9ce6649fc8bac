import type { ClaimSheetInput } from "../../src/domain/sheets/claimSheet.js";

// Two paragraphs of the InfoQuest article (the seed's), enough for the Peskov vs Kyodo
// contradiction and a state-media chain (KCNA).
const KREMLIN_VISIT = "นายคิม จองอึน ผู้นำสูงสุดของเกาหลีเหนือพร้อมด้วยเจ้าหน้าที่ระดับสูงด้านอุตสาหกรรมอาวุธและทหาร รวมทั้งรัฐมนตรีกระทรวงการต่างประเทศ เดินทางเยือนรัสเซียในวันอาทิตย์ (10 ก.ย.) ด้วยรถไฟส่วนตัว เพื่อพบปะและร่วมประชุมกับประธานาธิบดีวลาดิเมียร์ ปูตินแห่งรัสเซียที่เมืองวลาดิวอสต็อก โดยนายดมิทรี เพสคอฟ โฆษกทำเนียบเครมลินกล่าวว่า \"การเดินทางเยือนรัสเซียของนายคิม จะเป็นการเยือนเต็มรูปแบบ โดยจะมีเจรจากันระหว่างเจ้าหน้าที่ตัวแทนของทั้งสองประเทศ และหลังจากนั้นผู้นำของทั้งสองฝ่ายจะหารือกันแบบตัวต่อตัว\"";
const PESKOV_DENIAL = "อย่างไรก็ตาม นายเพสคอฟได้ออกมาปฏิเสธว่า รัสเซียไม่ได้มีการลงนามในข้อตกลงทางทหารกับเกาหลีเหนือแต่อย่างใดในระหว่างที่นายคิมเดินทางเยือนรัสเซีย ซึ่งสวนทางกับรายงานของสำนักข่าวเกียวโดซึ่งอ้างอิงแหล่งข่าวที่ใกล้ชิดกับเจ้าหน้าที่รัสเซียก่อนหน้านี้ว่า การสนทนากันครั้งนี้มีวัตถุประสงค์เพื่อขยายความร่วมมือด้านการทหาร เพื่อส่งความช่วยเหลือรัสเซียในการรุกรานยูเครน และรายงานของ KCNA เมื่อวันที่ 16 ก.ย. ที่ระบุว่า นายคิมได้แลกเปลี่ยนความเห็นอย่างสร้างสรรค์เกี่ยวกับแนวทางเสริมความแข็งแกร่งในการประสานงานเชิงกลยุทธ์ และความร่วมมือเชิงยุทธวิธีระหว่างกองทัพของทั้งสองประเทศทั้งในด้านความมั่นคงและการป้องกันประเทศ";
const INFOQUEST_BODY = ["In Focusโลกหวั่นทริป \"คิม\" พบ \"ปูติน\" กระชับสัมพันธ์ทหารโสมแดง-หมีขาว", KREMLIN_VISIT, PESKOV_DENIAL].join("\n\n");

/** A quote with its code-point span in `body`. */
export function spanOf(body: string, quote: string): { quote: string; start: number; end: number } {
  const at = body.indexOf(quote);
  if (at < 0) throw new Error(`quote not in body: ${quote}`);
  const start = Array.from(body.slice(0, at)).length;
  return { quote, start, end: start + Array.from(quote).length };
}

/** A small claim sheet of the InfoQuest article: Peskov denies, Kyodo and KCNA report. */
export function infoquestSheet(): ClaimSheetInput {
  const body = INFOQUEST_BODY;
  return {
    format: "claimtrail/claim-sheet@1",
    article: {
      slug: "infoquest-kim-putin-excerpt",
      title: "In Focus: โลกหวั่นทริป \"คิม\" พบ \"ปูติน\" (excerpt)",
      publisher: "infoquest",
      section: "ข่าวต่างประเทศ",
      language: "th",
      url: null,
      publishedAt: "2023-09-20T12:14:00+07:00",
      body,
    },
    sources: [
      { slug: "infoquest", name: "InfoQuest", names: ["สำนักข่าวอินโฟเควสท์"], kind: "news_agency", country: "TH" },
      { slug: "kremlin", name: "The Kremlin", names: ["ทำเนียบเครมลิน"], kind: "government", country: "RU" },
      {
        slug: "dmitry-peskov",
        name: "Dmitry Peskov",
        names: ["นายดมิทรี เพสคอฟ", "นายเพสคอฟ"],
        kind: "official",
        country: "RU",
        affiliation: "kremlin",
        description: "Kremlin spokesman",
      },
      { slug: "kyodo", name: "Kyodo News", names: ["สำนักข่าวเกียวโด"], kind: "news_agency", country: "JP" },
      {
        slug: "sources-close-to-russian-officials",
        name: "Sources close to Russian officials",
        names: ["แหล่งข่าวที่ใกล้ชิดกับเจ้าหน้าที่รัสเซีย"],
        kind: "anonymous",
      },
      { slug: "kim-jong-un", name: "Kim Jong Un", names: ["นายคิม จองอึน", "นายคิม"], kind: "head_of_state", country: "KP" },
      { slug: "kcna", name: "KCNA", names: ["KCNA"], kind: "news_agency", country: "KP", stateControlled: true },
    ],
    propositions: [{ key: "military-deal", text: "Russia and North Korea agreed on military cooperation during Kim's visit" }],
    claims: [
      {
        key: "peskov-full-visit",
        ...spanOf(body, "การเดินทางเยือนรัสเซียของนายคิม จะเป็นการเยือนเต็มรูปแบบ"),
        gloss: "Kim's visit to Russia will be a full-fledged visit",
        kind: "announcement",
        cue: "กล่าวว่า",
        topics: ["kim-visit"],
        chains: [[{ source: "dmitry-peskov", role: "speaker" }, { source: "infoquest", role: "publisher" }]],
      },
      {
        key: "peskov-denies-military-deal",
        ...spanOf(body, "รัสเซียไม่ได้มีการลงนามในข้อตกลงทางทหารกับเกาหลีเหนือแต่อย่างใด"),
        gloss: "Russia signed no military agreement with North Korea",
        kind: "denial",
        cue: "ปฏิเสธว่า",
        topics: ["military-cooperation"],
        chains: [[{ source: "dmitry-peskov", role: "speaker" }, { source: "infoquest", role: "publisher" }]],
        stances: [{ proposition: "military-deal", stance: "denies" }],
      },
      {
        key: "kyodo-military-cooperation",
        ...spanOf(body, "การสนทนากันครั้งนี้มีวัตถุประสงค์เพื่อขยายความร่วมมือด้านการทหาร"),
        gloss: "The talks aimed to expand military cooperation",
        kind: "report",
        hedged: true,
        topics: ["military-cooperation"],
        chains: [
          [
            { source: "sources-close-to-russian-officials", role: "speaker" },
            { source: "kyodo", role: "reporter" },
            { source: "infoquest", role: "publisher" },
          ],
        ],
        stances: [{ proposition: "military-deal", stance: "asserts" }],
      },
      {
        key: "kcna-strategic-coordination",
        ...spanOf(body, "นายคิมได้แลกเปลี่ยนความเห็นอย่างสร้างสรรค์เกี่ยวกับแนวทางเสริมความแข็งแกร่งในการประสานงานเชิงกลยุทธ์"),
        gloss: "Kim exchanged views on strengthening strategic coordination",
        kind: "report",
        statedOn: "2023-09-16",
        topics: ["military-cooperation"],
        chains: [
          [
            { source: "kim-jong-un", role: "speaker" },
            { source: "kcna", role: "reporter" },
            { source: "infoquest", role: "publisher" },
          ],
        ],
      },
    ],
    relations: [
      {
        from: "peskov-denies-military-deal",
        to: "kcna-strategic-coordination",
        type: "contradicts",
        rationale: "KCNA reports talks on military coordination; Peskov denies any military agreement",
        status: "dismissed",
      },
      {
        from: "peskov-denies-military-deal",
        to: "kyodo-military-cooperation",
        type: "contradicts",
        rationale: "Peskov denies a military agreement; Kyodo's sources say the talks aimed at military cooperation",
      },
    ],
  };
}

/** Emoji and a flag (astral code points) before and inside the quote: UTF-16 offsets drift from code points. */
export const ASTRAL_BODY = "🇹🇭📰 ด่วน: 😀 นายสมชาย กล่าวว่า \"ราคาข้าวจะสูงขึ้น 🌾 ในปีนี้\" ตามรายงานของสำนักข่าว";
export const ASTRAL_QUOTE = "ราคาข้าวจะสูงขึ้น 🌾 ในปีนี้";

/** A one-claim article whose quote sits after astral characters. */
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
    ],
    claims: [
      {
        key: "somchai-rice-prices",
        ...spanOf(ASTRAL_BODY, ASTRAL_QUOTE),
        gloss: "Rice prices will rise this year",
        kind: "expectation",
        cue: "กล่าวว่า",
        topics: ["economy"],
        chains: [[{ source: "somchai", role: "speaker" }, { source: "test-wire", role: "publisher" }]],
      },
    ],
  };
}
