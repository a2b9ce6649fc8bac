// @ts-check
// The sources directory and one source's page: who speaks, who relays, and their claims.
import { getAll, getData } from "../api.js";
import { claimCard, downloadLinks, humanize, sourceBadges, sourceLink } from "../components.js";
import { definitionList, h } from "../dom.js";
import { normaliseName } from "../sheet.js";
import { SOURCE_KINDS } from "../vocabulary.js";

/** @typedef {import("../types.js").Source} Source */
/** @typedef {import("../types.js").SourceDetail} SourceDetail */
/** @typedef {import("../types.js").Claim} Claim */

/** The roles a source's page lists claims for, with their headings. */
const ROLE_SECTIONS = [
  ["speaker", "Claims as speaker"],
  ["reporter", "Claims as first reporter"],
  ["relay", "Claims as relay"],
];

/** @param {import("../app.js").Route} route */
export async function sourceListView({ query, navigate }) {
  const kind = query.get("kind") ?? "";
  const name = query.get("name") ?? "";
  /** @type {Source[]} */
  const all = await getAll("/api/sources", { kind: kind || undefined });
  const wanted = normaliseName(name);
  // By name, in the reader's collation; the filter matches any name form, Thai or Latin.
  const sources = all
    .filter((s) => !wanted || [s.name, ...s.names, s.slug].some((n) => normaliseName(n).includes(wanted)))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
  const nameInput = h("input", { id: "filter-name", name: "name", type: "search", value: name });
  const kindSelect = h(
    "select",
    { id: "filter-kind", name: "kind" },
    h("option", { value: "" }, "Any kind"),
    SOURCE_KINDS.map((k) => h("option", { value: k, selected: k === kind }, humanize(k))),
  );
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter sources" },
    h("div", { class: "field" }, h("label", { for: "filter-name" }, "Name"), nameInput),
    h("div", { class: "field" }, h("label", { for: "filter-kind" }, "Kind"), kindSelect),
    h(
      "div",
      { class: "filter-actions" },
      h("button", { type: "submit", class: "primary" }, "Apply filter"),
      h("a", { href: "#/sources", class: "button" }, "Clear"),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    navigate("/sources", { kind: kindSelect.value, name: nameInput.value.trim() });
  });

  const table = h(
    "table",
    { class: "responsive sources-table" },
    h(
      "caption",
      { class: "visually-hidden" },
      "Sources with their kind, country, affiliation, names used in the text and claim counts",
    ),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ["Source", "Kind", "Country", "Affiliation", "Names in the text", "As speaker", "In chains"].map((label) =>
          h("th", { scope: "col" }, label),
        ),
      ),
    ),
    h(
      "tbody",
      {},
      sources.map((source) =>
        h(
          "tr",
          { "data-source": source.slug },
          h(
            "th",
            { scope: "row", "data-label": "Source" },
            h("a", { href: `#/sources/${encodeURIComponent(source.slug)}` }, source.name),
            " ",
            sourceBadges(source),
          ),
          h("td", { "data-label": "Kind" }, humanize(source.kind)),
          h("td", { "data-label": "Country" }, source.country ?? "—"),
          h("td", { "data-label": "Affiliation" }, source.affiliation ? sourceLink(source.affiliation) : "—"),
          h("td", { "data-label": "Names in the text", lang: "th", class: "names" }, source.names.join(" · ") || "—"),
          h("td", { "data-label": "As speaker", class: "number" }, source.claims.asSpeaker),
          h("td", { "data-label": "In chains", class: "number" }, source.claims.inChains),
        ),
      ),
    ),
  );
  const content = h(
    "section",
    { class: "sources" },
    h("h1", { tabindex: "-1" }, "Sources"),
    h(
      "p",
      { class: "lede" },
      `${sources.length} source${sources.length === 1 ? "" : "s"}${kind ? ` of kind ${humanize(kind)}` : ""}${name ? ` named like “${name}”` : ""}, by name.`,
    ),
    form,
    downloadLinks({}, "all claims"),
    sources.length
      ? h("div", { class: "table-wrap" }, table)
      : h("p", { class: "empty" }, "No source matches these filters."),
  );
  return { title: "Sources", content, summary: `${sources.length} source${sources.length === 1 ? "" : "s"} shown` };
}

/** @param {import("../app.js").Route} route */
export async function sourceView({ params }) {
  const slug = params[0] ?? "";
  const path = `/api/sources/${encodeURIComponent(slug)}`;
  /** @type {[SourceDetail, ...Claim[][]]} */
  const [source, ...byRole] = await Promise.all([
    getData(path),
    ...ROLE_SECTIONS.map(([role]) => getAll(`${path}/claims`, { role })),
  ]);
  const content = h(
    "section",
    { class: "source-page", "data-source": source.slug },
    h("p", { class: "breadcrumb" }, h("a", { href: "#/sources" }, "← Sources")),
    h("h1", { tabindex: "-1" }, source.name, " ", sourceBadges(source)),
    source.description ? h("p", { class: "lede" }, source.description) : null,
    definitionList([
      ["Kind", humanize(source.kind)],
      ["Country", source.country ?? "—"],
      ["Affiliation", source.affiliation ? sourceLink(source.affiliation) : null],
      ["Names in the text", source.names.length ? h("span", { lang: "th" }, source.names.join(" · ")) : null],
      ["Affiliates", source.affiliates.length ? source.affiliates.map((s, i) => [i ? ", " : "", sourceLink(s)]) : null],
      ["Claims", `${source.claims.asSpeaker} as speaker, ${source.claims.inChains} in chains`],
    ]),
    downloadLinks({ source: source.slug, role: "any" }, `claims with ${source.name} in the chain`),
    ROLE_SECTIONS.map(([role, heading], i) => {
      const claims = byRole[i] ?? [];
      const id = `claims-${role}`;
      return h(
        "section",
        { class: "claim-section", "aria-labelledby": id, "data-role": role },
        h("h2", { id }, `${heading} (${claims.length})`),
        claims.length ? h("div", { class: "claim-list" }, claims.map(claimCard)) : h("p", { class: "empty" }, "None."),
      );
    }),
  );
  return { title: source.name, content };
}
