import { readFile, writeFile } from "node:fs/promises";
import { z } from "zod";
import { proposeClaimSheet } from "../domain/extraction/extractionService.js";
import { truncateGraphemes } from "../domain/text/graphemes.js";
import { type Command, readableFile, type WithDb } from "./command.js";

const ExtractArgs = z.object({
  positionals: z.tuple([z.string().min(1, "names the text file")], { error: "takes exactly one FILE.txt" }),
  lang: z.enum(["th", "en"]).optional(),
  out: z.string().min(1).optional(),
  publisher: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "--publisher must be a slug")
    .optional(),
  title: z.string().trim().min(1, "--title must not be blank").optional(),
  "published-at": z.iso.datetime({ offset: true, local: false }).optional(),
});

/** `claimtrail extract FILE.txt`: proposes a claim sheet for a raw article text. */
export function extractCommand(withDb: WithDb): Command {
  return {
    summary: "propose a claim sheet (claims, sources, chains) from a raw Thai or English text",
    help: `claimtrail extract FILE.txt [--lang th|en] [--out SHEET.json] [--publisher SLUG] [--title TITLE] [--published-at ISO]

Reads the text exactly as it is (UTF-8) and proposes its claim sheet: every attributed claim
with its span (code-point offsets), cue, speaker and chain out to the publisher, new sources
with a kind guessed from their titles, and contradiction candidates. Stored sources and claims
of the configured database are recognised and compared.

Without --out, prints {"sheet", "proposals", "storedContradictions"} as JSON. With --out, writes
the claim sheet (import format) to SHEET.json and prints one line per proposed claim.
`,
    options: {
      lang: { type: "string" },
      out: { type: "string" },
      publisher: { type: "string" },
      title: { type: "string" },
      "published-at": { type: "string" },
    },
    async run(values, positionals) {
      const args = ExtractArgs.parse({ ...values, positionals });
      await readableFile(args.positionals[0]);
      const text = await readFile(args.positionals[0], "utf8");
      const result = await withDb((db) =>
        proposeClaimSheet(db, text, {
          language: args.lang,
          publisher: args.publisher,
          title: args.title,
          publishedAt: args["published-at"],
        }),
      );
      if (!args.out) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return 0;
      }
      await writeFile(args.out, `${JSON.stringify(result.sheet, null, 2)}\n`);
      for (const p of result.proposals.claims) {
        const claim = result.sheet.claims.find((c) => c.key === p.key)!;
        const chain = claim.chains[0]!.map((l) => l.source).join(" -> ");
        process.stdout.write(
          `${p.key.padEnd(4)} ${p.stance.padEnd(7)} ${p.confidence.toFixed(2)} ${chain}  "${truncateGraphemes(claim.quote, 50)}"\n`,
        );
      }
      for (const r of result.proposals.relations) process.stdout.write(`contradicts ${r.from} ${r.to}: ${r.reason}\n`);
      for (const w of result.proposals.warnings) process.stderr.write(`warning: ${w}\n`);
      process.stdout.write(
        `wrote ${args.out}: ${result.sheet.claims.length} claims, ${result.sheet.sources.length} new sources\n`,
      );
      return 0;
    },
  };
}
