import { describe, expect, it } from "vitest";
import { extractClaimSheet } from "../../../src/domain/extraction/extractClaimSheet.js";
import { isThatAt } from "../../../src/domain/extraction/thai.js";
import { proposed } from "./helpers.js";

describe("Thai reporting verbs", () => {
  it("takes the speaker left of กล่าวว่า (title, name and office) and the clause after it", () => {
    expect(proposed("นายกรัฐมนตรีสมชาย ใจดี กล่าวว่า รัฐบาลจะลดภาษีน้ำมันในเดือนหน้า")).toEqual([
      {
        quote: "รัฐบาลจะลดภาษีน้ำมันในเดือนหน้า",
        speaker: "นายกรัฐมนตรีสมชาย ใจดี",
        chain: ["นายกรัฐมนตรีสมชาย ใจดี:speaker", "test-wire:publisher"],
        cue: "กล่าวว่า",
        stance: "asserts",
        kind: "statement",
      },
    ]);
  });

  it("keeps an appositive office with the name and strips auxiliaries before the cue", () => {
    const [claim] = proposed("โดยนายสมศักดิ์ มั่นคง โฆษกกระทรวงพาณิชย์ได้ออกมาระบุว่า ราคาสินค้าจะไม่ปรับขึ้น");
    expect(claim!.speaker).toBe("นายสมศักดิ์ มั่นคง");
    expect(claim!.quote).toBe("ราคาสินค้าจะไม่ปรับขึ้น");
    expect(claim!.cue).toBe("ระบุว่า");
  });

  it("marks ปฏิเสธว่า a denial and อาจ a hedge", () => {
    const claims = proposed("ทำเนียบรัฐบาลปฏิเสธว่า ไม่มีการปรับคณะรัฐมนตรี\n\nนักวิเคราะห์มองว่า เศรษฐกิจอาจชะลอตัวในปีหน้า");
    expect(claims.map((c) => [c.speaker, c.stance, c.kind])).toEqual([
      ["ทำเนียบรัฐบาล", "denies", "denial"],
      ["นักวิเคราะห์", "hedges", "assessment"],
    ]);
  });

  it("reads คาดการณ์กันว่า as the cue คาดการณ์ว่า and cuts the speaker after ทำให้", () => {
    const [claim] = proposed("เหตุการณ์นี้ทำให้นักลงทุนคาดการณ์กันว่า ธนาคารกลางจะขึ้นดอกเบี้ย");
    expect(claim).toMatchObject({ speaker: "นักลงทุน", cue: "คาดการณ์กันว่า", stance: "hedges", kind: "expectation" });
  });

  it("allows an object between the verb and ว่า (ยกย่อง X ว่า, กล่าวในการประชุมว่า)", () => {
    const claims = proposed(
      'นายเอก สองยกย่องทีมงานว่า "ทำงานหนักที่สุด" ในงานเลี้ยง\n\nนางบี ซีกล่าวในการประชุมว่า โครงการจะเสร็จในปีนี้',
    );
    expect(claims.map((c) => [c.speaker, c.cue, c.quote])).toEqual([
      ["นายเอก สอง", "ยกย่องทีมงานว่า", "ทำงานหนักที่สุด"],
      ["นางบี ซี", "กล่าวในการประชุมว่า", "โครงการจะเสร็จในปีนี้"],
    ]);
  });

  it("takes an object cue (แสดงความกังวล, ขู่) with its object, and carries the subject over พร้อม", () => {
    const claims = proposed("โดยญี่ปุ่นได้ออกมาแสดงความกังวล หลังมีการทดสอบขีปนาวุธ พร้อมขู่จะคว่ำบาตรเพิ่มเติม");
    expect(claims.map((c) => [c.speaker, c.quote, c.kind])).toEqual([
      ["ญี่ปุ่น", "แสดงความกังวล หลังมีการทดสอบขีปนาวุธ", "warning"],
      ["ญี่ปุ่น", "ขู่จะคว่ำบาตรเพิ่มเติม", "warning"],
    ]);
  });

  it("does not fire inside บ่งชี้ว่า, ระหว่าง or กว่า", () => {
    expect(proposed("ข้อมูลบ่งชี้ว่า ราคาจะสูงขึ้นมากกว่าเดิม ระหว่างการประชุม")).toEqual([]);
    expect(isThatAt("ระหว่าง", 3)).toBe(false);
    expect(isThatAt("มากกว่า", 4)).toBe(false);
    expect(isThatAt("กล่าวว่า", 5)).toBe(true);
  });

  it("ignores cues inside a quotation", () => {
    const claims = proposed('นายดี มีสุข กล่าวว่า "เราไม่เคยปฏิเสธว่า มีปัญหา"');
    expect(claims.map((c) => c.quote)).toEqual(["เราไม่เคยปฏิเสธว่า มีปัญหา"]);
  });
});

describe("Thai chains", () => {
  it("X รายงานโดยอ้างอิง Y ว่า: Y speaks, X reports", () => {
    const [claim] = proposed("สำนักข่าวเอบีซีรายงานโดยอ้างอิงกระทรวงกลาโหมว่า การซ้อมรบจะเริ่มในสัปดาห์หน้า");
    expect(claim!.chain).toEqual(["กระทรวงกลาโหม:speaker", "สำนักข่าวเอบีซี:reporter", "test-wire:publisher"]);
  });

  it("folds a nested report: speaker -> reporter -> relay -> publisher", () => {
    const [claim, ...rest] = proposed(
      "สำนักข่าวเอบีซีรายงานโดยอ้างอิงสถานีโทรทัศน์ดีอีเอฟ (DEF) ว่า นายจี เอชกล่าวว่า การเจรจาล้มเหลว",
    );
    expect(rest).toEqual([]);
    expect(claim!.chain).toEqual([
      "นายจี เอช:speaker",
      "สถานีโทรทัศน์ดีอีเอฟ:reporter",
      "สำนักข่าวเอบีซี:relay",
      "test-wire:publisher",
    ]);
    expect(claim!.quote).toBe("การเจรจาล้มเหลว");
  });

  it("รายงานของ X ซึ่งอ้างอิง Y ว่า, and ตามรายงานของ X without ว่า", () => {
    const claims = proposed(
      "รายงานของสำนักข่าวเอบีซีซึ่งอ้างอิงแหล่งข่าวในรัฐบาลว่า การเลือกตั้งจะเลื่อนออกไป\n\nตามรายงานของหนังสือพิมพ์ไอเจเค ราคาทองคำปรับขึ้น 3%",
    );
    expect(claims.map((c) => [c.chain, c.quote])).toEqual([
      [["แหล่งข่าวในรัฐบาล:speaker", "สำนักข่าวเอบีซี:reporter", "test-wire:publisher"], "การเลือกตั้งจะเลื่อนออกไป"],
      [["หนังสือพิมพ์ไอเจเค:speaker", "test-wire:publisher"], "ราคาทองคำปรับขึ้น 3%"],
    ]);
  });

  it("does not treat an abbreviation's full stop (ปธน., ก.ย.) as a sentence end", () => {
    const [claim] = proposed("สำนักข่าวเอบีซีรายงานว่า ปธน.สมชาย เดินทางถึงเมื่อ 5 ก.ย. ก่อนเดินทางต่อ");
    expect(claim!.quote).toBe("ปธน.สมชาย เดินทางถึงเมื่อ 5 ก.ย.");
  });
});

describe("Thai continuation and contradictions", () => {
  it("splits reported speech that goes on after ซึ่ง / แต่ into claims of the same speaker", () => {
    const claims = proposed(
      "โดยนายเค แอลมองว่า ราคาน้ำมันจะสูงขึ้น ซึ่งกระทบผู้บริโภคโดยตรง แต่รัฐบาลอาจเข้ามาช่วยอุดหนุน ก่อนการเลือกตั้งจะมาถึง",
    );
    expect(claims.map((c) => [c.speaker, c.quote, c.stance])).toEqual([
      ["นายเค แอล", "ราคาน้ำมันจะสูงขึ้น", "asserts"],
      ["นายเค แอล", "กระทบผู้บริโภคโดยตรง", "asserts"],
      ["นายเค แอล", "รัฐบาลอาจเข้ามาช่วยอุดหนุน", "hedges"],
    ]);
  });

  it("proposes a contradiction for สวนทางกับ between the denial and the report after it", () => {
    const { sheet, proposals } = extractClaimSheet(
      "อย่างไรก็ตาม นายเอ็ม เอ็นปฏิเสธว่า ไม่มีการซื้อขายอาวุธ ซึ่งสวนทางกับรายงานของสำนักข่าวโอพีคิวที่ระบุว่า ทั้งสองประเทศลงนามสัญญาซื้อขายอาวุธแล้ว",
      { publisher: "test-wire" },
    );
    expect(sheet.claims.map((c) => c.quote)).toEqual(["ไม่มีการซื้อขายอาวุธ", "ทั้งสองประเทศลงนามสัญญาซื้อขายอาวุธแล้ว"]);
    expect(sheet.relations).toEqual([
      {
        from: "c1",
        to: "c2",
        type: "contradicts",
        status: "proposed",
        origin: "curated",
        rationale: 'the text sets c1 against c2 with "สวนทางกับ" (runs counter to)',
      },
    ]);
    expect(proposals.relations[0]!.rule).toBe("contrast_marker");
  });

  it("proposes a contradiction for a denial and an assertion by other sources on the same topic", () => {
    const { sheet, proposals } = extractClaimSheet(
      "สำนักข่าวเอบีซีรายงานว่า บริษัทปิดโรงงานผลิตรถยนต์ที่ระยอง\n\nนายพี คิว โฆษกบริษัทปฏิเสธว่า บริษัทไม่ได้ปิดโรงงานผลิตรถยนต์ที่ระยอง",
      { publisher: "test-wire" },
    );
    expect(sheet.relations.map((r) => [r.from, r.to, r.type])).toEqual([["c2", "c1", "contradicts"]]);
    expect(proposals.relations[0]!.rule).toBe("opposite_polarity");
    expect(proposals.relations[0]!.reason).toContain('c2 says "ไม่ได้" where c1 asserts');
  });
});

describe("Thai news idioms", () => {
  it("ด้าน opens a clause before a speaker, but not inside an office", () => {
    const claims = proposed("ด้านนายเอ บีซี รัฐมนตรีด้านการคลังกล่าวว่า งบประมาณจะขาดดุล\n\nด้านรัฐบาลญี่ปุ่นระบุว่า จะไม่ส่งทหาร");
    expect(claims.map((c) => c.speaker)).toEqual(["นายเอ บีซี", "รัฐบาลญี่ปุ่น"]);
  });

  it("takes the object frame of เตือน when no ว่า follows, and reads โพสต์...ว่า", () => {
    const claims = proposed("กรมอุตุนิยมวิทยาเตือนประชาชนระวังน้ำท่วมฉับพลัน\n\nนายซี ดีโพสต์ข้อความผ่านเฟซบุ๊กว่า จะลงสมัครเลือกตั้ง");
    expect(claims.map((c) => [c.speaker, c.cue, c.quote])).toEqual([
      ["กรมอุตุนิยมวิทยา", "เตือน", "เตือนประชาชนระวังน้ำท่วมฉับพลัน"],
      ["นายซี ดี", "โพสต์ข้อความผ่านเฟซบุ๊กว่า", "จะลงสมัครเลือกตั้ง"],
    ]);
  });

  it("attributes ผู้สื่อข่าวรายงานว่า to the publisher itself", () => {
    expect(proposed("ผู้สื่อข่าวรายงานว่า การจราจรติดขัดตลอดทั้งวัน")[0]!.chain).toEqual(["test-wire:speaker"]);
  });

  it("does not read ไม่ประสงค์ระบุชื่อ as a cue", () => {
    expect(proposed("แหล่งข่าวที่ไม่ประสงค์ระบุชื่อเปิดเผยว่า การเจรจายังไม่คืบหน้า").map((c) => [c.speaker, c.cue])).toEqual([
      ["แหล่งข่าวที่ไม่ประสงค์ระบุชื่อ", "เปิดเผยว่า"],
    ]);
  });
});

describe("Thai trailing attributions and follow-ups", () => {
  it('reads "QUOTE" นาย X กล่าว: the quotation, then its speaker and a sentence-final verb', () => {
    expect(proposed('"เราไม่เคยคิดเช่นนั้น" นางสาวเอ บี โฆษกกระทรวงกล่าว')).toEqual([
      expect.objectContaining({ speaker: "นางสาวเอ บี", quote: "เราไม่เคยคิดเช่นนั้น", cue: "กล่าว" }),
    ]);
  });

  it("carries the speaker over โดยมองว่า and และกล่าวว่า", () => {
    const claims = proposed(
      "นายซี ดี แถลงว่า ที่ประชุมมีมติคงดอกเบี้ย โดยมองว่าเศรษฐกิจจะขยายตัว\n\nขณะที่รัฐบาลแสดงความไม่พอใจต่อมติดังกล่าว และกล่าวว่า ควรลดดอกเบี้ย",
    );
    expect(claims.map((c) => [c.speaker, c.cue, c.quote])).toEqual([
      ["นายซี ดี", "แถลงว่า", "ที่ประชุมมีมติคงดอกเบี้ย"],
      ["นายซี ดี", "มองว่า", "เศรษฐกิจจะขยายตัว"],
      ["รัฐบาล", "แสดงความ", "แสดงความไม่พอใจต่อมติดังกล่าว"],
      ["รัฐบาล", "กล่าวว่า", "ควรลดดอกเบี้ย"],
    ]);
  });

  it("proposes a contradiction when a source denies the report before it (ปฏิเสธรายงานดังกล่าว)", () => {
    const { sheet } = extractClaimSheet(
      "สำนักข่าวเอบีซีรายงานโดยอ้างแหล่งข่าวว่า รัฐบาลจะปรับคณะรัฐมนตรี ซึ่งทำเนียบรัฐบาลได้ออกมาปฏิเสธรายงานดังกล่าว",
      { publisher: "test-wire" },
    );
    expect(sheet.claims.map((c) => [c.key, c.quote, c.kind])).toEqual([
      ["c1", "รัฐบาลจะปรับคณะรัฐมนตรี", "report"],
      ["c2", "ปฏิเสธรายงานดังกล่าว", "denial"],
    ]);
    expect(sheet.relations.map((r) => [r.from, r.to, r.rationale])).toEqual([
      ["c2", "c1", 'the text sets c2 against c1 with "ปฏิเสธรายงาน" (denies the report)'],
    ]);
  });
});

describe("Thai pronouns", () => {
  it("reads เขากล่าวต่อว่า as the last named speaker", () => {
    expect(
      proposed("นายเอ บีซี รัฐมนตรีคลังกล่าวว่า งบประมาณจะขาดดุล\n\nเขากล่าวต่อว่า รัฐบาลจะไม่ขึ้นภาษี").map((c) => [c.speaker, c.cue]),
    ).toEqual([
      ["นายเอ บีซี", "กล่าวว่า"],
      ["นายเอ บีซี", "กล่าวต่อว่า"],
    ]);
  });
});

describe("Thai word edges", () => {
  it("does not read อาจ inside เอาจริง as a hedge, and keeps พร้อม + object inside the content", () => {
    expect(proposed("พล.ต.ต.เอ บีซี เปิดเผยว่า ตำรวจเอาจริงกับคดีนี้ พร้อมของกลาง 3 รายการ")).toEqual([
      expect.objectContaining({
        speaker: "พล.ต.ต.เอ บีซี",
        quote: "ตำรวจเอาจริงกับคดีนี้ พร้อมของกลาง 3 รายการ",
        stance: "asserts",
      }),
    ]);
  });

  it("reads newer cues: ยืนกรานว่า, โจมตีว่า, ยอมรับว่า, คาดหวังว่า", () => {
    const claims = proposed(
      "ฝ่ายค้านโจมตีว่า รัฐบาลล้มเหลว\n\nนายกฯ ยืนกรานว่า รัฐบาลทำดีที่สุดแล้ว พร้อมยอมรับว่า ยังมีจุดอ่อน\n\nนักลงทุนคาดหวังว่า ดอกเบี้ยจะลดลง",
    );
    expect(claims.map((c) => [c.speaker, c.cue, c.stance])).toEqual([
      ["ฝ่ายค้าน", "โจมตีว่า", "asserts"],
      ["นายกฯ", "ยืนกรานว่า", "asserts"],
      ["นายกฯ", "ยอมรับว่า", "asserts"],
      ["นักลงทุน", "คาดหวังว่า", "hedges"],
    ]);
  });
});

describe("Thai coordination", () => {
  it("keeps a clause coordinated by ไปพร้อมกับ under the hedge of the clause before it", () => {
    const claims = proposed("นายเอ บีซีมองว่า การเยือนครั้งนี้อาจเป็นการหาพันธมิตรใหม่ ไปพร้อมกับการกดดันคู่แข่งในภูมิภาค");
    expect(claims.map((c) => [c.quote, c.stance])).toEqual([
      ["การเยือนครั้งนี้อาจเป็นการหาพันธมิตรใหม่", "hedges"],
      ["การกดดันคู่แข่งในภูมิภาค", "hedges"],
    ]);
  });
});

describe("Thai sentence ends without punctuation", () => {
  it("ends a report where a new subject noun phrase (การ..., ความ...) follows a space", () => {
    expect(proposed("สำนักข่าวเอบีซีรายงานว่า ทั้งสองฝ่ายตกลงขยายความร่วมมือทางทหาร การพบกันครั้งนี้อาจเปลี่ยนดุลอำนาจ")).toEqual([
      expect.objectContaining({ quote: "ทั้งสองฝ่ายตกลงขยายความร่วมมือทางทหาร", stance: "asserts" }),
    ]);
  });

  it("does not end it when the noun phrase is joined to what precedes (ใน การ..., กับ ความ...)", () => {
    expect(proposed("สำนักข่าวเอบีซีรายงานว่า รัฐบาลจะให้ความสำคัญกับ ความมั่นคงทางอาหารของประเทศ")[0]!.quote).toBe(
      "รัฐบาลจะให้ความสำคัญกับ ความมั่นคงทางอาหารของประเทศ",
    );
  });
});

describe("Thai citing constructions", () => {
  it("อ้างอิงข้อมูลจาก X ระบุว่า: X speaks, the publisher cites it", () => {
    expect(proposed("ทั้งนี้ อ้างอิงข้อมูลจากกรมควบคุมโรค ระบุว่า มีผู้ป่วยรายใหม่ 120 ราย")).toEqual([
      expect.objectContaining({
        speaker: "กรมควบคุมโรค",
        chain: ["กรมควบคุมโรค:speaker", "test-wire:publisher"],
        quote: "มีผู้ป่วยรายใหม่ 120 ราย",
      }),
    ]);
  });

  it("X อ้างแหล่งข่าว... ว่า: the anonymous source speaks, X reports", () => {
    const { sheet } = extractClaimSheet("สำนักข่าวเอบีซี (ABC) อ้างแหล่งข่าวในกองทัพว่า การซ้อมรบจะเริ่มพรุ่งนี้", {
      publisher: "test-wire",
    });
    expect(sheet.claims[0]!.chains[0]).toEqual([
      { source: "anonymous-naikongthap", role: "speaker" },
      { source: "abc", role: "reporter" },
      { source: "test-wire", role: "publisher" },
    ]);
    expect(sheet.sources.find((s) => s.slug === "anonymous-naikongthap")).toMatchObject({
      name: "แหล่งข่าวในกองทัพ",
      kind: "anonymous",
    });
  });

  it("does not take ออกมา after an office for a surname", () => {
    expect(proposed("ล่าสุด นายกรัฐมนตรีเอบีซี ออกมาตอบโต้ว่า ข้อกล่าวหาไม่เป็นความจริง")[0]!.speaker).toBe("นายกรัฐมนตรีเอบีซี");
  });
});

describe("Thai verbs and nouns", () => {
  it("lets the first verb lead when another one sits in its adverbial (ระบุในแถลงการณ์ว่า)", () => {
    expect(proposed("ด้านกรมควบคุมมลพิษระบุในแถลงการณ์ว่า ค่าฝุ่นจะสูงขึ้น")[0]).toMatchObject({
      speaker: "กรมควบคุมมลพิษ",
      cue: "ระบุในแถลงการณ์ว่า",
    });
  });

  it("drops a relativiser between the source and the cue (ข้อมูลของ X ที่ระบุว่า)", () => {
    expect(proposed("ซึ่งขัดแย้งกับข้อมูลของกระทรวงเกษตรฯ ที่ระบุว่า การเผาลดลงร้อยละ 40")[0]!.speaker).toBe("กระทรวงเกษตรฯ");
  });

  it("does not read a verb after a nominal prefix as a cue (นักวิเคราะห์, การแถลง)", () => {
    expect(
      proposed("นักวิเคราะห์มองว่า ตลาดจะฟื้นตัว\n\nในการแถลงข่าววันนี้ไม่มีรายละเอียดใหม่").map((c) => [c.speaker, c.cue]),
    ).toEqual([["นักวิเคราะห์", "มองว่า"]]);
  });
});
