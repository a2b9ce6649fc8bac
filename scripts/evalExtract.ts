import { readFile } from "node:fs/promises";
import { evaluateExtraction, formatEvaluation } from "../src/domain/extraction/evaluateExtraction.js";
import { ClaimSheet } from "../src/domain/sheets/claimSheet.js";

/** `npm run eval:extract [-- SHEET.json]`: scores the extractor against a curated claim sheet (the seed by default). */
const path = process.argv[2] ?? new URL("../seed/infoquest-kim-putin-2023-09-20.json", import.meta.url).pathname;
const gold = ClaimSheet.parse(JSON.parse(await readFile(path, "utf8")));
for (const mode of ["cold", "warm"] as const) {
  process.stdout.write(`${formatEvaluation(evaluateExtraction(gold, mode))}\n\n`);
}
