import type { ClaimKind, Stance } from "../../vocabulary.js";

/**
 * Reporting cues: the verbs and constructions that attribute a claim to someone. Data, not code:
 * add a cue here (with a test in test/domain/extraction/lexicon.test.ts) and both extractors use it.
 *
 * - `form`: the cue as written. Thai cues are matched on the raw string (ICU word segmentation
 *   mangles transliterated names and can swallow a cue's first letters).
 * - `frame`: where speaker and content sit around the cue.
 *   - `verb`: SPEAKER cue CONTENT ("X กล่าวว่า ...", "X said that ...").
 *   - `source_after`: cue SPEAKER [ว่า|,] CONTENT ("ตามรายงานของ X ...", "according to X, ...").
 *   - `citing`: marks a relay: the one before it reports what the one after it said
 *     ("X รายงานโดยอ้างอิง Y ว่า", "X, citing Y, reported").
 * - `complement`: for Thai verb cues, whether the content follows "ว่า" (`that`) or is the
 *   verb's own object (`object`: "แสดงความกังวล", "ขู่จะ...").
 * - `kind`: the ClaimKind a claim with this cue gets; `stance`: the stance it implies.
 * - `gloss`: English meaning, used in proposal glosses.
 * - `weight`: how surely the cue signals attribution (0..1); ambiguous verbs weigh less.
 */
export interface CueEntry {
  form: string;
  frame: "verb" | "source_after" | "citing";
  complement?: "that" | "object";
  kind: ClaimKind;
  stance: Stance;
  gloss: string;
  weight: number;
  /** Thai: the content may follow after a space without ว่า ("แหล่งข่าวเผย กรม...": headline style). */
  bare?: boolean;
}

const th = (
  form: string,
  kind: ClaimKind,
  gloss: string,
  options: Partial<Pick<CueEntry, "frame" | "complement" | "stance" | "weight" | "bare">> = {},
): CueEntry => ({
  form,
  frame: options.frame ?? "verb",
  complement: options.complement ?? "that",
  kind,
  stance: options.stance ?? (kind === "denial" ? "denies" : kind === "expectation" ? "hedges" : "asserts"),
  gloss,
  weight: options.weight ?? 0.9,
  ...(options.bare ? { bare: true } : {}),
});

/**
 * Thai reporting verbs. A verb cue with `complement: "that"` is matched as the verb, an optional
 * กัน/ไว้/ออกมา, then ว่า (so "คาดการณ์กันว่า" is the cue คาดการณ์ว่า).
 */
export const THAI_CUES: readonly CueEntry[] = [
  th("กล่าว", "statement", "said"),
  th("ระบุ", "statement", "stated"),
  th("เปิดเผย", "statement", "disclosed"),
  th("แถลง", "announcement", "announced"),
  th("ประกาศ", "announcement", "announced", { weight: 0.8 }),
  th("รายงาน", "report", "reported"),
  th("ยืนยัน", "statement", "confirmed"),
  th("ย้ำ", "statement", "stressed"),
  th("อ้าง", "statement", "claimed", { weight: 0.7 }),
  th("ชี้แจง", "statement", "explained"),
  th("อธิบาย", "statement", "explained", { weight: 0.8 }),
  th("เผย", "statement", "revealed", { bare: true }),
  th("เน้นย้ำ", "statement", "stressed"),
  th("พาดหัวข่าว", "report", "ran the headline"),
  th("พาดหัว", "report", "ran the headline"),
  th("ประกาศเตือน", "warning", "issued a warning"),
  th("ออกแถลงการณ์", "announcement", "issued a statement"),
  th("หักล้าง", "denial", "refuted", { complement: "object", weight: 0.8 }),
  th("กล่าวอ้าง", "statement", "claimed", { weight: 0.8 }),
  th("บอก", "statement", "told", { weight: 0.8 }),
  th("ให้สัมภาษณ์", "statement", "told an interviewer"),
  th("โพสต์", "statement", "posted", { weight: 0.8 }),
  th("ทวีต", "statement", "tweeted", { weight: 0.85 }),
  th("ตอบโต้", "statement", "retorted", { weight: 0.8 }),
  th("เรียกร้อง", "statement", "called for", { weight: 0.8 }),
  th("ยอมรับ", "statement", "admitted"),
  th("เสริม", "statement", "added", { weight: 0.8 }),
  th("แจ้ง", "statement", "informed", { weight: 0.8 }),
  th("ให้ข้อมูล", "statement", "said"),
  th("ยืนกราน", "statement", "insisted"),
  th("ตอบ", "statement", "answered", { weight: 0.75 }),
  th("สัญญา", "statement", "promised", { weight: 0.75 }),
  th("กล่าวหา", "statement", "accused"),
  th("โจมตี", "statement", "attacked", { weight: 0.75 }),
  th("วิจารณ์", "assessment", "criticised"),
  th("ตั้งข้อสังเกต", "assessment", "observed"),
  th("คิด", "assessment", "thought", { weight: 0.75 }),
  th("กังวล", "warning", "worried", { weight: 0.8 }),
  th("หวัง", "expectation", "hoped", { weight: 0.7 }),
  th("คาดหวัง", "expectation", "expected", { weight: 0.8 }),
  th("เรียกร้อง", "statement", "called for", { complement: "object", weight: 0.7 }),
  th("ปฏิเสธ", "denial", "denied"),
  th("ปฏิเสธ", "denial", "denied", { complement: "object", weight: 0.7 }),
  th("โต้แย้ง", "denial", "disputed", { weight: 0.8 }),
  th("มอง", "assessment", "considered"),
  th("ชี้", "assessment", "pointed out"),
  th("เห็น", "assessment", "believed", { weight: 0.85 }),
  th("เชื่อ", "assessment", "believed", { weight: 0.85 }),
  th("วิเคราะห์", "assessment", "analysed"),
  th("ประเมิน", "assessment", "assessed"),
  th("คาดการณ์", "expectation", "predicted"),
  th("คาด", "expectation", "expected", { weight: 0.8 }),
  th("เตือน", "warning", "warned"),
  th("เตือน", "warning", "warned", { complement: "object", weight: 0.7 }),
  th("ขู่", "warning", "threatened", { complement: "object", weight: 0.75 }),
  th("แสดงความกังวล", "warning", "expressed concern", { complement: "object", weight: 0.8 }),
  th("แสดงความวิตก", "warning", "expressed concern", { complement: "object", weight: 0.8 }),
  th("แสดงความ", "statement", "expressed", { complement: "object", weight: 0.65 }),
  th("ยกย่อง", "assessment", "praised", { weight: 0.75 }),
  th("ให้คำมั่น", "statement", "pledged", { complement: "object", weight: 0.75 }),
  th("ประณาม", "statement", "condemned", { complement: "object", weight: 0.8 }),
  th("ตามรายงานของ", "report", "according to a report by", { frame: "source_after" }),
  th("ตามการเปิดเผยของ", "statement", "according to", { frame: "source_after" }),
  th("ตามคำแถลงของ", "announcement", "according to a statement by", { frame: "source_after" }),
  th("รายงานของ", "report", "a report by", { frame: "source_after", weight: 0.8 }),
  th("ตามข้อมูลของ", "report", "according to", { frame: "source_after" }),
  th("ตามข้อมูลจาก", "report", "according to", { frame: "source_after" }),
  th("อ้างอิงข้อมูลจาก", "report", "citing data from", { frame: "citing" }),
  th("ข้อมูลจาก", "report", "data from", { frame: "source_after", weight: 0.7 }),
  th("ตามคำกล่าวของ", "statement", "according to", { frame: "source_after" }),
  th("โดยอ้างอิง", "report", "citing", { frame: "citing" }),
  th("ซึ่งอ้างอิง", "report", "citing", { frame: "citing" }),
  th("อ้างอิง", "report", "citing", { frame: "citing" }),
  th("อ้างแหล่งข่าว", "report", "citing sources", { frame: "citing" }),
  th("โดยอ้าง", "report", "citing", { frame: "citing" }),
];

const en = (
  form: string,
  kind: ClaimKind,
  options: Partial<Pick<CueEntry, "frame" | "stance" | "weight" | "gloss">> = {},
): CueEntry => ({
  form,
  frame: options.frame ?? "verb",
  kind,
  stance: options.stance ?? (kind === "denial" ? "denies" : kind === "expectation" ? "hedges" : "asserts"),
  gloss: options.gloss ?? form,
  weight: options.weight ?? 0.9,
});

/** English reporting verbs (every inflection listed: matching is on whole words). */
export const ENGLISH_CUES: readonly CueEntry[] = [
  ...[
    "said",
    "says",
    "say",
    "stated",
    "states",
    "added",
    "adds",
    "noted",
    "told",
    "tells",
    "explained",
    "remarked",
    "wrote",
    "writes",
    "insisted",
    "insists",
    "stressed",
    "argued",
    "argues",
    "maintained",
    "replied",
    "responded",
    "answered",
  ].map((f) => en(f, "statement")),
  ...["confirmed", "confirms", "disclosed", "revealed", "acknowledged", "admitted"].map((f) => en(f, "statement")),
  ...["claimed", "claims", "alleged", "alleges"].map((f) => en(f, "statement", { weight: 0.85 })),
  ...["reported", "reports", "quoted", "cited"].map((f) => en(f, "report")),
  // Only before a figure noun and "at" ("put the death toll at 120"): see ENGLISH_FIGURE_NOUNS.
  ...["put", "puts"].map((f) => en(f, "report", { weight: 0.8, gloss: "put the figure at" })),
  ...["announced", "announces", "declared", "declares", "unveiled"].map((f) => en(f, "announcement")),
  ...["denied", "denies", "deny", "rejected", "rejects", "dismissed", "dismisses", "refuted", "disputed"].map((f) =>
    en(f, "denial"),
  ),
  ...["warned", "warns", "threatened", "threatens", "cautioned"].map((f) => en(f, "warning")),
  ...["praised", "criticised", "criticized", "described", "blamed", "accused", "condemned"].map((f) =>
    en(f, "assessment", { weight: 0.75 }),
  ),
  ...[
    "believes",
    "believed",
    "believe",
    "thinks",
    "think",
    "assessed",
    "estimated",
    "estimates",
    "concluded",
    "suggested",
    "suggests",
  ].map((f) => en(f, "assessment", { weight: 0.8 })),
  ...["expects", "expected", "expect", "predicted", "predicts", "forecast", "anticipates"].map((f) =>
    en(f, "expectation"),
  ),
  en("according to", "report", { frame: "source_after" }),
  en("citing", "report", { frame: "citing" }),
  en("quoting", "report", { frame: "citing" }),
];
