import type { Db } from "../../db/client.js";
import { inChunks } from "../../db/inChunks.js";
import { writeTransaction } from "../../db/sql.js";
import { invalidSheet, notFound, type ProblemDetail } from "../../errors.js";
import { formatWithOffset } from "../articles/publishedAt.js";
import { checkClaimSheet } from "./checkClaimSheet.js";
import { CLAIM_SHEET_FORMAT, type ClaimSheet, type SheetClaim } from "./claimSheet.js";
import type { CsvImportResult } from "./sheetView.js";
import { addClaims, sheetWriterOn, upsertSources } from "./writeSheet.js";

/**
 * Adds new claims (spanned in the body or, for a headline claim, the title) to a stored article,
 * the way the CSV rows are added: every stored claim, relation and review event stays as it is,
 * the sources and propositions the claims name must be stored already, and the contradictions
 * their stances imply are proposed. All or none: every problem is reported at once, located as
 * `claims[N].field`.
 */
export async function addArticleClaims(db: Db, articleSlug: string, claims: SheetClaim[]): Promise<CsvImportResult> {
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
      claims: {
        select: {
          key: true,
          spanIn: true,
          start: true,
          end: true,
          links: { select: { chain: true, position: true, role: true, source: { select: { slug: true } } } },
        },
      },
    },
  });
  if (!article) throw notFound("article", articleSlug);

  const problems: ProblemDetail[] = [];
  const stored = new Map(article.claims.map((c) => [c.key, c]));
  const storedSpans = new Set(article.claims.map((c) => `${c.spanIn}:${c.start}:${c.end}:${chainsKey(c.links)}`));
  claims.forEach((claim, i) => {
    if (stored.has(claim.key)) {
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
  const storedSources = new Set(
    (
      await inChunks(sourceSlugs, (chunk) =>
        db.source.findMany({ where: { slug: { in: chunk } }, select: { slug: true } }),
      )
    ).map((s) => s.slug),
  );
  problems.push(...checkClaimSheet(sheet, storedSources));
  if (problems.length > 0) throw invalidSheet(problems);

  const derived = await writeTransaction(db, async (sql) => {
    const writer = sheetWriterOn(sql);
    const sourceIds = await upsertSources(writer, sheet, false);
    return addClaims(writer, article.id, sheet, sourceIds, false);
  });
  return { articleSlug, claims: claims.length, derivedContradictions: derived };
}

/** A stored claim's chains as "slug:role>slug:role|..." to compare with a new claim's. */
function chainsKey(links: { chain: number; position: number; role: string; source: { slug: string } }[]): string {
  const chains: string[][] = [];
  for (const link of [...links].sort((a, b) => a.chain - b.chain || a.position - b.position)) {
    chains[link.chain] ??= [];
    chains[link.chain]!.push(`${link.source.slug}:${link.role}`);
  }
  return chains.map((chain) => chain.join(">")).join("|");
}
