// @ts-check
// Articles: the list, and one article's full text with every claim's span highlighted and linked.
import { getAll, getData } from "../api.js";
import {
  articleText,
  claimCard,
  claimHighlight,
  downloadLinks,
  formatLocal,
  sourceLink,
  titleText,
} from "../components.js";
import { h } from "../dom.js";
import { addClaimSection } from "./addClaim.js";

/** @typedef {import("../types.js").ArticleSummary} ArticleSummary */
/** @typedef {import("../types.js").ArticleDetail} ArticleDetail */

/** @param {import("../app.js").Route} _route */
export async function articleListView(_route) {
  /** @type {ArticleSummary[]} */
  const articles = await getData("/api/articles");
  const content = h(
    "section",
    { class: "articles" },
    h("h1", { tabindex: "-1" }, "Articles"),
    articles.length === 0
      ? h("p", { class: "empty" }, "No article yet.")
      : h(
          "ul",
          { class: "article-list" },
          articles.map((article) =>
            h(
              "li",
              {},
              h(
                "h2",
                { lang: article.language },
                h("a", { href: `#/articles/${encodeURIComponent(article.slug)}` }, article.title),
              ),
              h(
                "p",
                { class: "meta" },
                sourceLink(article.publisher),
                ` · ${formatLocal(article.publishedAt)} · ${article.claimCount} claims`,
              ),
            ),
          ),
        ),
  );
  return { title: "Articles", content };
}

/** @param {import("../app.js").Route} route */
export async function articleView({ params }) {
  const slug = params[0] ?? "";
  /** @type {[ArticleDetail, import("../types.js").Source[]]} */
  const [article, sources] = await Promise.all([
    getData(`/api/articles/${encodeURIComponent(slug)}`),
    getAll("/api/sources"),
  ]);
  // Neighbouring quotes often touch: alternate two tints so each claim's extent shows. An orphaned
  // claim's span is into an earlier revision, so it is listed but not drawn in this text.
  const highlights = article.claims
    .filter((claim) => claim.anchor !== "orphaned")
    .map((claim, index) =>
      claimHighlight(claim, {
        title: `${claim.key}: ${claim.gloss}`,
        className: index % 2 ? "mark-claim mark-alt" : "mark-claim",
        href: `#/claims/${claim.id}`,
      }),
    );
  const headlineClaims = article.claims.filter((claim) => claim.span.in === "title").length;
  // Headline claims are highlighted in the title itself: fact-checkers read the headline first.
  const headline = h(
    "h1",
    { tabindex: "-1", lang: article.language, class: "article-headline" },
    titleText(article.title, highlights),
  );
  const bodyText = articleText(article.body, article.language, highlights);
  const content = h(
    "section",
    { class: "article-page", "data-article": article.slug },
    h("p", { class: "breadcrumb" }, h("a", { href: "#/articles" }, "← Articles")),
    headline,
    h(
      "p",
      { class: "meta" },
      sourceLink(article.publisher),
      ` · ${formatLocal(article.publishedAt)}`,
      article.section ? ` · ${article.section}` : "",
      article.url ? [" · ", h("a", { href: article.url, rel: "noopener noreferrer" }, "original")] : null,
      ` · ${article.claims.length} claim${article.claims.length === 1 ? "" : "s"} highlighted`,
      headlineClaims ? ` (${headlineClaims} in the headline)` : "",
    ),
    article.revisionCount > 0 ? corrections(article) : null,
    downloadLinks({ article: article.slug }, "claims of this article"),
    h(
      "div",
      { class: "article-layout" },
      h(
        "div",
        { class: "article-body" },
        bodyText,
        addClaimSection(article, sources, { title: headline, body: bodyText }, rerender),
      ),
      h(
        "aside",
        { class: "article-claims", "aria-labelledby": "article-claims-title" },
        h("h2", { id: "article-claims-title" }, "Claims in order"),
        h("div", { class: "claim-list" }, article.claims.map(claimCard)),
      ),
    ),
  );
  return { title: article.title, content };
}

/**
 * Where a corrected article says so: its earlier texts, each linked to what the next one changed.
 * @param {ArticleDetail} article
 */
function corrections(article) {
  const numbers = Array.from({ length: article.revisionCount }, (_, i) => i + 1);
  const orphaned = article.claims.filter((claim) => claim.anchor === "orphaned").length;
  return h(
    "p",
    { class: "corrections" },
    `Corrected ${article.revisionCount} time${article.revisionCount === 1 ? "" : "s"}: `,
    numbers.map((n, i) => [
      i > 0 ? ", " : "",
      h("a", { href: `#/articles/${encodeURIComponent(article.slug)}/revisions/${n}` }, `what revision ${n} became`),
    ]),
    orphaned ? `. ${orphaned} claim${orphaned === 1 ? " is" : "s are"} not in the corrected text.` : ".",
  );
}

/** Draws the current view again, in place (after a write the view shows). */
function rerender() {
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}
