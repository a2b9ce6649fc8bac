import type { Db } from "../../db/client.js";
import { invalidSheet, notFound, type ProblemDetail } from "../../errors.js";
import { checkClaimSheet } from "./checkClaimSheet.js";
import { CLAIM_SHEET_FORMAT, type ClaimSheet, type SheetArticle, type SheetClaim } from "./claimSheet.js";
import {
  findArticleWithClaims,
  findPropositionsByKey,
  findStoredSourceSlugs,
  type StoredClaimSpan,
} from "./sheetRepository.js";
import type { CsvImportResult } from "./sheetView.js";
import { writeArticleClaims } from "./writeSheet.js";

/**
 * Adds new claims (spanned in the body or, for a headline claim, the title) to a stored article,
 * the way the CSV rows are added: every stored claim, relation and review event stays as it is,
 * the sources and propositions the claims name must be stored already, and the contradictions
 * their stances imply are proposed. All or none: every problem is reported at once, located as
 * `claims[N].field`.
 */
export async function addArticleClaims(db: Db, articleSlug: string, claims: SheetClaim[]): Promise<CsvImportResult> {
  const stored = await findArticleWithClaims(db, articleSlug);
  if (!stored) throw notFound("article", articleSlug);

  const problems: ProblemDetail[] = [];
  const storedKeys = new Set(stored.claims.map((c) => c.key));
  const storedSpans = new Set(stored.claims.map((c) => `${c.spanIn}:${c.start}:${c.end}:${chainsKey(c.links)}`));
  claims.forEach((claim, i) => {
    if (storedKeys.has(claim.key)) {
      problems.push({
        path: `claims[${i}].key`,
        code: "claim_exists",
        message: `claim "${claim.key}" is already in the article`,
      });
    }
    const chains = claim.chains.map((chain) => chain.map((l) => `${l.source}:${l.role}`).join(">")).join("|");
    if (storedSpans.has(`${claim.in ?? "body"}:${claim.start}:${claim.end}:${chains}`)) {
      problems.push({
        path: `claims[${i}]`,
        code: "duplicate_claim",
        message: `claim "${claim.key}" repeats a stored claim (same span and chains)`,
      });
    }
  });

  const { sheet, problems: checked } = await sheetOfAddedClaims(db, stored.article, claims);
  problems.push(...checked);
  if (problems.length > 0) throw invalidSheet(problems);

  const derived = await writeArticleClaims(db, stored.id, sheet);
  return { articleSlug, claims: claims.length, derivedContradictions: derived };
}

/**
 * The sheet that adds `claims` to a stored article (no sources of its own, the stored
 * propositions they take stances on), and its problems, its sources checked against the stored ones.
 */
export async function sheetOfAddedClaims(
  db: Db,
  article: SheetArticle,
  claims: SheetClaim[],
): Promise<{ sheet: ClaimSheet; problems: ProblemDetail[] }> {
  const propositionKeys = [...new Set(claims.flatMap((c) => c.stances.map((s) => s.proposition)))];
  const sheet: ClaimSheet = {
    format: CLAIM_SHEET_FORMAT,
    article,
    sources: [],
    propositions: await findPropositionsByKey(db, propositionKeys),
    claims,
    relations: [],
  };
  const sourceSlugs = [...new Set([article.publisher, ...claims.flatMap((c) => c.chains.flat().map((l) => l.source))])];
  return { sheet, problems: checkClaimSheet(sheet, await findStoredSourceSlugs(db, sourceSlugs)) };
}

/** A stored claim's chains as "slug:role>slug:role|..." to compare with a new claim's. */
function chainsKey(links: StoredClaimSpan["links"]): string {
  const chains: string[][] = [];
  for (const link of [...links].sort((a, b) => a.chain - b.chain || a.position - b.position)) {
    chains[link.chain] ??= [];
    chains[link.chain]!.push(`${link.source}:${link.role}`);
  }
  return chains.map((chain) => chain.join(">")).join("|");
}
