import { z } from "zod";
import { SourceSummary } from "../attribution/traceChain.js";
import { ClaimView } from "../claims/claimView.js";
import { presentSourceSummary } from "../sources/sourceView.js";
import type { ArticleRecord, RevisionRecord } from "./articleRepository.js";
import { formatWithOffset } from "./publishedAt.js";

// The articles' response contract: each schema, then the presenter typed against it.

export const ArticleSummary = z
  .strictObject({
    slug: z.string(),
    title: z.string(),
    publisher: SourceSummary,
    section: z.string().nullable(),
    language: z.string(),
    url: z.string().nullable(),
    publishedAt: z
      .string()
      .meta({ description: "Local publication time with its UTC offset, e.g. 2023-09-20T12:14:00+07:00" }),
    bodySha256: z.string(),
    claimCount: z.int(),
  })
  .meta({ id: "Article" });
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleDetail = ArticleSummary.extend({
  body: z.string().meta({ description: "The exact text; claim spans are code-point offsets into it" }),
  claims: z.array(ClaimView),
  revisionCount: z
    .int()
    .meta({ description: "Earlier bodies kept from corrections (GET /api/articles/{slug}/revisions)" }),
}).meta({ id: "ArticleDetail" });
export type ArticleDetail = z.infer<typeof ArticleDetail>;

export function presentArticle(record: ArticleRecord): ArticleSummary {
  return {
    slug: record.slug,
    title: record.title,
    publisher: presentSourceSummary(record.publisher),
    section: record.section,
    language: record.language,
    url: record.url,
    publishedAt: formatWithOffset(record.publishedAt, record.publishedUtcOffset),
    bodySha256: record.bodySha256,
    claimCount: record.claimCount,
  };
}

/** An earlier body of a corrected article. */
export const RevisionSummary = z
  .strictObject({
    number: z.int().meta({ description: "1 is the body first imported; the current body follows the last" }),
    bodySha256: z.string(),
    replacedAt: z.iso.datetime().meta({ description: "When a corrected body replaced this one" }),
    length: z.int().meta({ description: "In code points" }),
  })
  .meta({ id: "Revision" });
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export function presentRevision(record: RevisionRecord, number: number): RevisionSummary {
  return { number, bodySha256: record.bodySha256, replacedAt: record.replacedAt.toISOString(), length: record.length };
}

const Span = z.strictObject({ start: z.int(), end: z.int() });

/** A revision's body and what the next version changed in it, word by word. */
export const RevisionDetail = RevisionSummary.extend({
  body: z.string(),
  changes: z
    .array(
      z.strictObject({
        op: z.enum(["same", "removed", "added"]),
        text: z.string(),
        before: Span.nullable().meta({ description: "Code-point span in this revision's body (same, removed)" }),
        after: Span.nullable().meta({ description: "Code-point span in the next version's body (same, added)" }),
      }),
    )
    .meta({ description: "This revision's body turned into the next version's: the runs in order" }),
}).meta({ id: "RevisionDetail" });
export type RevisionDetail = z.infer<typeof RevisionDetail>;
