import type { Db } from "../../db/client.js";
import { inChunks } from "../../db/inChunks.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { formatWithOffset } from "../articles/publishedAt.js";
import type { SheetArticle, SheetProposition } from "../sheets/claimSheet.js";

// The queries of the exports and of the claim-row import that are not claim, source or relation lookups.

/** An article as a claim sheet carries it, with the ids the export and the import need. */
const sheetArticleSelect = {
  id: true,
  slug: true,
  title: true,
  section: true,
  language: true,
  url: true,
  publishedAt: true,
  publishedUtcOffset: true,
  body: true,
  bodySha256: true,
  publisher: { select: { id: true, slug: true } },
} as const satisfies Prisma.ArticleSelect;

/** A stored article: its id and publisher id, and its fields as a claim sheet writes them. */
export interface SheetArticleRecord {
  id: number;
  publisherId: number;
  bodySha256: string;
  sheet: SheetArticle;
}

function toSheetArticle(row: Prisma.ArticleGetPayload<{ select: typeof sheetArticleSelect }>): SheetArticleRecord {
  return {
    id: row.id,
    publisherId: row.publisher.id,
    bodySha256: row.bodySha256,
    sheet: {
      slug: row.slug,
      title: row.title,
      publisher: row.publisher.slug,
      section: row.section,
      language: row.language,
      url: row.url,
      publishedAt: formatWithOffset(row.publishedAt, row.publishedUtcOffset),
      body: row.body,
    },
  };
}

/** One article by slug, with the keys of the claims it holds, or undefined. */
export async function findSheetArticleWithKeys(
  db: Db,
  slug: string,
): Promise<(SheetArticleRecord & { claimKeys: string[] }) | undefined> {
  const row = await db.article.findUnique({
    where: { slug },
    select: { ...sheetArticleSelect, claims: { select: { key: true } } },
  });
  return row ? { ...toSheetArticle(row), claimKeys: row.claims.map((c) => c.key) } : undefined;
}

/** The stored propositions with these keys (keys not stored are left out). */
export async function findPropositionsByKey(db: Db, keys: readonly string[]): Promise<SheetProposition[]> {
  return inChunks([...keys], (chunk) =>
    db.proposition.findMany({ where: { key: { in: chunk } }, select: { key: true, text: true } }),
  );
}

/** Which of these source slugs are stored. */
export async function findStoredSourceSlugs(db: Db, slugs: readonly string[]): Promise<Set<string>> {
  const rows = await inChunks([...slugs], (chunk) =>
    db.source.findMany({ where: { slug: { in: chunk } }, select: { slug: true } }),
  );
  return new Set(rows.map((s) => s.slug));
}
