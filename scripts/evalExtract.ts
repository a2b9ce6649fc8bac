import { readFile } from "node:fs/promises";
import { DevSet, devTextSheet } from "../src/domain/extraction/devSet.js";
import { evaluateExtraction, formatEvaluation, sumEvaluations } from "../src/domain/extraction/evaluateExtraction.js";
import { ClaimSheet } from "../src/domain/sheets/claimSheet.js";

/**
 * `npm run eval:extract [-- SHEET.json]`: scores the extractor against a curated claim sheet (the
 * seed by default), then against the development set (eval/dev/*.json), per language, with every
 * miss listed. "cold" knows only the publisher; "warm" knows every curated source as if stored.
 */
const root = new URL("..", import.meta.url);
const path = process.argv[2] ?? new URL("seed/infoquest-kim-putin-2023-09-20.json", root).pathname;
const gold = ClaimSheet.parse(JSON.parse(await readFile(path, "utf8")));
for (const mode of ["cold", "warm"] as const) {
  process.stdout.write(`${formatEvaluation(evaluateExtraction(gold, mode))}\n\n`);
}
if (process.argv[2] === undefined) {
  for (const language of ["en", "th"]) {
    const set = DevSet.parse(JSON.parse(await readFile(new URL(`eval/dev/${language}.json`, root), "utf8")));
    for (const mode of ["cold", "warm"] as const) {
      const parts = set.texts.map((text) => ({
        id: text.id,
        evaluation: evaluateExtraction(devTextSheet(set, text), mode),
      }));
      const summary = sumEvaluations(`dev set ${language}, ${set.texts.length} texts, ${mode}`, parts);
      process.stdout.write(`${formatEvaluation(summary)}\n\n`);
    }
  }
}
