import type { Db } from "../../db/client.js";
import { importClaimSheets } from "./importClaimSheet.js";
import { parseJsonLinesText, parseJsonText, stripBom } from "./sheetText.js";
import type { ImportResult } from "./sheetView.js";

/**
 * An import as the API receives it: the request body's text, unparsed, so that parsing a
 * megabytes-long body happens where the import runs (the import thread), not on the server's
 * event loop.
 */
export interface SheetImportJob {
  text: string;
  /** `json`: one claim sheet or an array of them; `jsonl`: one sheet per line. */
  format: "json" | "jsonl";
  update: boolean;
  maxArticleBytes?: number;
}

/** Parses the job's text and imports it; one sheet in, one result out; an array or JSONL, an array. */
export async function runSheetImportJob(db: Db, job: SheetImportJob): Promise<ImportResult | ImportResult[]> {
  const input = job.format === "jsonl" ? parseJsonLinesText(job.text) : parseJsonText(stripBom(job.text), "the body");
  const results = await importClaimSheets(db, input, { update: job.update, maxArticleBytes: job.maxArticleBytes });
  return Array.isArray(input) ? results : results[0]!;
}
