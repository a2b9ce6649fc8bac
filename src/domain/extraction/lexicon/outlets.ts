import type { SourceKind } from "../../vocabulary.js";

/**
 * Well-known outlets and the Thai forms they are written in, so that "สำนักข่าวรอยเตอร์" and
 * "Reuters" are one source and its slug is the English name (`reuters`), not a romanisation of
 * the Thai spelling. Only international and national wire services and broadcasters a desk meets
 * every day; an outlet that is stored is recognised from the database by its stored names.
 */
export interface OutletEntry {
  /** The outlet's own Latin name (the slug is made from it). */
  english: string;
  /** Other Latin forms (acronyms, full names). */
  latin: readonly string[];
  /** Thai spellings, without a title (สำนักข่าว is matched as a title before them). */
  thai: readonly string[];
  kind: SourceKind;
}

export const OUTLETS: readonly OutletEntry[] = [
  { english: "Reuters", latin: [], thai: ["รอยเตอร์", "รอยเตอร์ส"], kind: "news_agency" },
  { english: "AFP", latin: ["Agence France-Presse"], thai: ["เอเอฟพี", "เอเอฟพี."], kind: "news_agency" },
  { english: "AP", latin: ["Associated Press"], thai: ["เอพี", "แอสโซซิเอตเต็ดเพรส"], kind: "news_agency" },
  { english: "Xinhua", latin: [], thai: ["ซินหัว"], kind: "news_agency" },
  { english: "Kyodo", latin: ["Kyodo News"], thai: ["เกียวโด"], kind: "news_agency" },
  { english: "Yonhap", latin: ["Yonhap News Agency"], thai: ["ยอนฮัป"], kind: "news_agency" },
  { english: "KCNA", latin: ["Korean Central News Agency"], thai: ["เคซีเอ็นเอ"], kind: "news_agency" },
  { english: "TASS", latin: [], thai: ["ทาส", "ทาสส์"], kind: "news_agency" },
  { english: "RIA Novosti", latin: [], thai: ["เรีย โนวอสติ", "อาร์ไอเอ โนวอสติ"], kind: "news_agency" },
  { english: "Interfax", latin: [], thai: ["อินเตอร์แฟกซ์", "อินเทอร์แฟกซ์"], kind: "news_agency" },
  { english: "Bernama", latin: [], thai: ["เบอร์นามา"], kind: "news_agency" },
  { english: "Antara", latin: [], thai: ["อันตารา"], kind: "news_agency" },
  { english: "Bloomberg", latin: [], thai: ["บลูมเบิร์ก"], kind: "news_agency" },
  { english: "BBC", latin: [], thai: ["บีบีซี"], kind: "broadcaster" },
  { english: "CNN", latin: [], thai: ["ซีเอ็นเอ็น"], kind: "broadcaster" },
  { english: "NHK", latin: [], thai: ["เอ็นเอชเค"], kind: "broadcaster" },
  { english: "Al Jazeera", latin: [], thai: ["อัลจาซีรา", "อัลจาซีราห์"], kind: "broadcaster" },
  { english: "Thai PBS", latin: [], thai: ["ไทยพีบีเอส"], kind: "broadcaster" },
  { english: "Thai News Agency", latin: ["TNA"], thai: ["สำนักข่าวไทย"], kind: "news_agency" },
  { english: "Bangkok Post", latin: [], thai: ["บางกอกโพสต์"], kind: "newspaper" },
  { english: "The Nation", latin: [], thai: ["เดอะเนชั่น"], kind: "newspaper" },
  { english: "The New York Times", latin: ["New York Times"], thai: ["นิวยอร์กไทมส์"], kind: "newspaper" },
  { english: "The Washington Post", latin: ["Washington Post"], thai: ["วอชิงตันโพสต์"], kind: "newspaper" },
  { english: "The Guardian", latin: [], thai: ["เดอะการ์เดียน"], kind: "newspaper" },
  { english: "Nikkei", latin: ["Nikkei Asia"], thai: ["นิกเคอิ"], kind: "newspaper" },
];
