import type { Db } from "../../db/client.js";
import { inChunks } from "../../db/inChunks.js";
import { queryRows } from "../../db/sql.js";
import { Prisma } from "../../generated/prisma/client.js";
import { formatWithOffset } from "../articles/publishedAt.js";
import type { SheetArticle, SheetProposition } from "./claimSheet.js";

// The reads of the sheet imports and checks, outside their write transactions (those read
// through the writer, sheetWriteRepository.ts).

/** A stored article as the import's checks compare a sheet with it. */
export interface StoredArticle {
  id: number;
  slug: string;
  bodySha256: string;
  /** How many claims it holds. */
  claims: number;
}

// The import's checks look rows up one value at a time (the lookUp* functions): each is one
// prepared statement on an index, cheaper than an ORM query with an IN list of a batch's
// hundreds of slugs.
const articleColumns = Prisma.sql`"id", "slug", "bodySha256", (SELECT COUNT(*) FROM "Claim" WHERE "Claim"."articleId" = "Article"."id") AS "claims"`;

/** The stored articles with one of these bodies (by SHA-256), then those with one of these slugs. */
export async function lookUpArticles(
  db: Db,
  hashes: Iterable<string>,
  slugs: Iterable<string>,
): Promise<StoredArticle[]> {
  const articles: StoredArticle[] = [];
  for (const hash of hashes) {
    articles.push(
      ...(await queryRows<StoredArticle>(
        db,
        Prisma.sql`SELECT ${articleColumns} FROM "Article" WHERE "bodySha256" = ${hash}`,
      )),
    );
  }
  for (const slug of slugs) {
    articles.push(
      ...(await queryRows<StoredArticle>(
        db,
        Prisma.sql`SELECT ${articleColumns} FROM "Article" WHERE "slug" = ${slug}`,
      )),
    );
  }
  // COUNT(*) comes back from PostgreSQL as int8 text.
  return articles.map((a) => ({ ...a, claims: Number(a.claims) }));
}

/** Which of these source slugs are stored. */
export async function lookUpSources(db: Db, slugs: Iterable<string>): Promise<Set<string>> {
  const stored = new Set<string>();
  for (const slug of slugs) {
    const rows = await queryRows(db, Prisma.sql`SELECT "id" FROM "Source" WHERE "slug" = ${slug}`);
    if (rows.length > 0) stored.add(slug);
  }
  return stored;
}

/** Which of these claims (keys by article slug) are stored, as `article/key`. */
export async function lookUpClaims(
  db: Db,
  keysByArticle: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const [article, keys] of keysByArticle) {
    for (const key of keys) {
      const rows = await queryRows(
        db,
        Prisma.sql`SELECT "Claim"."id" FROM "Claim" JOIN "Article" ON "Article"."id" = "Claim"."articleId"
        WHERE "Article"."slug" = ${article} AND "Claim"."key" = ${key}`,
      );
      if (rows.length > 0) found.add(`${article}/${key}`);
    }
  }
  return found;
}

/** A stored claim's span and chains, as new claims added to its article are compared with it. */
export interface StoredClaimSpan {
  key: string;
  spanIn: string;
  start: number;
  end: number;
  /** Its chains' links, in no particular order. */
  links: { chain: number; position: number; role: string; source: string }[];
}

/** A stored article: its id, its fields as a claim sheet writes them, and its claims' spans. */
export interface ArticleWithClaims {
  id: number;
  article: SheetArticle;
  claims: StoredClaimSpan[];
}

/** An article as a claim sheet carries it, with the ids the export and the import need. */
export const sheetArticleSelect = {
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

export function toSheetArticle(
  row: Prisma.ArticleGetPayload<{ select: typeof sheetArticleSelect }>,
): SheetArticleRecord {
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

/** The article with this slug and its claims' spans, or undefined. */
export async function findArticleWithClaims(db: Db, slug: string): Promise<ArticleWithClaims | undefined> {
  const row = await db.article.findUnique({
    where: { slug },
    select: {
      ...sheetArticleSelect,
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
  if (!row) return undefined;
  const { id, sheet } = toSheetArticle(row);
  return {
    id,
    article: sheet,
    claims: row.claims.map((c) => ({
      key: c.key,
      spanIn: c.spanIn,
      start: c.start,
      end: c.end,
      links: c.links.map((l) => ({ chain: l.chain, position: l.position, role: l.role, source: l.source.slug })),
    })),
  };
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
