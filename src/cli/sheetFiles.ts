import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { lineAndColumn, parseJsonText, sanitiseExcerpt } from "../domain/sheets/sheetText.js";
import { AppError } from "../errors.js";
import { keepHeapInBudget } from "./heapBudget.js";

// Claim-sheet files read one sheet at a time, so an import's memory does not grow with the file.

const BOM = 0xfeff;
const EXCERPT_RADIUS = 24;
const PEEK_BYTES = 4096;

/** Whether a JSON file holds an array (of claim sheets), from its first character after a BOM and spaces. */
export async function holdsJsonArray(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(PEEK_BYTES), 0, PEEK_BYTES, 0);
    const start = buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trimStart();
    return start.startsWith("[");
  } finally {
    await handle.close();
  }
}

/** The claim sheets of a JSONL file, one per non-empty line, a bad line reported by its number. */
export async function* jsonLines(file: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    const line = number === 1 && text.charCodeAt(0) === BOM ? text.slice(1) : text;
    if (line.trim() === "") continue;
    keepHeapInBudget();
    yield parseJsonText(line, `line ${number}`);
  }
}

/** "the file is not valid JSON at line 3, column 7: near ...", as a whole-file parse says it. */
function notJson(line: number, column: number, text: string, index: number): AppError {
  const excerpt = sanitiseExcerpt(text.slice(Math.max(0, index - EXCERPT_RADIUS), index + EXCERPT_RADIUS));
  return new AppError(
    400,
    "malformed_json",
    `the file is not valid JSON at line ${line}, column ${column}: near ${JSON.stringify(excerpt)}`,
    [{ path: "", code: "malformed_json", message: `line ${line}, column ${column}` }],
  );
}

/** notJson at `index` of an item's text, the item starting at `origin` in the file. */
function notJsonInItem(text: string, index: number, origin: { line: number; column: number }): AppError {
  const local = lineAndColumn(text, index);
  const column = local.line === 1 ? origin.column + local.column - 1 : local.column;
  return notJson(origin.line + local.line - 1, column, text, index);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const OPEN = new Set([0x7b, 0x5b]);
const CLOSE = new Set([0x7d, 0x5d]);
const CLOSE_ARRAY = 0x5d;

/**
 * The items of a JSON array file, each parsed on its own as soon as its closing bracket is read:
 * the file is scanned once for string, nesting and comma boundaries (the scanner keeps one item's
 * text), and `JSON.parse` reads each item. A file that is not one well-formed array is refused
 * with the line and column of the first fault, as for a whole-file parse.
 */
export async function* jsonArrayItems(file: string): AsyncGenerator<unknown> {
  // Before the array's `[`, inside it, after its `]`.
  let phase = "before" as "before" | "items" | "after";
  let item = "";
  let itemOrigin = { line: 1, column: 1 };
  let depth = 0;
  let inString = false;
  let escaped = false;
  let items = 0;
  let line = 1;
  /** Index (in all text read) of the first character of the current line. */
  let lineStart = 0;
  let offset = 0;
  let first = true;
  for await (const raw of createReadStream(file, "utf8")) {
    let chunk = raw as string;
    if (first && chunk.charCodeAt(0) === BOM) chunk = chunk.slice(1);
    first = false;
    let itemFrom = phase === "items" ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (phase === "items") {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) inString = false;
        } else if (c === QUOTE) {
          inString = true;
        } else if (OPEN.has(c)) {
          depth += 1;
        } else if (depth > 0 && CLOSE.has(c)) {
          depth -= 1;
        } else if (depth === 0 && (c === COMMA || c === CLOSE_ARRAY)) {
          item += chunk.slice(itemFrom, i);
          if (item.trim() !== "" || c === COMMA || items > 0) {
            keepHeapInBudget();
            yield parseItem(item, itemOrigin);
          }
          items += 1;
          item = "";
          itemOrigin = { line, column: offset + i - lineStart + 2 };
          itemFrom = i + 1;
          if (c === CLOSE_ARRAY) phase = "after";
        }
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== NEWLINE) {
        if (phase === "after" || c !== 0x5b) throw notJson(line, offset + i - lineStart + 1, chunk, i);
        phase = "items";
        itemFrom = i + 1;
        itemOrigin = { line, column: offset + i - lineStart + 2 };
      }
      if (c === NEWLINE) {
        line += 1;
        lineStart = offset + i + 1;
      }
    }
    if (phase === "items") item += chunk.slice(itemFrom);
    offset += chunk.length;
  }
  if (phase !== "after") throw notJsonInItem(item, item.length, itemOrigin);
}

/** One array item's text parsed, a fault located in the whole file. */
function parseItem(text: string, origin: { line: number; column: number }): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    throw notJsonInItem(text, position ? Number(position[1]) : text.length, origin);
  }
}
