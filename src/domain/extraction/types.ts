import type { SourceKind, Stance } from "../vocabulary.js";
import type { CueEntry } from "./lexicon/cues.js";

/** A stretch of the text, in UTF-16 indices (converted to code points only when a sheet is built). */
export interface TextRange {
  start: number;
  end: number;
}

/** Where a source is named in the text. */
export interface Mention extends TextRange {
  text: string;
}

/**
 * One attribution found in the text: who said it (speaker), who carried it (nearest the speaker
 * first: the reporter, then relays), the cue, and the span of what was said.
 */
export interface Attribution {
  speaker: Mention;
  via: Mention[];
  cue: Mention & { entry: CueEntry };
  /** The claim's span: the content of the report (or, for an object cue, cue + object). */
  span: TextRange;
  stance: Stance;
  hedged: boolean;
  confidence: number;
  rule: string;
  explanation: string;
  /** What the claim denies, when the text names it ("denied the report", "ปฏิเสธรายงานของ X"). */
  denies?: Mention;
}

/** A source the extractor can recognise: stored ones come from the database. */
export interface KnownSource {
  slug: string;
  name: string;
  kind: SourceKind;
  names: string[];
}

/** A contrast marker between two attributions, found in the text. */
export interface ContrastFinding {
  before: Attribution;
  after: Attribution;
  marker: string;
  gloss: string;
}
