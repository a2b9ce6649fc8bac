import { createWriteStream } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { PassThrough, type Writable } from "node:stream";
import { z } from "zod";
import { loadConfig } from "../config.js";
import type { Db } from "../db/client.js";
import { importClaimCsv } from "../domain/exports/importClaimCsv.js";
import { EXPORT_FORMATS, type ExportTable, isExportFormat, writeExport } from "../domain/exports/writeExport.js";
import { claimSheetJsonSchemaText } from "../domain/sheets/claimSheetSchema.js";
import { importClaimSheetStream, importClaimSheets } from "../domain/sheets/importClaimSheet.js";
import { parseJsonText, stripBom } from "../domain/sheets/sheetText.js";
import type { ImportResult } from "../domain/sheets/sheetView.js";
import { ReviewStatus } from "../domain/vocabulary.js";
import { AppError } from "../errors.js";
import { ClaimFilterQuery } from "../http/schemas/common.js";
import { readableFile, UsageError } from "./command.js";
import { holdsJsonArray, jsonArrayItems, jsonLines } from "./sheetFiles.js";

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/**
 * `--kind rumour` -> "invalid --kind: ...": one line naming the option, or the positional's
 * placeholder (FILE, TABLE) for a field `positionals` names.
 */
function parseOptions<T extends z.ZodType>(
  schema: T,
  values: unknown,
  positionals: Record<string, string> = {},
): z.infer<T> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  if (field === undefined) throw new UsageError(issue.message);
  const placeholder = positionals[field];
  throw new UsageError(
    placeholder === undefined ? `invalid --${field}: ${issue.message}` : `${placeholder}: ${issue.message}`,
  );
}

const FILTER_HELP = `Filters (as GET /api/claims): --source SLUG [--role speaker|reporter|relay|publisher|any]
  --kind KIND --topic SLUG --article SLUG --q TEXT; contradictions also --status STATUS.`;

export const FILTER_OPTIONS = {
  source: { type: "string" },
  role: { type: "string" },
  kind: { type: "string" },
  topic: { type: "string" },
  article: { type: "string" },
  q: { type: "string" },
  status: { type: "string" },
} as const;

const ImportArgs = z.object({
  file: z.string({ error: "name the file to import" }).min(1, "name the file to import"),
  update: z.boolean().default(false),
  article: z.string().min(1).optional(),
});

export const IMPORT_HELP = `claimtrail import FILE [--update] [--article SLUG]

Imports claim sheets into the configured database, all or nothing, in one transaction.
  FILE.json   one claim sheet, or an array of them (what \`export --format json\` writes)
  FILE.jsonl  one claim sheet per line (what \`export --format jsonl\` writes)
  FILE.csv    claim rows for a stored article (--article SLUG), in the columns
              \`export --format csv\` writes; cells it prefixed with ' are read back without it
An article already stored (same body SHA-256) is reported as already present. With --update a
sheet for a stored article (same slug) is its new version: nothing is deleted, claims keep their
ids, relations and review history; a new body keeps the old one as a revision and re-anchors the
claims the sheet leaves out (or marks them orphaned). A sheet that says what is stored: unchanged.
Every problem is listed, with where it is (claims[3].quote, rows[5].start), and nothing is written.
The claim-sheet format: docs/claim-sheet.schema.json (\`claimtrail schema\`).
`;

async function readText(file: string): Promise<string> {
  return readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new AppError(404, "not_found", `cannot read ${file}: ${error.code ?? error.message}`);
  });
}

/** `claimtrail import`: prints one line per article. */
export async function runImport(db: Db, values: Values, positionals: string[]): Promise<number> {
  if (positionals.length > 1) throw new UsageError("import takes one FILE");
  const args = parseOptions(ImportArgs, { ...values, file: positionals[0] }, { file: "FILE" });
  await readableFile(args.file);
  const kind = extname(args.file).toLowerCase();
  if (kind === ".csv") {
    if (args.article === undefined) throw new UsageError("a CSV import needs --article SLUG");
    const result = await importClaimCsv(db, args.article, stripBom(await readText(args.file)));
    process.stdout.write(
      `added ${result.claims} claims to ${result.articleSlug} (+${result.derivedContradictions} derived contradictions)\n`,
    );
    return 0;
  }
  const onProgress = process.stderr.isTTY
    ? (done: number, total: number) =>
        process.stderr.write(`\rimported ${done}/${total} articles${done === total ? "\n" : ""}`)
    : undefined;
  const options = { update: args.update, onProgress, maxArticleBytes: loadConfig().maxArticleBytes };
  // JSONL and JSON arrays are read a sheet at a time (twice: to check, then to write), so memory
  // stays flat whatever the file's size; a file of one sheet is read whole.
  const results =
    kind === ".jsonl" || kind === ".ndjson"
      ? await importClaimSheetStream(db, () => jsonLines(args.file), options)
      : (await holdsJsonArray(args.file))
        ? await importClaimSheetStream(db, () => jsonArrayItems(args.file), options)
        : await importClaimSheets(db, parseJsonText(stripBom(await readText(args.file))), options);
  for (const result of results) process.stdout.write(`${describeImport(result)}\n`);
  return 0;
}

function describeImport(r: ImportResult): string {
  if (r.status === "already_present")
    return `already present: ${r.articleSlug} (${r.claims} claims; --update to write a new version)`;
  if (r.status === "unchanged") return `unchanged: ${r.articleSlug} (${r.claims} claims; nothing written)`;
  const orphaned = r.orphanedClaims ? `, ${r.orphanedClaims} orphaned` : "";
  return `${r.status}: ${r.articleSlug} (${r.claims} claims, ${r.relations} relations, +${r.derivedContradictions} derived${orphaned})`;
}

const ExportArgs = z
  .strictObject({
    table: z
      .enum(Object.keys(EXPORT_FORMATS) as [ExportTable, ...ExportTable[]], {
        error: (issue) =>
          `"${String(issue.input)}" is not a table: ${Object.keys(EXPORT_FORMATS).join(", ")} ` +
          "(the format is --format or --out's extension)",
      })
      .default("claims"),
    format: z.enum(["csv", "xlsx", "json", "jsonl", "jsonld"]).optional(),
    out: z.string().min(1).optional(),
    "base-url": z.url().optional(),
    ...ClaimFilterQuery,
    status: ReviewStatus.optional(),
  })
  .transform((args, ctx) => {
    const fromOut = args.out === undefined ? undefined : extname(args.out).slice(1).toLowerCase();
    const format =
      args.format ??
      (fromOut && isExportFormat(args.table, fromOut) ? fromOut : args.table === "annotations" ? "jsonld" : "json");
    if (!isExportFormat(args.table, format)) {
      ctx.addIssue({
        code: "custom",
        path: ["format"],
        message: `${args.table} export as ${EXPORT_FORMATS[args.table].join(", ")}`,
      });
      return z.NEVER;
    }
    return { ...args, format };
  });

export const EXPORT_HELP = `claimtrail export [TABLE] [--format FORMAT] [--out FILE] [filters] [--base-url URL]

Exports, as GET /api/export/TABLE.FORMAT does, reading rows page by page (any size):
  claims          csv, xlsx (sheets Claims, Sources, Contradictions), json, jsonl (claim
                  sheets, which \`claimtrail import\` reads back), jsonld (schema.org)
  sources         csv, xlsx, json, jsonl
  contradictions  csv, xlsx, json, jsonl
  annotations     jsonld (W3C Web Annotation)
TABLE defaults to claims; FORMAT to --out's extension, else json. Without --out it writes to
stdout; with --out the file appears only once complete. --base-url (default http://HOST:PORT)
is what linked-data exports name claims by. Progress goes to stderr when it is a terminal.
${FILTER_HELP}
CSV cells starting with = + - @ (after spaces), a tab, CR or LF get a ' in front (see README).
`;

/** Where an export writes without --out; a terminal gets no binary format. */
export interface ExportIo {
  stdout: Writable & { isTTY?: boolean };
}

/** The formats that are not text. */
const BINARY_FORMATS = new Set(["xlsx"]);

/** `claimtrail export`. */
export async function runExport(
  db: Db,
  values: Values,
  positionals: string[],
  io: ExportIo = { stdout: process.stdout },
): Promise<number> {
  if (positionals.length > 1) throw new UsageError("export takes at most one TABLE");
  const args = parseOptions(
    ExportArgs,
    { ...values, ...(positionals[0] === undefined ? {} : { table: positionals[0] }) },
    { table: "TABLE" },
  );
  const config = loadConfig();
  const { table, format, out, "base-url": baseUrl, ...filters } = args;
  if (out === undefined && io.stdout.isTTY && BINARY_FORMATS.has(format)) {
    throw new UsageError(`${format} is binary and stdout is a terminal: write it with --out FILE.${format}`);
  }
  const progress = process.stderr.isTTY ? (rows: number) => process.stderr.write(`\rexported ${rows} rows`) : undefined;
  const request = {
    table,
    format,
    filters,
    baseUrl: baseUrl ?? config.publicUrl,
    onProgress: progress,
  };
  if (out === undefined) {
    const stream = new PassThrough();
    stream.pipe(io.stdout, { end: false });
    await writeExport(db, request, stream);
  } else {
    // Written aside and renamed, so a failed export never leaves a truncated file under the name asked for.
    const partial = `${out}.partial`;
    try {
      await writeExport(db, request, createWriteStream(partial) as Writable);
      await rename(partial, out);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }
  if (progress) process.stderr.write("\n");
  return 0;
}

export const SCHEMA_HELP = `claimtrail schema [--out FILE]

Prints the claim sheet's JSON Schema, generated from the zod schema (the same document as
GET /api/schemas/claim-sheet.json); \`--out docs/claim-sheet.schema.json\` refreshes the committed copy.
`;

/** `claimtrail schema`. */
export async function runSchema(values: Values): Promise<number> {
  const { out } = parseOptions(z.object({ out: z.string().min(1).optional() }), values);
  if (out === undefined) process.stdout.write(claimSheetJsonSchemaText());
  else await writeFile(out, claimSheetJsonSchemaText());
  return 0;
}
