import { readFile } from "node:fs/promises";
import { DevSet, devTextSheet } from "../src/domain/extraction/devSet.js";
import { evaluateExtraction, formatEvaluation, sumEvaluations } from "../src/domain/extraction/evaluateExtraction.js";
import { extractClaimSheet } from "../src/domain/extraction/extractClaimSheet.js";
import { ClaimSheet } from "../src/domain/sheets/claimSheet.js";

/**
 * `npm run eval:extract [-- SHEET.json]`: scores the extractor against a curated claim sheet (the
 * seed by default), then against the development set (eval/dev/*.json) and the held-out sets
 * (eval/holdout/, eval/holdout3/, eval/holdout4/), per language, with every miss listed. "cold"
 * knows only the publisher; "warm" knows every curated source as if stored.
 */
const root = new URL("..", import.meta.url);
const SET_NAMES = {
  dev: "dev set",
  holdout: "held-out set",
  holdout3: "third held-out set (tuned on since its first score)",
  holdout4: "fourth held-out set (written blind)",
} as const;
const path = process.argv[2] ?? new URL("seed/infoquest-kim-putin-2023-09-20.json", root).pathname;
const gold = ClaimSheet.parse(JSON.parse(await readFile(path, "utf8")));
for (const mode of ["cold", "warm"] as const) {
  process.stdout.write(`${formatEvaluation(evaluateExtraction(gold, mode))}\n\n`);
}
if (process.argv[2] === undefined) {
  for (const [folder, language] of [
    ["dev", "en"],
    ["dev", "th"],
    ["holdout", "en"],
    ["holdout", "th"],
    ["holdout3", "en"],
    ["holdout3", "th"],
    ["holdout4", "en"],
    ["holdout4", "th"],
  ] as const) {
    const set = DevSet.parse(JSON.parse(await readFile(new URL(`eval/${folder}/${language}.json`, root), "utf8")));
    for (const mode of folder === "dev" ? (["cold", "warm"] as const) : (["cold"] as const)) {
      const parts = set.texts.map((text) => ({
        id: text.id,
        evaluation: evaluateExtraction(devTextSheet(set, text), mode),
      }));
      const name = SET_NAMES[folder];
      const summary = sumEvaluations(`${name} ${language}, ${set.texts.length} texts, ${mode}`, parts);
      process.stdout.write(`${formatEvaluation(summary)}\n\n`);
    }
  }
}

/** Median in-process time to extract one 2,000-character article (the issue's budget is 50 ms). */
function timeExtraction(label: string, text: string, language: "th" | "en"): string {
  const body = text.slice(0, 2000);
  for (let i = 0; i < 5; i++) extractClaimSheet(body, { language, publisher: "timing" });
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    extractClaimSheet(body, { language, publisher: "timing" });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return `${label}: ${body.length} characters, median ${times[15]!.toFixed(1)} ms, slowest ${times[29]!.toFixed(1)} ms (30 runs)`;
}

if (process.argv[2] === undefined) {
  const sets = await Promise.all(
    ["en", "th"].map(async (l) =>
      DevSet.parse(JSON.parse(await readFile(new URL(`eval/dev/${l}.json`, root), "utf8"))),
    ),
  );
  process.stdout.write("extraction time, in process:\n");
  process.stdout.write(`  ${timeExtraction("seed article (th)", gold.article.body, "th")}\n`);
  for (const set of sets)
    process.stdout.write(
      `  ${timeExtraction(
        `dev set texts joined (${set.language})`,
        set.texts
          .map((t) => t.body)
          .join("\n\n")
          .repeat(3),
        set.language,
      )}\n`,
    );
}
