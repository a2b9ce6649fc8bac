/**
 * Word pools for synthetic news text. Thai phrases start with a base consonant or a leading
 * vowel, so every quote boundary falls on a grapheme boundary, as the import requires.
 */
export const THAI_SUBJECTS = [
  "รัฐบาล",
  "กระทรวงการต่างประเทศ",
  "โฆษกทำเนียบขาว",
  "กองทัพ",
  "นายกรัฐมนตรี",
  "คณะกรรมการการเลือกตั้ง",
  "ธนาคารกลาง",
  "สำนักข่าวกลาง",
  "เจ้าหน้าที่ระดับสูง",
  "ผู้นำฝ่ายค้าน",
  "นักวิเคราะห์",
  "แหล่งข่าวใกล้ชิด",
] as const;

export const THAI_CUES = ["กล่าวว่า", "ระบุว่า", "ปฏิเสธว่า", "เปิดเผยว่า", "ยืนยันว่า", "เตือนว่า", "คาดว่า"] as const;

export const THAI_OBJECTS = [
  "การเจรจาจะเริ่มขึ้นในสัปดาห์หน้า",
  "ไม่มีการส่งอาวุธให้แก่ประเทศใด",
  "เศรษฐกิจจะขยายตัวร้อยละสาม",
  "ทั้งสองประเทศตกลงขยายความร่วมมือ",
  "ข้อกล่าวหาดังกล่าวไม่เป็นความจริง",
  "การซ้อมรบจะดำเนินต่อไปตามแผน",
  "ราคาน้ำมันจะปรับตัวสูงขึ้น",
  "ผู้ประท้วงหลายพันคนรวมตัวกันหน้ารัฐสภา",
  "มาตรการคว่ำบาตรไม่ส่งผลกระทบ",
  "การเลือกตั้งจะจัดขึ้นตามกำหนด",
  "เรือรบสองลำเดินทางถึงท่าเรือ",
  "ข้อตกลงการค้าจะลงนามภายในสิ้นปี",
  "ไม่มีผู้ได้รับบาดเจ็บจากเหตุการณ์",
  "สถานการณ์ชายแดนกลับสู่ภาวะปกติ",
] as const;

export const THAI_TAILS = [
  "",
  "ในวันนี้",
  "เมื่อวันอังคาร",
  "ตามรายงานของสื่อท้องถิ่น",
  "อย่างเป็นทางการ",
  "โดยไม่ระบุรายละเอียด",
] as const;

export const ENGLISH_SUBJECTS = [
  "The government",
  "The foreign ministry",
  "A senior official",
  "The army",
  "The prime minister",
  "The central bank",
  "An opposition leader",
  "A source close to the talks",
  "The spokesperson",
  "An analyst",
] as const;

export const ENGLISH_CUES = [
  "said",
  "told reporters",
  "denied",
  "announced",
  "warned",
  "expects",
  "confirmed",
] as const;

export const ENGLISH_OBJECTS = [
  "talks will begin next week",
  "no weapons were supplied to any country",
  "the economy will grow by three percent",
  "both countries agreed to expand cooperation",
  "the allegations are untrue",
  "the exercises will continue as planned",
  "fuel prices will rise",
  "thousands of protesters gathered outside parliament",
  "the sanctions have had no effect",
  "the election will be held on schedule",
  "two warships arrived at the port",
  "a trade agreement will be signed by the end of the year",
  "nobody was injured in the incident",
  "the border situation is back to normal",
] as const;

export const ENGLISH_TAILS = [
  "",
  " on Tuesday",
  " according to local media",
  " in a statement",
  " without giving details",
] as const;

export const THAI_GIVEN = [
  "สมชาย",
  "สุดารัตน์",
  "อนันต์",
  "วิไล",
  "ประยุทธ",
  "กาญจนา",
  "ธนากร",
  "มาลี",
  "ดมิทรี",
  "ยูกิโกะ",
] as const;
export const THAI_FAMILY = ["ใจดี", "ศรีสุข", "วงศ์ทอง", "พรหมมา", "เพสคอฟ", "ทานากะ", "แก้วมณี", "บุญมา"] as const;
export const LATIN_GIVEN = [
  "Somchai",
  "Sudarat",
  "Anan",
  "Wilai",
  "Prayut",
  "Kanchana",
  "Thanakorn",
  "Malee",
  "Dmitry",
  "Yukiko",
] as const;
export const LATIN_FAMILY = [
  "Jaidee",
  "Srisuk",
  "Wongthong",
  "Phromma",
  "Peskov",
  "Tanaka",
  "Kaewmanee",
  "Boonma",
] as const;

export const OUTLET_WORDS = [
  "Asia",
  "Pacific",
  "Mekong",
  "Global",
  "Daily",
  "Central",
  "Northern",
  "Harbour",
  "Capital",
  "Morning",
] as const;
export const OUTLET_SUFFIXES = ["News", "Times", "Post", "Agency", "Broadcasting", "Herald", "Wire"] as const;

export const TOPIC_WORDS = [
  "diplomacy",
  "defence",
  "economy",
  "trade",
  "elections",
  "energy",
  "sanctions",
  "protests",
  "health",
  "border",
  "maritime",
  "agriculture",
  "technology",
  "climate",
  "courts",
] as const;
