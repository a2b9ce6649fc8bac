import type { Db } from "../../db/client.js";
import type { Urls } from "../../urls.js";
import { presentClaim } from "../claims/claimView.js";
import { utf16Index } from "../text/codePoints.js";
import { isGraphemeBoundary } from "../text/graphemes.js";
import type { ExportFilters } from "./exportFilters.js";
import { findAnnotationPage, findArticleText } from "./exportRepository.js";
import { keysetPages } from "./keyset.js";

/** Code points of context a TextQuoteSelector carries on each side of the quote. */
export const CONTEXT_LENGTH = 32;
/** Article bodies kept while claims are read (claims of one article are mostly adjacent). */
const BODY_CACHE_SIZE = 64;

/**
 * The text before and after a span, up to CONTEXT_LENGTH code points each, cut only between
 * graphemes (never between a Thai consonant and its marks). `start`/`end` are code points.
 */
export function quoteContext(body: string, start: number, end: number): { prefix: string; suffix: string } {
  const from = utf16Index(body, start);
  const to = utf16Index(body, end);
  let prefixStart = utf16Index(body, Math.max(0, start - CONTEXT_LENGTH));
  while (!isGraphemeBoundary(body, prefixStart)) prefixStart++;
  let suffixEnd = utf16Index(body, end + CONTEXT_LENGTH);
  while (!isGraphemeBoundary(body, suffixEnd)) suffixEnd--;
  return { prefix: body.slice(prefixStart, from), suffix: body.slice(to, Math.max(to, suffixEnd)) };
}

type ArticleText = { body: string; bodySha256: string };

/**
 * W3C Web Annotation JSON-LD: an AnnotationCollection whose page holds one annotation per
 * exported claim. Each targets its article with a TextQuoteSelector (exact, prefix, suffix)
 * and a TextPositionSelector (start, end in code points, as the model defines them), and
 * carries the body's SHA-256 so a consumer can tell when an anchor no longer matches.
 */
export async function* webAnnotationChunks(
  db: Db,
  filters: ExportFilters,
  urls: Urls,
  pageSize?: number,
  onClaims: (count: number) => void = () => {},
): AsyncGenerator<string> {
  const context = [
    "http://www.w3.org/ns/anno.jsonld",
    { claimtrail: urls.vocabulary(), bodySha256: "claimtrail:bodySha256", spanIn: "claimtrail:spanIn" },
  ];
  yield `{\n"@context": ${JSON.stringify(context)},\n"id": ${JSON.stringify(urls.annotations())},\n"type": "AnnotationCollection",\n"label": "claimtrail claims",\n"first": {"type": "AnnotationPage", "items": [`;
  const bodies = new Map<number, ArticleText>();
  const bodyOf = async (articleId: number): Promise<ArticleText> => {
    const cached = bodies.get(articleId);
    if (cached) return cached;
    const article = await findArticleText(db, articleId);
    if (bodies.size >= BODY_CACHE_SIZE) bodies.delete(bodies.keys().next().value!);
    bodies.set(articleId, article);
    return article;
  };
  let first = true;
  for await (const page of keysetPages((afterId, take) => findAnnotationPage(db, filters, afterId, take), pageSize)) {
    onClaims(page.length);
    const items: string[] = [];
    for (const record of page) {
      const view = presentClaim(record);
      const article = await bodyOf(record.articleId);
      // A headline claim's selectors are into the title: its context comes from there.
      const text = view.span.in === "title" ? record.article.title : article.body;
      const { prefix, suffix } = quoteContext(text, view.span.start, view.span.end);
      items.push(
        JSON.stringify({
          id: `${urls.claim(view.id)}#annotation`,
          type: "Annotation",
          motivation: "describing",
          body: [
            { type: "TextualBody", purpose: "describing", value: view.gloss, language: "en", format: "text/plain" },
            { type: "TextualBody", purpose: "tagging", value: view.kind },
            {
              type: "TextualBody",
              purpose: "commenting",
              value: `Attributed: ${view.chains.map((c) => c.text).join(" | ")}`,
            },
          ],
          target: {
            source: record.article.url ?? urls.article(record.article.slug),
            bodySha256: article.bodySha256,
            ...(view.span.in === "title" ? { spanIn: "title" } : {}),
            selector: [
              { type: "TextQuoteSelector", exact: view.quote, prefix, suffix },
              { type: "TextPositionSelector", start: view.span.start, end: view.span.end },
            ],
          },
        }),
      );
    }
    yield (first ? "\n" : ",\n") + items.join(",\n");
    first = false;
  }
  yield "\n]}\n}\n";
}
