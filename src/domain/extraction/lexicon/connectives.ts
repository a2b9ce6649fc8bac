/**
 * Clause structure. Thai marks clause ends with a space and opens clauses with connectives;
 * English with punctuation. Data, not code.
 */

/** Thai connectives that open a new clause (after a space, or glued to the next word). */
export const THAI_CLAUSE_OPENERS: readonly string[] = [
  "อย่างไรก็ตาม",
  "ในขณะที่",
  "ขณะที่",
  "ทั้งนี้",
  "นอกจากนี้",
  "หลังจากที่",
  "หลังจาก",
  "เนื่องจาก",
  "ส่วน",
  "ซึ่ง",
  "โดย",
  "แต่",
  "และ",
  "หลัง",
  "ก่อน",
  "พร้อม",
  "ขณะ",
  "แม้ว่า",
  "แม้",
  "เพราะ",
  "ทำให้",
  "เมื่อ",
  "ด้าน",
];

/**
 * Openers that end a claim's content when they follow a space (a space alone does not: Thai puts
 * spaces inside sentences too). "และ" and "พร้อม" are left out: they join the parts of one report
 * too often ("...3 ราย พร้อมของกลาง"); followed by a cue they still end it ("พร้อมขู่").
 */
export const THAI_CONTENT_ENDERS: readonly string[] = THAI_CLAUSE_OPENERS.filter((word) => !["และ", "ส่วน", "เมื่อ", "ด้าน", "พร้อม"].includes(word));

/** Words that may sit between a speaker and the cue and belong to neither ("ได้ออกมาปฏิเสธ"). */
export const THAI_AUXILIARIES: readonly string[] = ["ได้ออกมา", "ออกมา", "ได้", "ก็", "ยัง", "จึง", "เคย", "กลับ", "ต่าง", "ต่างก็", "เอง", "ทั้ง", "ล่าสุด", "ก่อนหน้านี้", "วันนี้", "เมื่อวันนี้", "กัน"];

/** Function words that end a name glued to what follows ("ปูตินแห่งรัสเซีย"). */
export const THAI_NAME_ENDERS: readonly string[] = ["หลังจาก", "ก่อนหน้า", "ระหว่าง", "เพื่อ", "แห่ง", "ของ", "ซึ่ง", "และ", "ที่", "กับ", "จาก", "ได้", "จะ", "ก็", "ยัง", "ใน", "เมื่อ", "หลัง", "ก่อน", "ว่า", "พร้อม", "โดย", "เป็น", "มี", "ไม่", "ต่อ", "ถึง", "ให้", "ไป", "มา", "ประจำ"];

/** Abbreviations whose full stop does not end a sentence. */
export const THAI_ABBREVIATIONS: readonly string[] = [
  "ปธน.", "นรม.", "รมว.", "รมต.", "ผอ.", "ดร.", "ศ.", "รศ.", "ผศ.", "น.ส.", "พล.อ.", "พล.ท.", "พล.ต.", "พ.อ.", "พล.ต.ต.", "พ.ต.อ.", "ผบ.ตร.", "ตร.", "สส.", "สว.", "ครม.", "กกต.", "ธปท.", "กนง.",
  "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.", "พ.ศ.", "ค.ศ.", "กทม.",
];

/** English abbreviations whose full stop does not end a sentence. */
export const ENGLISH_ABBREVIATIONS: readonly string[] = [
  "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Sgt.", "Sen.", "Rep.", "Gov.", "St.", "Jr.", "Sr.", "No.", "vs.", "etc.",
  "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "U.S.", "U.K.", "U.N.", "E.U.", "a.m.", "p.m.", "Inc.", "Corp.", "Co.",
];

/** English words between a speaker and the cue that belong to neither ("has also said"). */
export const ENGLISH_AUXILIARIES: readonly string[] = ["has", "have", "had", "also", "again", "earlier", "later", "previously", "repeatedly", "publicly", "flatly", "strongly", "on", "once", "last", "this", "week", "month", "year", "yesterday", "today", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** English words that open a clause before a speaker ("However, X said"). */
export const ENGLISH_CLAUSE_OPENERS: readonly string[] = ["however", "but", "and", "meanwhile", "separately", "still", "yet", "while", "although", "though", "also", "instead", "earlier", "later", "in addition", "moreover"];
