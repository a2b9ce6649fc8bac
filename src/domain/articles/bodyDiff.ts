import { diffArrays } from "diff";
import { codePointLength } from "../text/codePoints.js";

/** One run of a diff between two bodies; offsets are code points, end exclusive. */
export interface BodyChange {
  op: "same" | "removed" | "added";
  text: string;
  /** Where the run is in the earlier body (same, removed), else null. */
  before: { start: number; end: number } | null;
  /** Where the run is in the later body (same, added), else null. */
  after: { start: number; end: number } | null;
}

/** Past this much work a diff of two very different bodies gives up: the whole body was replaced. */
const DIFF_TIMEOUT_MS = 500;

/**
 * What changed from `before` to `after`, word by word (ICU word segments in the article's
 * language, so Thai, written without spaces, is compared by word, and no run splits a grapheme).
 */
export function diffBodies(before: string, after: string, language: string): BodyChange[] {
  const segmenter = new Intl.Segmenter(language, { granularity: "word" });
  const words = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);
  const runs = diffArrays(words(before), words(after), { timeout: DIFF_TIMEOUT_MS }) ?? [
    { removed: true, added: false, value: [before], count: 1 },
    { removed: false, added: true, value: [after], count: 1 },
  ];
  const changes: BodyChange[] = [];
  let inBefore = 0;
  let inAfter = 0;
  for (const run of runs) {
    const text = run.value.join("");
    if (text === "") continue;
    const length = codePointLength(text);
    const op = run.added ? "added" : run.removed ? "removed" : "same";
    changes.push({
      op,
      text,
      before: op === "added" ? null : { start: inBefore, end: inBefore + length },
      after: op === "removed" ? null : { start: inAfter, end: inAfter + length },
    });
    if (op !== "added") inBefore += length;
    if (op !== "removed") inAfter += length;
  }
  return changes;
}
