// @ts-check
// One claim: its quote in context, its facts and chains, and the relations it takes part in.
import { getAll, getData } from "../api.js";
import { articleWithTitle, claimFacts, claimHighlight, humanize, scrollQuotesIntoView, statusBadge } from "../components.js";
import { h } from "../dom.js";
import { compareWithSection } from "./relate.js";

/** @typedef {import("../types.js").ClaimDetail} ClaimDetail */
/** @typedef {import("../types.js").ArticleDetail} ArticleDetail */

/** @param {import("../app.js").Route} route */
export async function claimView({ params }) {
  /** @type {ClaimDetail} */
  const claim = await getData(`/api/claims/${Number(params[0])}`);
  /** @type {[ArticleDetail, import("../types.js").Source[]]} */
  const [article, sources] = await Promise.all([
    getData(`/api/articles/${encodeURIComponent(claim.article.slug)}`),
    getAll("/api/sources"),
  ]);
  const content = h(
    "section",
    { class: "claim-page", "data-claim-id": claim.id },
    h(
      "p",
      { class: "breadcrumb" },
      h(
        "a",
        { href: `#/articles/${encodeURIComponent(article.slug)}` },
        "← ",
        h("span", { lang: article.language }, article.title),
      ),
    ),
    h("h1", { tabindex: "-1" }, claim.gloss),
    h(
      "p",
      { class: "meta" },
      `Claim ${claim.key} · `,
      claim.speaker.name,
      claim.span.in === "title" ? [" · ", h("span", { class: "badge" }, "headline claim")] : null,
    ),
    h("blockquote", { class: "quote", lang: article.language }, claim.quote),
    claimFacts(claim, article.publishedAt),
    h("h2", {}, "Relations"),
    claim.relations.length === 0
      ? h("p", { class: "empty" }, "No relation recorded.")
      : h(
          "ul",
          { class: "relation-list" },
          claim.relations.map((relation) => {
            const words =
              relation.direction === "outgoing"
                ? `${humanize(relation.type)} `
                : `is ${relation.type === "qualifies" ? "qualified" : relation.type === "supports" ? "supported" : "contradicted"} by `;
            const link = h(
              "a",
              {
                href:
                  relation.type === "contradicts" ? `#/contradictions/${relation.id}` : `#/relations/${relation.id}`,
              },
              "compare",
            );
            return h(
              "li",
              {},
              statusBadge(relation.status),
              ` This claim ${words}`,
              h(
                "a",
                { href: `#/claims/${relation.other.id}` },
                `${relation.other.speaker.name}: ${relation.other.gloss}`,
              ),
              link ? [" · ", link] : null,
            );
          }),
        ),
    h("h2", {}, "In the article"),
    h(
      "div",
      {
        class: "article-scroll",
        tabindex: "0",
        role: "region",
        "aria-label": "Article text with this claim highlighted",
      },
      articleWithTitle(article, [claimHighlight(claim, { title: claim.gloss, className: "mark-self" })]),
    ),
  );
  content.append(compareWithSection(claim, sources));
  return { title: claim.gloss, content, onShown: () => scrollQuotesIntoView(content) };
}
