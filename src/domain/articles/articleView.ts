import { z } from "zod";
import { SourceSummary } from "../attribution/traceChain.js";
import { ClaimView } from "../claims/claimView.js";
import { presentSourceSummary } from "../sources/sourceView.js";
import type { ArticleRecord } from "./articleRepository.js";
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
