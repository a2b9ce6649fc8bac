// @ts-check
// The contradictions queue: what waits for a decision comes first.
import { getAll, getData } from "../api.js";
import { downloadLinks, humanize, sideName, sourceBadges, statusBadge, statusLabel } from "../components.js";
import { h } from "../dom.js";
import { CHAIN_ARROW, RELATION_TYPES } from "../vocabulary.js";

/** @typedef {import("../types.js").Contradiction} Contradiction */
/** @typedef {import("../types.js").ClaimBrief} ClaimBrief */
/** @typedef {import("../types.js").Source} Source */
/** @typedef {import("../types.js").Claim} Claim */

/** Queue order: undecided first, then what needs work, then what is settled. */
const STATUS_ORDER = ["proposed", "needs_evidence", "confirmed", "dismissed"];

/**
 * Sorts a queue: contradictions, then supports, then qualifies; within a type what needs
 * attention (a side lost in a correction) first, then proposed, needs evidence, confirmed,
 * dismissed; oldest first within each.
 * @param {Contradiction[]} rows
 */
export function queueOrder(rows) {
  const rank = (/** @type {readonly string[]} */ order, /** @type {string} */ value) => {
    const index = order.indexOf(value);
    return index === -1 ? order.length : index;
  };
  return [...rows].sort(
    (a, b) =>
      rank(RELATION_TYPES, a.type) - rank(RELATION_TYPES, b.type) ||
      Number(b.needsAttention) - Number(a.needsAttention) ||
      rank(STATUS_ORDER, a.status) - rank(STATUS_ORDER, b.status) ||
      a.id - b.id,
  );
}

/** @param {import("../app.js").Route} route */
export async function queueView({ query, navigate }) {
  const filters = {
    status: query.get("status") ?? undefined,
    source: query.get("source") ?? undefined,
    topic: query.get("topic") ?? undefined,
    type: query.get("type") ?? undefined,
    needsAttention: query.get("needsAttention") ?? undefined,
  };
  const [rows, sources, topics, articles] = await Promise.all([
    getAll("/api/contradictions", { ...filters, type: filters.type ?? "any" }),
    /** @type {Promise<Source[]>} */ (getAll("/api/sources")),
    knownTopics(),
    /** @type {Promise<import("../types.js").ArticleSummary[]>} */ (getData("/api/articles")),
  ]);
  const titles = new Map(articles.map((article) => [article.slug, article.title]));
  if (filters.topic && !topics.includes(filters.topic)) topics.push(filters.topic);
  const queue = queueOrder(rows);
  const waiting = queue.filter((row) => row.status === "proposed").length;
  const attention = queue.filter((row) => row.needsAttention).length;
  const noun = (/** @type {number} */ n) =>
    filters.type === "contradicts" || (!filters.type && queue.every((row) => row.type === "contradicts"))
      ? `contradiction${n === 1 ? "" : "s"}`
      : `relation${n === 1 ? "" : "s"}`;

  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter contradictions" },
    select("filter-type", "Type", "type", filters.type, [
      ["", "Every type (contradictions first)"],
      ...RELATION_TYPES.map((t) => [t, humanize(t)]),
    ]),
    select("filter-status", "Status", "status", filters.status, [
      ["", "Any status"],
      ...STATUS_ORDER.map((s) => [s, statusLabel(s)]),
    ]),
    select("filter-source", "Source", "source", filters.source, [
      ["", "Any source"],
      ...sources.map((s) => [s.slug, s.name]),
    ]),
    select("filter-topic", "Topic", "topic", filters.topic, [
      ["", "Any topic"],
      ...topics.map((t) => [t, humanize(t)]),
    ]),
    select("filter-attention", "Corrections", "needsAttention", filters.needsAttention, [
      ["", "With or without"],
      ["true", "Needs attention: a side lost in a correction"],
      ["false", "Both sides in the current texts"],
    ]),
    h(
      "div",
      { class: "filter-actions" },
      h("button", { type: "submit", class: "primary" }, "Apply filters"),
      h("a", { href: "#/contradictions", class: "button" }, "Clear"),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    navigate("/contradictions", {
      status: String(data.get("status") ?? ""),
      source: String(data.get("source") ?? ""),
      topic: String(data.get("topic") ?? ""),
      type: String(data.get("type") ?? ""),
      needsAttention: String(data.get("needsAttention") ?? ""),
    });
  });

  const content = h(
    "section",
    { class: "queue" },
    h("h1", { tabindex: "-1" }, "Contradictions"),
    h(
      "p",
      { class: "lede" },
      `${queue.length} ${noun(queue.length)}`,
      filtersText(filters, sources),
      `; ${waiting} waiting for review`,
      attention ? `; ${attention} need${attention === 1 ? "s" : ""} attention after a correction.` : ".",
    ),
    form,
    downloadLinks({ source: filters.source, topic: filters.topic }, "claims matching these filters"),
    downloadLinks(
      { source: filters.source, topic: filters.topic, status: filters.status },
      "contradictions matching these filters",
      "contradictions",
    ),
    queue.length === 0
      ? h("p", { class: "empty" }, "No relation matches these filters.")
      : h(
          "ol",
          { class: "queue-list" },
          queue.map((row) => queueItem(row, titles)),
        ),
  );
  return {
    title: "Contradictions",
    content,
    summary: `${queue.length} ${noun(queue.length)} shown`,
  };
}

/**
 * @param {{ status?: string, source?: string, topic?: string, type?: string, needsAttention?: string }} filters
 * @param {Source[]} sources
 */
function filtersText(filters, sources) {
  const parts = [];
  if (filters.type) parts.push(`type ${humanize(filters.type)}`);
  if (filters.status) parts.push(`status ${statusLabel(filters.status)}`);
  if (filters.source) parts.push(`source ${sources.find((s) => s.slug === filters.source)?.name ?? filters.source}`);
  if (filters.topic) parts.push(`topic ${humanize(filters.topic)}`);
  if (filters.needsAttention === "true") parts.push("a side lost in a correction");
  if (filters.needsAttention === "false") parts.push("both sides in the current texts");
  return parts.length ? ` with ${parts.join(", ")}` : "";
}

/**
 * A labelled select.
 * @param {string} id
 * @param {string} label
 * @param {string} name
 * @param {string | undefined} value
 * @param {string[][]} options [value, label] pairs
 */
function select(id, label, name, value, options) {
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    h(
      "select",
      { id, name },
      options.map(([optionValue = "", optionLabel = ""]) =>
        h("option", { value: optionValue, selected: optionValue === (value ?? "") }, optionLabel),
      ),
    ),
  );
}

/** Topics of the first page of claims: enough for the filter's menu. */
async function knownTopics() {
  /** @type {Claim[]} */
  const claims = await getData("/api/claims?limit=500");
  return [...new Set(claims.flatMap((claim) => claim.topics))].sort();
}

/**
 * @param {Contradiction} row
 * @param {Map<string, string>} titles article titles by slug
 */
function queueItem(row, titles) {
  const [a, b] = row.sides;
  const headingId = `contradiction-${row.id}`;
  return h(
    "li",
    { class: "queue-item", "data-relation-id": row.id, "data-status": row.status, "data-type": row.type },
    h(
      "article",
      { "aria-labelledby": headingId },
      h(
        "header",
        {},
        h(
          "h2",
          { id: headingId },
          h(
            "a",
            { href: relationHref(row) },
            row.type === "contradicts"
              ? `${sideName(a, a.chain)} vs ${sideName(b, b.chain)}`
              : `${sideName(a, a.chain)} ${row.type} ${sideName(b, b.chain)}`,
          ),
        ),
        h(
          "p",
          { class: "meta" },
          statusBadge(row.status),
          " ",
          h("span", { class: "badge", "data-type": row.type }, humanize(row.type)),
          " ",
          h("span", { class: "badge" }, row.origin),
          " ",
          ...(row.needsAttention
            ? [h("span", { class: "badge attention" }, "needs attention: quote lost in a correction"), " "]
            : []),
          `#${row.id}`,
        ),
      ),
      h("div", { class: "pair" }, sideBrief(a, "A", titles), sideBrief(b, "B", titles)),
      h("p", { class: "rationale" }, row.rationale),
    ),
  );
}

/** Where a relation is reviewed: the comparison view. @param {{ id: number, type: string }} row */
export function relationHref(row) {
  return row.type === "contradicts" ? `#/contradictions/${row.id}` : `#/relations/${row.id}`;
}

/**
 * @param {ClaimBrief} claim
 * @param {string} label
 * @param {Map<string, string>} titles
 */
function sideBrief(claim, label, titles) {
  const names = claim.chain.split(CHAIN_ARROW);
  const outlet = names.length > 1 ? names[names.length - 1] : null;
  return h(
    "div",
    { class: "side-brief" },
    h(
      "p",
      { class: "side-label" },
      label,
      ": ",
      h("strong", {}, claim.speaker.name),
      " ",
      sourceBadges(claim.speaker),
      " ",
      h("span", { class: "badge" }, humanize(claim.kind)),
    ),
    h("p", { class: "gloss" }, claim.gloss),
    h("p", { class: "quote", lang: "th" }, claim.quote),
    h("p", { class: "chain-text" }, claim.chain),
    h(
      "p",
      { class: "side-article meta" },
      "In ",
      h(
        "a",
        { href: `#/articles/${encodeURIComponent(claim.article)}`, lang: "th" },
        titles.get(claim.article) ?? claim.article,
      ),
      outlet ? [" · ", h("span", { class: "outlet" }, outlet)] : null,
    ),
  );
}
