// @ts-check
// One claim: its quote in context, its facts and chains, and the relations it takes part in.
import { getAll, getData } from "../api.js";
import {
  articleWithTitle,
  claimFacts,
  claimHighlight,
  formatLocal,
  humanize,
  scrollQuotesIntoView,
  statusBadge,
} from "../components.js";
import { h } from "../dom.js";
import { compareWithSection } from "./relate.js";

/** @typedef {import("../types.js").ClaimDetail} ClaimDetail */
/** @typedef {import("../types.js").ArticleDetail} ArticleDetail */
/** @typedef {import("../types.js").StatementCarriers} StatementCarriers */

/** @param {import("../app.js").Route} route */
export async function claimView({ params }) {
  /** @type {ClaimDetail} */
  const claim = await getData(`/api/claims/${Number(params[0])}`);
  /** @type {[ArticleDetail, import("../types.js").Source[], StatementCarriers]} */
  const [article, sources, carried] = await Promise.all([
    getData(`/api/articles/${encodeURIComponent(claim.article.slug)}`),
    getAll("/api/sources"),
    getData(`/api/claims/${claim.id}/carriers`),
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
    carriersSection(carried),
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

/**
 * Every outlet that carried this statement (the same speaker's claim in other articles, joined by
 * supports relations), oldest article first, and who carried it first.
 * @param {StatementCarriers} carried
 */
function carriersSection(carried) {
  const { carriers, firstCarrier } = carried;
  const first = firstCarrier.firstOutlet.name;
  return h(
    "section",
    { class: "carriers", "aria-labelledby": "carriers-title" },
    h("h2", { id: "carriers-title" }, "Carried by"),
    carriers.length === 1
      ? h("p", { class: "empty" }, "No other article is recorded carrying this statement.")
      : [
          h(
            "p",
            { class: "carried-first" },
            `${carriers.length} articles carried ${carried.speaker.name}'s statement. First: `,
            h("strong", {}, first),
            `, ${formatLocal(firstCarrier.article.publishedAt)}.`,
          ),
          h(
            "ol",
            { class: "carrier-list" },
            carriers.map((carrier, i) =>
              h(
                "li",
                { "data-article": carrier.article.slug, "data-claim-id": carrier.claim.id },
                h("span", { class: "carrier-time" }, formatLocal(carrier.article.publishedAt)),
                " ",
                h("strong", {}, carrier.publisher.name),
                carrier.firstOutlet.slug !== carrier.publisher.slug ? ` via ${carrier.firstOutlet.name}` : "",
                i === 0 ? [" ", h("span", { class: "badge" }, "first")] : null,
                carrier.claim.id === carried.claimId ? [" ", h("span", { class: "badge" }, "this claim")] : null,
                " · ",
                h("a", { href: `#/claims/${carrier.claim.id}` }, h("span", { lang: "und" }, carrier.article.title)),
                h("span", { class: "chain-text" }, ` ${carrier.claim.chain}`),
              ),
            ),
          ),
        ],
  );
}
