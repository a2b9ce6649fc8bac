import type { Db } from "../../db/client.js";
import { inChunks } from "../../db/inChunks.js";
import { writeTransaction } from "../../db/sql.js";
import { invalidSheet, notFound, type ProblemDetail, validationError } from "../../errors.js";
import { toProblemDetails } from "../../validation.js";
import { formatWithOffset } from "../articles/publishedAt.js";
import { splitChainSlugs } from "../attribution/chainText.js";
import { checkClaimSheet } from "../sheets/checkClaimSheet.js";
import { CLAIM_SHEET_FORMAT, type ClaimSheet, SheetClaim } from "../sheets/claimSheet.js";
import type { CsvImportResult } from "../sheets/sheetView.js";
import { addClaims, sheetWriterOn, upsertSources } from "../sheets/writeSheet.js";
import { CHAIN_SEPARATOR } from "./claimRows.js";
import { parseCsv, restoreFormula } from "./csv.js";

/** Columns a claim row must have; the others the CSV export writes are optional or ignored. */
export const REQUIRED_CSV_COLUMNS = [
  "key",
  "quote",
  "start",
  "end",
  "gloss",
  "kind",
  "chain_slugs",
  "chain_roles",
] as const;

/** Where each claim-sheet field comes from in a CSV row. */
const COLUMN_OF: Record<string, string> = {
  key: "key",
  quote: "quote",
  start: "start",
  end: "end",
  in: "span_in",
  gloss: "gloss",
  kind: "kind",
  hedged: "hedged",
  cue: "cue",
  statedOn: "stated_on",
  topics: "topics",
  chains: "chain_slugs",
  stances: "stances",
};

/**
 * Adds claims to a stored article from CSV rows in the columns `GET /api/export/claims.csv`
 * writes (id, speaker, chain text, hop distance, dates and contradicting ids are derived and
 * ignored). Cells the export prefixed with `'` are read back without it. Sources and
 * propositions must be stored already. All rows or none: every problem is reported at once,
 * located as `rows[N].column` with N the spreadsheet row (the header is row 1).
 */
export async function importClaimCsv(db: Db, articleSlug: string, csv: string): Promise<CsvImportResult> {
  let records: string[][];
  try {
    records = parseCsv(csv);
  } catch (error) {
    throw validationError(
      [{ path: "csv", code: "csv_syntax", message: (error as Error).message }],
      "the CSV is not valid",
    );
  }
  const [header = [], ...rows] = records;
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw invalidSheet(
      missing.map((column) => ({
        path: "header",
        code: "missing_column",
        message: `the "${column}" column is missing`,
      })),
    );
  }
  const article = await db.article.findUnique({
    where: { slug: articleSlug },
    select: {
      id: true,
      slug: true,
      title: true,
      section: true,
      language: true,
      url: true,
      publishedAt: true,
      publishedUtcOffset: true,
      body: true,
      publisher: { select: { slug: true } },
      claims: { select: { key: true } },
    },
  });
  if (!article) throw notFound("article", articleSlug);

  const problems: ProblemDetail[] = [];
  const claims: SheetClaim[] = [];
  const rowOfClaim: number[] = [];
  const storedKeys = new Set(article.claims.map((c) => c.key));
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.length === 1 && cells[0] === "") return;
    const cell = (column: string) => restoreFormula(cells[header.indexOf(column)] ?? "");
    const at = (column: string) => `rows[${row}].${column}`;
    if (cells.length !== header.length) {
      problems.push({
        path: `rows[${row}]`,
        code: "column_count",
        message: `has ${cells.length} cells, the header ${header.length}`,
      });
      return;
    }
    if (header.includes("article") && cell("article") !== "" && cell("article") !== articleSlug) {
      problems.push({
        path: at("article"),
        code: "other_article",
        message: `is "${cell("article")}", not "${articleSlug}"`,
      });
    }
    const chainSlugs = cell("chain_slugs").split(CHAIN_SEPARATOR.trim()).map(splitChainSlugs);
    const chainRoles = cell("chain_roles").split(CHAIN_SEPARATOR.trim()).map(splitChainSlugs);
    if (
      chainSlugs.length !== chainRoles.length ||
      chainSlugs.some((chain, c) => chain.length !== chainRoles[c]!.length)
    ) {
      problems.push({
        path: at("chain_roles"),
        code: "chain_roles_mismatch",
        message: "must give one role for each slug in chain_slugs",
      });
      return;
    }
    const words = (text: string) => text.split(/\s+/).filter((word) => word !== "");
    const input = {
      key: cell("key"),
      quote: cell("quote"),
      start: /^\d+$/.test(cell("start")) ? Number(cell("start")) : cell("start"),
      end: /^\d+$/.test(cell("end")) ? Number(cell("end")) : cell("end"),
      ...(cell("span_in") === "" ? {} : { in: cell("span_in") }),
      gloss: cell("gloss"),
      kind: cell("kind"),
      hedged: { "": false, true: true, false: false }[cell("hedged")] ?? cell("hedged"),
      cue: cell("cue") === "" ? null : cell("cue"),
      statedOn: cell("stated_on") === "" ? null : cell("stated_on"),
      topics: words(cell("topics")),
      chains: chainSlugs.map((chain, c) => chain.map((source, l) => ({ source, role: chainRoles[c]![l] }))),
      stances: words(cell("stances")).map((pair) => {
        const [stance, proposition] = pair.split(":");
        return { stance, proposition };
      }),
    };
    const parsed = SheetClaim.safeParse(input);
    if (!parsed.success) {
      for (const issue of toProblemDetails(parsed.error)) {
        const [field = ""] = issue.path.split(/[.[]/);
        problems.push({
          path: at(COLUMN_OF[field] ?? field),
          code: issue.code,
          message: `claim "${input.key}": ${issue.message}`,
        });
      }
      return;
    }
    if (storedKeys.has(parsed.data.key)) {
      problems.push({
        path: at("key"),
        code: "claim_exists",
        message: `claim "${parsed.data.key}" is already in the article`,
      });
    }
    claims.push(parsed.data);
    rowOfClaim.push(row);
  });

  const propositionKeys = [...new Set(claims.flatMap((c) => c.stances.map((s) => s.proposition)))];
  const propositions = await inChunks(propositionKeys, (chunk) =>
    db.proposition.findMany({ where: { key: { in: chunk } }, select: { key: true, text: true } }),
  );
  const sheet: ClaimSheet = {
    format: CLAIM_SHEET_FORMAT,
    article: {
      slug: article.slug,
      title: article.title,
      publisher: article.publisher.slug,
      section: article.section,
      language: article.language,
      url: article.url,
      publishedAt: formatWithOffset(article.publishedAt, article.publishedUtcOffset),
      body: article.body,
    },
    sources: [],
    propositions,
    claims,
    relations: [],
  };
  const sourceSlugs = [
    ...new Set([article.publisher.slug, ...claims.flatMap((c) => c.chains.flat().map((l) => l.source))]),
  ];
  const stored = new Set(
    (
      await inChunks(sourceSlugs, (chunk) =>
        db.source.findMany({ where: { slug: { in: chunk } }, select: { slug: true } }),
      )
    ).map((s) => s.slug),
  );
  for (const problem of checkClaimSheet(sheet, stored)) {
    const match = /^claims\[(\d+)\](?:\.(\w+))?/.exec(problem.path);
    if (!match) {
      problems.push(problem);
      continue;
    }
    const claim = claims[Number(match[1])]!;
    const column = match[2] === undefined ? "" : `.${COLUMN_OF[match[2]] ?? match[2]}`;
    problems.push({
      ...problem,
      path: `rows[${rowOfClaim[Number(match[1])]}]${column}`,
      message: `claim "${claim.key}": ${problem.message}`,
    });
  }
  if (problems.length > 0) throw invalidSheet(problems);

  const derived = await writeTransaction(db, async (sql) => {
    const writer = sheetWriterOn(sql);
    const sourceIds = await upsertSources(writer, sheet, false);
    return addClaims(writer, article.id, sheet, sourceIds, false);
  });
  return { articleSlug, claims: claims.length, derivedContradictions: derived };
}
