// @ts-check
// Claim search: a text box over quotes, glosses and every source's names (Thai or Latin), the
// hits with the matched text marked, and facet chips that narrow the search by kind, topic or speaker.
import { request, withQuery } from "../api.js";
import { humanize, sourceBadges } from "../components.js";
import { h } from "../dom.js";

/** @typedef {import("../types.js").Claim} Claim */
/** @typedef {{ field: "quote" | "gloss" | "source", start: number, end: number, source?: string, name?: string }} SearchMatch */
/** @typedef {{ value: string, name?: string, count: number }} FacetRow */

/** The filters a chip sets, with their headings. */
/** @type {Array<[string, string]>} */
const CHIP_FACETS = [
  ["kind", "Kind"],
  ["topic", "Topic"],
  ["speaker", "Speaker"],
];

/** The search's filters as they appear in the page's URL and the API's query string. */
const FILTERS = ["q", "kind", "topic", "source"];

/**
 * `text` with code points start..end (end exclusive) in a <mark>.
 * @param {string} text
 * @param {number} start
 * @param {number} end
 */
export function markSpan(text, start, end) {
  const points = Array.from(text);
  return [
    points.slice(0, start).join(""),
    h("mark", { class: "search-hit" }, points.slice(start, end).join("")),
    points.slice(end).join(""),
  ];
}

/**
 * One hit: quote and gloss, with the match marked where it is, or the source name it matched.
 * @param {Claim & { match: SearchMatch | null }} claim
 */
function hitCard(claim) {
  const match = claim.match;
  const marked = (/** @type {"quote" | "gloss"} */ field) =>
    match && match.field === field ? markSpan(claim[field], match.start, match.end) : claim[field];
  return h(
    "article",
    { class: "claim-card search-result", "data-claim-id": claim.id },
    h("p", { class: "quote", lang: "th" }, h("a", { href: `#/claims/${claim.id}` }, marked("quote"))),
    h("p", { class: "gloss" }, marked("gloss")),
    match && match.field === "source"
      ? h(
          "p",
          { class: "matched-name" },
          "Named in the chain as ",
          h("span", { lang: "th" }, markSpan(match.name ?? "", match.start, match.end)),
        )
      : null,
    h(
      "p",
      { class: "meta" },
      h("span", { class: "badge" }, humanize(claim.kind)),
      " ",
      h("span", { class: "chain-text" }, claim.chains[0]?.text ?? ""),
      " ",
      sourceBadges(claim.speaker),
    ),
  );
}

/** @param {import("../app.js").Route} route */
export async function searchView({ query, navigate }) {
  /** @type {Record<string, string | undefined>} */
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? undefined]));
  const input = h("input", {
    id: "search-q",
    name: "q",
    type: "search",
    value: filters.q ?? "",
    autocomplete: "off",
    placeholder: "เพสคอฟ, Peskov, ข้อตกลง…",
  });
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Claim search" },
    h("div", { class: "field" }, h("label", { for: "search-q" }, "Search claims"), input),
    h("div", { class: "filter-actions" }, h("button", { type: "submit", class: "primary" }, "Search")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    navigate("/claims", { ...filters, q: /** @type {HTMLInputElement} */ (input).value.trim() || undefined });
  });
  if (!filters.q) {
    const content = h("section", { class: "search" }, h("h1", { tabindex: "-1" }, "Search claims"), form);
    return { title: "Search claims", content };
  }
  const { body } = await request(withQuery("/api/claims", { ...filters, facets: "kind,topic,speaker", limit: "50" }));
  /** @type {(Claim & { match: SearchMatch | null })[]} */
  const hits = body.data;
  /** @type {Record<string, FacetRow[]>} */
  const facets = body.facets ?? {};
  const chips = CHIP_FACETS.map(([facet, heading]) => {
    const param = facet === "speaker" ? "source" : facet;
    const rows = facets[facet] ?? [];
    if (rows.length === 0) return null;
    return h(
      "div",
      { class: "facet", "data-facet": facet },
      h("span", { class: "facet-heading" }, heading),
      rows.map((/** @type {FacetRow} */ row) => {
        const active = filters[param] === row.value;
        const href = `#${withQuery("/claims", { ...filters, [param]: active ? undefined : row.value })}`;
        return h(
          "a",
          {
            class: `badge facet-chip${active ? " active" : ""}`,
            href,
            "aria-pressed": String(active),
            "data-value": row.value,
          },
          `${row.name ?? humanize(row.value)} (${row.count})`,
        );
      }),
    );
  });
  const count = `${hits.length}${body.page.nextCursor ? "+" : ""} claim${hits.length === 1 ? "" : "s"}`;
  const content = h(
    "section",
    { class: "search" },
    h("h1", { tabindex: "-1" }, "Search claims"),
    form,
    body.search?.note ? h("p", { class: "note search-note" }, body.search.note) : null,
    h("div", { class: "facets", "aria-label": "Narrow the search" }, chips),
    h("p", { class: "lede" }, `${count} for “${filters.q}”.`),
    hits.length
      ? h("div", { class: "claim-list" }, hits.map(hitCard))
      : h("p", { class: "empty" }, "No claim matches."),
  );
  return { title: `Search: ${filters.q}`, content, summary: `${count} found` };
}
