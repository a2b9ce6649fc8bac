import type { Db } from "../../db/client.js";
import { invalidSheet, notFound, type ProblemDetail, validationError } from "../../errors.js";
import { splitChainSlugs } from "../attribution/chainText.js";
import { sheetOfAddedClaims } from "../sheets/addArticleClaims.js";
import { SheetClaim } from "../sheets/claimSheet.js";
import type { CsvImportResult } from "../sheets/sheetView.js";
import { writeArticleClaims } from "../sheets/writeSheet.js";
import { CHAIN_SEPARATOR } from "./claimRows.js";
import { type CsvRecord, CsvSyntaxError, parseCsvRecords, restoreFormula } from "./csv.js";
import { findSheetArticleWithKeys } from "./exportRepository.js";

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
  let records: CsvRecord[];
  try {
    records = parseCsvRecords(csv);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw validationError([{ path: "csv", code: "csv_syntax", message: error.message }], "the CSV is not valid");
  }
  const [first, ...rows] = records;
  const header: string[] = first?.cells ?? [];
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
  const article = await findSheetArticleWithKeys(db, articleSlug);
  if (!article) throw notFound("article", articleSlug);

  const problems: ProblemDetail[] = [];
  const claims: SheetClaim[] = [];
  /** The spreadsheet row each claim came from, by claim index. */
  const rowOfClaim: number[] = [];
  const storedKeys = new Set(article.claimKeys);
  for (const { row, cells } of rows) {
    if (cells.length === 1 && cells[0] === "") continue;
    const cell = (column: string) => restoreFormula(cells[header.indexOf(column)] ?? "");
    if (cells.length !== header.length) {
      problems.push({
        path: rowPath(row),
        code: "column_count",
        message: `has ${cells.length} cells, the header ${header.length}`,
      });
      continue;
    }
    if (header.includes("article") && cell("article") !== "" && cell("article") !== articleSlug) {
      problems.push({
        path: rowPath(row, "article"),
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
        path: rowPath(row, "chain_roles"),
        code: "chain_roles_mismatch",
        message: "must give one role for each slug in chain_slugs",
      });
      continue;
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
      for (const issue of parsed.error.issues) {
        problems.push({
          path: rowPath(row, columnOf(String(issue.path[0] ?? ""))),
          code: issue.code,
          message: `claim "${input.key}": ${issue.message}`,
        });
      }
      continue;
    }
    if (storedKeys.has(parsed.data.key)) {
      problems.push({
        path: rowPath(row, "key"),
        code: "claim_exists",
        message: `claim "${parsed.data.key}" is already in the article`,
      });
    }
    claims.push(parsed.data);
    rowOfClaim.push(row);
  }

  const { sheet, problems: checked } = await sheetOfAddedClaims(db, article.sheet, claims);
  for (const problem of checked) {
    const at = claimOfPath(problem.path);
    if (at === undefined) {
      problems.push(problem);
      continue;
    }
    const field = fieldName(at.rest);
    problems.push({
      ...problem,
      path: rowPath(rowOfClaim[at.index]!, field === undefined ? undefined : columnOf(field)),
      message: `claim "${claims[at.index]!.key}": ${problem.message}`,
    });
  }
  if (problems.length > 0) throw invalidSheet(problems);

  const derived = await writeArticleClaims(db, article.id, sheet);
  return { articleSlug, claims: claims.length, derivedContradictions: derived };
}

const CLAIMS = "claims[";

/** `{ index: 3, rest: ".chains[0][1].source" }` of `claims[3].chains[0][1].source`; undefined outside the claims. */
function claimOfPath(path: string): { index: number; rest: string } | undefined {
  if (!path.startsWith(CLAIMS)) return undefined;
  const close = path.indexOf("]");
  return { index: Number(path.slice(CLAIMS.length, close)), rest: path.slice(close + 1) };
}

/** `rows[5].start`: spreadsheet row 5 (the header is row 1), column start. */
function rowPath(row: number, column?: string): string {
  return column === undefined ? `rows[${row}]` : `rows[${row}].${column}`;
}

/** The CSV column a claim-sheet field is read from. */
function columnOf(field: string): string {
  return COLUMN_OF[field] ?? field;
}

/** `chains` of `.chains[0][1].source`: the claim field a path under a claim starts with (none for the claim itself). */
function fieldName(pathUnderClaim: string): string | undefined {
  if (pathUnderClaim === "") return undefined;
  const rest = pathUnderClaim.slice(1);
  const ends = [rest.indexOf("."), rest.indexOf("[")].filter((i) => i !== -1);
  return ends.length === 0 ? rest : rest.slice(0, Math.min(...ends));
}
