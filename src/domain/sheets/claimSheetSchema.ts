import { z } from "zod";
import { ClaimSheet } from "./claimSheet.js";

/**
 * The claim sheet's JSON Schema (draft 2020-12), generated from the zod schema as an import
 * reads it: fields with defaults are optional. Served at /api/schemas/claim-sheet.json.
 */
export function claimSheetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ClaimSheet, { io: "input", target: "draft-2020-12" }),
    $id: "https://claimtrail.example/schemas/claim-sheet.json",
    title: "claimtrail claim sheet",
    description:
      "One news article with every claim it attributes: exact quotes at code-point offsets, attribution chains from speaker to publisher, the sources in them, propositions and relations. Import accepts one sheet or an array of sheets.",
  };
}

/** The schema as committed: two-space JSON with a final newline. */
export function claimSheetJsonSchemaText(): string {
  return `${JSON.stringify(claimSheetJsonSchema(), null, 2)}\n`;
}
