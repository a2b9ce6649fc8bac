import { AppError } from "../../errors.js";

/** Largest article body a claim sheet may carry when MAX_ARTICLE_BYTES is not set: 1 MiB. */
export const DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024;

const EXCERPT_RADIUS = 24;

/** A file saved by an editor that writes a UTF-8 byte-order mark reads the same as one without. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * `text` safe to print on a terminal: control characters (C0, DEL, C1, and the bidirectional
 * overrides that reorder what follows) are shown as `\u001b`-style escapes, never sent as they are.
 */
export function sanitiseExcerpt(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to escape
    /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Line and column (both from 1) of UTF-16 index `index` in `text`. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * JSON.parse with an error a person can act on: where (line, column) and a short sanitised
 * excerpt around it. Node's own message quotes the input raw, escape codes included.
 */
export function parseJsonText(text: string, where = "the file"): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const index = position ? Number(position[1]) : text.length;
    const { line, column } = lineAndColumn(text, index);
    const excerpt = sanitiseExcerpt(text.slice(Math.max(0, index - EXCERPT_RADIUS), index + EXCERPT_RADIUS));
    throw new AppError(
      400,
      "malformed_json",
      `${where} is not valid JSON at line ${line}, column ${column}: near ${JSON.stringify(excerpt)}`,
      [{ path: "", code: "malformed_json", message: `line ${line}, column ${column}` }],
    );
  }
}

/** One claim sheet per non-empty line of a JSONL text, a bad line reported by its number. */
export function parseJsonLinesText(text: string): unknown[] {
  const sheets: unknown[] = [];
  stripBom(text)
    .split("\n")
    .forEach((line, i) => {
      if (line.trim() === "") return;
      sheets.push(parseJsonText(line, `line ${i + 1}`));
    });
  return sheets;
}
