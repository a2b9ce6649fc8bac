/**
 * Thai function words the rules read: words a cue hides in, nominal prefixes, pronouns,
 * connectives that share or open a clause, and the publisher's own asides. Data: add a word
 * here with an example sentence in test/domain/extraction/.
 */

/**
 * Words that contain a cue but are not one ("บ่งชี้": indicate; "มองโกเลีย": Mongolia). Data:
 * add here when a cue fires inside an unrelated word.
 */
export const THAI_CUE_BLOCKERS: readonly string[] = [
  "ดังกล่าว",
  "บ่งชี้",
  "ชี้วัด",
  "ชี้นำ",
  "มองเห็น",
  "มองโกเลีย",
  "เชื่อม",
  "เชื่อถือ",
  "ประกาศนียบัตร",
  "รายงานตัว",
  "บอกเล่า",
  "บอกรับ",
  "คาดไม่ถึง",
  "สัญญาณ",
  "คิดเป็น",
  "หวังผล",
  "ระบุตัว",
  "ระบุชื่อ",
  "ไม่ระบุ",
  "เตือนภัย",
  "ผู้รายงาน",
  "ยืนยันตัว",
  "ขู่เข็ญ",
];

/** Prefixes that turn a verb into a noun (นัก-, ผู้-, การ-, ความ-, คำ-). */
export const THAI_NOMINAL_PREFIXES: readonly string[] = ["นัก", "ผู้", "การ", "ความ", "คำ", "ข้อ"];

/** Third-person pronouns that stand for the last named speaker. */
export const THAI_PRONOUNS: readonly string[] = ["เขา", "เธอ", "ท่าน", "พวกเขา", "เจ้าตัว"];

/** Openers that open a clause even when glued to the word before them ("...นี้ทำให้สหรัฐ..."). */
export const THAI_GLUED_OPENERS: readonly string[] = [
  "ทำให้",
  "โดย",
  "ซึ่ง",
  "ขณะที่",
  "ในขณะที่",
  "หลังจากที่",
  "หลังจาก",
  "อย่างไรก็ตาม",
  "ทั้งนี้",
];

/** Connectives right before a cue that carry the previous subject on ("...และขู่ว่า", "พร้อมขู่"). */
export const THAI_SHARED_SUBJECT: readonly string[] = ["พร้อมทั้ง", "พร้อม", "และยัง", "และ", "ก่อนจะ", "แต่ก็", "โดย"];

/** Heads of the comparative กว่า ("มากกว่า", "ดีกว่า"); a word ending in ก before ว่า is not one ("เฟซบุ๊กว่า"). */
export const THAI_COMPARATIVE_HEADS: readonly string[] = [
  "มาก",
  "น้อย",
  "ดี",
  "สูง",
  "ต่ำ",
  "เร็ว",
  "ช้า",
  "นาน",
  "ใหญ่",
  "เล็ก",
  "ง่าย",
  "ยาก",
  "เกิน",
  "ยิ่ง",
  "ขึ้น",
  "แรง",
  "หนัก",
  "เบา",
  "ไกล",
  "ใกล้",
  "แพง",
  "ถูก",
  "กว้าง",
  "ดัง",
  "เยอะ",
];

/**
 * Connectives after which the reported speech goes on in a new clause ("X มองว่า A ซึ่ง B แต่ C"):
 * each clause becomes a claim of the same speaker. Other openers (ก่อน, หลัง, ขณะที่, โดย...) hand
 * the text back to the publisher. Data: keep in step with THAI_CLAUSE_OPENERS.
 */
export const THAI_CONTINUERS: readonly string[] = [
  "ซึ่งถือเป็น",
  "ซึ่ง",
  "แต่",
  "รวมถึง",
  "รวมทั้ง",
  "ไปพร้อม ๆ กับ",
  "ไปพร้อมๆ กับ",
  "ไปพร้อมกับ",
];

/** Continuers that coordinate (rather than subordinate) the next clause. */
export const THAI_COORDINATING: readonly string[] = ["รวมถึง", "รวมทั้ง", "ไปพร้อม ๆ กับ", "ไปพร้อมๆ กับ", "ไปพร้อมกับ"];

/** Clauses in which the publisher speaks again after reported speech (facts, descriptions). */
export const THAI_PUBLISHER_ASIDES: readonly string[] = [
  "แต่ข้อเท็จจริงคือ",
  "แต่ในความเป็นจริง",
  "แต่ความจริงคือ",
  "ซึ่งเป็นพื้นที่",
  "ซึ่งเป็นสถานที่",
];

/** Connectives that open the clause of a new attribution, glued to what follows ("ด้านนาย...", "และระบุว่า"). */
export const THAI_CLAUSE_LEADS: readonly string[] = [
  "อย่างไรก็ตาม",
  "ในขณะที่",
  "ขณะที่",
  "ต่อมา",
  "ด้าน",
  "โดย",
  "และ",
  "พร้อม",
  "แต่",
  "ส่วน",
  "ทั้งนี้",
];

/** Verbs whose object may be a report ("ปฏิเสธรายงานของ X", "หักล้างคำกล่าวของ X"). */
export const THAI_DENIAL_VERBS: readonly string[] = ["ปฏิเสธ", "หักล้าง", "โต้แย้ง", "แย้ง"];

/** Openers that start a description of the name before them when "เป็น" follows ("ซึ่งเป็นผู้สังเกตการณ์"). */
export const THAI_APPOSITIVE_OPENERS: readonly string[] = ["ซึ่ง"];

/**
 * Why a source is not named ("แหล่งข่าว...ซึ่งไม่ประสงค์จะเปิดเผยชื่อ กล่าวว่า"): after ซึ่ง/ที่ it
 * describes the speaker, opens no clause, and is left out of the speaker's name.
 */
export const THAI_ANONYMITY_ASIDES: readonly string[] = [
  "ไม่ประสงค์จะเปิดเผยชื่อ",
  "ไม่ประสงค์จะออกนาม",
  "ไม่ประสงค์ออกนาม",
  "ขอสงวนนาม",
  "ขอไม่เปิดเผยชื่อ",
  "ไม่ขอเปิดเผยชื่อ",
  "ไม่ต้องการเปิดเผยชื่อ",
];

/** The publisher's own reporters: never the speaker when someone else is titled after them. */
export const THAI_OWN_REPORTER_TITLES: readonly string[] = ["ผู้สื่อข่าว", "นักข่าว"];

/** Particles between a verb cue and ว่า that belong to the cue ("คาดการณ์กันว่า", "ระบุไว้ว่า"). */
export const THAI_CUE_PARTICLES: readonly string[] = ["กันไว้", "กัน", "ไว้", "ออกมา"];

/** Function words that may sit inside an office's name, so they do not end it ("โฆษกประจำ...", "ผู้ว่าราชการ"). */
export const THAI_ROLE_CONTINUERS: readonly string[] = [
  "ของ",
  "แห่ง",
  "ประจำ",
  "และ",
  "ที่",
  "กับ",
  "ใน",
  "มา",
  "ไป",
  "ให้",
  "ต่อ",
  "ถึง",
  "มี",
  "เป็น",
];

/**
 * Words that make a clause of what follows a subject (auxiliaries, copulas, verbs of change): "A
 * และB" is two statements only when both A and B hold one after a subject of their own. Matched
 * on ICU word boundaries ("ได้" is not inside "รายได้").
 */
export const THAI_PREDICATE_WORDS: readonly string[] = [
  "จะ",
  "ได้",
  "ไม่",
  "ยัง",
  "กำลัง",
  "ต้อง",
  "ควร",
  "อาจ",
  "มี",
  "เป็น",
  "คือ",
  "ถูก",
  "เคย",
  "อยู่",
  "เพิ่มขึ้น",
  "ลดลง",
  "สูงขึ้น",
  "ต่ำลง",
];

/** Words that make a noun of a predicate word right after them (รายได้: income; ที่มี: which has). */
export const THAI_PREDICATE_NOUN_HEADS: readonly string[] = ["ราย", "สิ่ง", "ที่"];

/** Openers after "และ" that go on with one account ("A และหลังจากนั้น B"): a sequence, not a second statement. */
export const THAI_SEQUENCE_OPENERS: readonly string[] = ["หลังจากนั้น", "จากนั้น", "ต่อมา", "ก่อนหน้านั้น", "ในที่สุด"];
