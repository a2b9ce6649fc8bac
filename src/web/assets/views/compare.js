// @ts-check
// The comparison view: both claims side by side, each quote in its article, and the review.
import { ApiError, askForToken, getData, request, storedToken, storeToken, versionFromEtag } from "../api.js";
import {
  articleWithTitle,
  claimFacts,
  claimHighlight,
  downloadLinks,
  formatUtc,
  humanize,
  orphanedBadge,
  scrollQuotesIntoView,
  sideName,
  sourceLink,
  statusBadge,
  statusLabel,
} from "../components.js";
import { announce, h } from "../dom.js";
import { proposeRelationForm } from "./relate.js";

/** @typedef {import("../types.js").ContradictionDetail} ContradictionDetail */
/** @typedef {import("../types.js").ComparisonSide} ComparisonSide */
/** @typedef {import("../types.js").ArticleDetail} ArticleDetail */
/** @typedef {import("../types.js").RelationSummary} RelationSummary */
/** @typedef {import("../types.js").RelationEvent} RelationEvent */
/** @typedef {import("../types.js").ReviewStatus} ReviewStatus */

const TOKEN_REASON = "Reviewing needs a reviewer token (ask an admin for one). It is kept for this browser tab only.";

/** Decisions a reviewer can take, in the order of the buttons. */
const DECISIONS = /** @type {const} */ ([
  ["confirmed", "Confirm"],
  ["dismissed", "Dismiss"],
  ["needs_evidence", "Needs evidence"],
  ["proposed", "Reopen as proposed"],
]);

/** @param {import("../app.js").Route} route */
export async function compareView({ params }) {
  const id = Number(params[0]);
  // Any relation type: the relation itself, then the comparison of its two claims.
  const relation = await loadRelation(id);
  /** @type {import("../types.js").Comparison} */
  const comparison = await getData(`/api/compare?a=${relation.relation.fromClaimId}&b=${relation.relation.toClaimId}`);
  /** @type {ContradictionDetail} */
  const detail = {
    ...relation.relation,
    sides: [briefOf(comparison.a.claim), briefOf(comparison.b.claim)],
    needsAttention: comparison.a.claim.anchor === "orphaned" || comparison.b.claim.anchor === "orphaned",
    comparison,
  };
  const { a, b } = detail.comparison;
  const contradiction = detail.type === "contradicts";
  const [articles, history] = await Promise.all([
    loadArticles([a.claim.article.slug, b.claim.article.slug]),
    loadHistory(id),
  ]);

  /** The relation as last seen, and the version the next review must name in If-Match. */
  const state = { relation: relation.relation, version: relation.version };
  const statusSlot = h("span", { class: "status-slot" }, statusBadge(state.relation.status));
  const versionSlot = h("span", { class: "version" }, `version ${state.version}`);
  const historySlot = h("div", { class: "history-slot" }, historyView(history));

  const sameArticle = detail.comparison.shared.sameArticle;
  const content = h(
    "section",
    { class: "compare", "data-relation-id": id },
    h("p", { class: "breadcrumb" }, h("a", { href: "#/contradictions" }, "← Review queue")),
    h(
      "h1",
      { tabindex: "-1" },
      `${sideName(a.claim, a.claim.chains[0]?.text ?? "")} ${contradiction ? "vs" : detail.type} ${sideName(b.claim, b.claim.chains[0]?.text ?? "")}`,
    ),
    h(
      "p",
      { class: "meta" },
      statusSlot,
      " ",
      h("span", { class: "badge" }, humanize(detail.type)),
      " ",
      h("span", { class: "badge" }, detail.origin),
      " ",
      `${contradiction ? "contradiction" : "relation"} #${id} · `,
      versionSlot,
    ),
    h("div", { class: "rationale-box" }, h("h2", {}, "Rationale"), h("p", {}, detail.rationale), sharedView(detail)),
    h(
      "div",
      { class: "sides" },
      sideView(a, "a", "A", articles, sameArticle ? b : null),
      sideView(b, "b", "B", articles, sameArticle ? a : null),
    ),
    h(
      "div",
      { class: "review-grid" },
      reviewPanel(
        id,
        state,
        (next) => {
          state.relation = next.relation;
          state.version = next.version;
          statusSlot.replaceChildren(statusBadge(next.relation.status));
          versionSlot.textContent = `version ${next.version}`;
        },
        async () => historySlot.replaceChildren(historyView(await loadHistory(id))),
      ),
      h(
        "section",
        { class: "history", "aria-labelledby": "history-title" },
        h("h2", { id: "history-title" }, "History"),
        historySlot,
      ),
    ),
    downloadLinks(
      sameArticle ? { article: a.claim.article.slug } : {},
      sameArticle ? "claims of this article" : "all claims",
    ),
  );
  return {
    title: `${contradiction ? "Contradiction" : "Relation"} #${id}`,
    content,
    onShown: () => scrollQuotesIntoView(content),
  };
}

/**
 * A side as the queue lists it.
 * @param {import("../types.js").Claim} claim
 * @returns {import("../types.js").ClaimBrief}
 */
function briefOf(claim) {
  return {
    id: claim.id,
    key: claim.key,
    article: claim.article.slug,
    quote: claim.quote,
    gloss: claim.gloss,
    kind: claim.kind,
    anchor: claim.anchor,
    speaker: claim.speaker,
    chain: claim.chains[0]?.text ?? "",
  };
}

/**
 * @param {string[]} slugs
 * @returns {Promise<Map<string, ArticleDetail>>}
 */
async function loadArticles(slugs) {
  const unique = [...new Set(slugs)];
  const articles = await Promise.all(unique.map((slug) => getData(`/api/articles/${encodeURIComponent(slug)}`)));
  return new Map(articles.map((article) => [article.slug, article]));
}

/**
 * The relation with the version its ETag names: what the next review's If-Match must say.
 * @param {number} id
 * @returns {Promise<{ relation: RelationSummary, version: number }>}
 */
async function loadRelation(id) {
  const { body, etag } = await request(`/api/relations/${id}`);
  return { relation: body.data, version: versionFromEtag(etag) ?? body.data.version };
}

/**
 * @param {number} id
 * @returns {Promise<RelationEvent[] | ApiError>}
 */
async function loadHistory(id) {
  try {
    return await getData(`/api/relations/${id}/history`);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

/** @param {ContradictionDetail} detail */
function sharedView(detail) {
  const { shared, relations } = detail.comparison;
  const others = relations.filter((relation) => relation.id !== detail.id);
  return [
    h(
      "p",
      { class: "shared" },
      shared.sameSpeaker ? "Same speaker. " : "Different speakers. ",
      shared.sameArticle ? "Same article. " : "Different articles. ",
      shared.sources.length
        ? ["Sources in both chains: ", shared.sources.map((source, i) => [i ? ", " : "", sourceLink(source)])]
        : "No source in both chains.",
    ),
    others.length
      ? h(
          "p",
          {},
          "Other relations between these claims: ",
          others.map((r, i) => [i ? "; " : "", `${humanize(r.type)} (${statusLabel(r.status)})`]),
        )
      : null,
  ];
}

/**
 * One side: the claim's facts, chains and its quote highlighted in the article text.
 * @param {ComparisonSide} side
 * @param {string} key "a" or "b"
 * @param {string} label
 * @param {Map<string, ArticleDetail>} articles
 * @param {ComparisonSide | null} other the other side when it is in the same article
 */
function sideView(side, key, label, articles, other) {
  const claim = side.claim;
  const article = articles.get(claim.article.slug);
  const titleId = `side-${key}-title`;
  // An orphaned claim's span is into an earlier revision of its article: not drawn in this text.
  const anchored = (/** @type {import("../types.js").Claim} */ c) => c.anchor !== "orphaned";
  const highlights = [
    ...(anchored(claim) ? [claimHighlight(claim, { title: `${label}: ${claim.gloss}`, className: "mark-self" })] : []),
    ...(other && anchored(other.claim)
      ? [claimHighlight(other.claim, { title: `Other side: ${other.claim.gloss}`, className: "mark-other" })]
      : []),
  ];
  return h(
    "section",
    { class: `side side-${key}`, "data-side": key, "data-claim-id": claim.id, "aria-labelledby": titleId },
    h(
      "h2",
      { id: titleId },
      h("span", { class: "side-letter" }, label),
      " ",
      sideName(claim, claim.chains[0]?.text ?? ""),
    ),
    h("blockquote", { class: "quote", lang: article?.language ?? "th" }, claim.quote),
    anchored(claim)
      ? null
      : h(
          "p",
          { class: "notice attention" },
          orphanedBadge(),
          " A correction of the article removed this quote: check the relation against the corrected text.",
        ),
    h(
      "p",
      { class: "hop-summary" },
      `Hop distance ${side.hopDistance} (speaker to publisher)`,
      side.throughStateMedia ? h("span", { class: "badge warn" }, "via state media") : null,
      side.throughAnonymous ? h("span", { class: "badge warn" }, "via anonymous source") : null,
    ),
    claimFacts(claim, article?.publishedAt ?? null),
    h("h3", {}, "In the article"),
    article
      ? h(
          "div",
          {
            class: "article-scroll",
            tabindex: "0",
            role: "region",
            "aria-label": `Article text with ${label}'s quote highlighted`,
          },
          articleWithTitle(article, highlights),
        )
      : h("p", {}, "The article text is not available."),
    h(
      "p",
      {},
      h("a", { href: `#/claims/${claim.id}` }, `Claim ${claim.key}`),
      " · ",
      h("a", { href: `#/articles/${encodeURIComponent(claim.article.slug)}` }, "Whole article with every claim"),
    ),
  );
}

/** @param {RelationEvent[] | ApiError} history */
function historyView(history) {
  if (history instanceof ApiError)
    return h("p", { class: "error", role: "alert" }, `History unavailable: ${history.message}`);
  if (history.length === 0) return h("p", { class: "empty" }, "No review yet.");
  return h(
    "ol",
    { class: "history-list" },
    history.map((event) =>
      h(
        "li",
        { "data-version": event.version },
        h("time", { datetime: event.createdAt }, formatUtc(event.createdAt)),
        " ",
        h("strong", {}, event.actor),
        ": ",
        event.fromStatus ? [statusLabel(event.fromStatus), " → "] : "recorded as ",
        statusBadge(event.toStatus),
        ` (version ${event.version})`,
        event.note ? h("p", { class: "note" }, event.note) : null,
      ),
    ),
  );
}

/**
 * Confirm / dismiss / needs evidence with a note. Sends If-Match with the version last seen; a
 * 409 means someone else decided first, and the panel says so and shows their decision.
 * @param {number} id
 * @param {{ relation: RelationSummary, version: number }} state
 * @param {(next: { relation: RelationSummary, version: number }) => void} onChange
 * @param {() => Promise<void>} reloadHistory
 */
function reviewPanel(id, state, onChange, reloadHistory) {
  const note = h("textarea", {
    id: "review-note",
    name: "note",
    rows: "3",
    maxlength: "2000",
    "aria-describedby": "review-note-help",
  });
  const message = h("p", { class: "review-message", role: "status", "aria-live": "polite" });
  const conflictBox = h("div", { class: "conflict", role: "alert", hidden: true });
  const tokenLine = h("p", { class: "token-line" });
  const buttons = DECISIONS.map(([status, label]) =>
    h(
      "button",
      {
        type: "submit",
        name: "status",
        value: status,
        class: status === "confirmed" ? "primary" : "",
        "data-decision": status,
      },
      label,
    ),
  );

  // The decision the relation already has is not offered again.
  const syncButtons = () => {
    for (const button of buttons) {
      const current = button.value === state.relation.status;
      button.disabled = current;
      if (current) button.setAttribute("aria-describedby", "review-current");
      else button.removeAttribute("aria-describedby");
    }
  };
  syncButtons();
  // The buttons show a new status as soon as it is known, not once the history has reloaded.
  /** @param {{ relation: RelationSummary, version: number }} next */
  const adopt = (next) => {
    onChange(next);
    syncButtons();
  };

  const showToken = () => {
    tokenLine.replaceChildren(
      ...(storedToken()
        ? [
            "A token is set for this tab. ",
            h(
              "button",
              {
                type: "button",
                class: "link-button",
                onclick: () => {
                  storeToken(null);
                  showToken();
                  announce("Token forgotten");
                },
              },
              "Forget token",
            ),
          ]
        : ["You will be asked for a reviewer token on your first decision."]),
    );
  };
  showToken();

  const form = h(
    "form",
    { class: "review-form" },
    h("label", { for: "review-note" }, "Note (optional)"),
    note,
    h("p", { id: "review-note-help", class: "help" }, "Say why: it is kept in the history with your name."),
    h("div", { class: "review-actions", role: "group", "aria-label": "Decision" }, buttons),
    h("p", { id: "review-current", class: "help" }, "The greyed decision is the relation's current status."),
    message,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const submitter = /** @type {SubmitEvent} */ (event).submitter;
    const status = /** @type {ReviewStatus} */ (submitter instanceof HTMLButtonElement ? submitter.value : "");
    if (!status) return;
    if (!storedToken() && !(await askForToken(TOKEN_REASON))) {
      message.textContent = "Not sent: a reviewer token is needed.";
      return;
    }
    showToken();
    for (const button of buttons) button.disabled = true;
    message.textContent = "Saving…";
    conflictBox.hidden = true;
    try {
      const text = note.value.trim();
      const { body, etag } = await request(`/api/relations/${id}/review`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "If-Match": `"${state.version}"` },
        body: JSON.stringify({ status, ...(text ? { note: text } : {}) }),
      });
      adopt({ relation: body.data, version: versionFromEtag(etag) ?? body.data.version });
      note.value = "";
      message.textContent = `Saved: ${statusLabel(body.data.status)} (version ${body.data.version}).`;
      await reloadHistory();
    } catch (error) {
      message.textContent = "";
      if (error instanceof ApiError && error.code === "stale_version") {
        const current = /** @type {{ current?: RelationSummary } | null} */ (error.details)?.current;
        if (current) adopt({ relation: current, version: current.version });
        conflictBox.replaceChildren(
          h("strong", {}, "Not saved: someone else reviewed this relation first. "),
          current ? `It is now ${statusLabel(current.status)} (version ${current.version}). ` : "",
          "Your note is still in the box: read the history, then decide again.",
        );
        conflictBox.hidden = false;
        await reloadHistory();
      } else if (error instanceof ApiError && error.status === 403) {
        message.textContent = "Not saved: this token's role may not review (a reviewer or admin token is needed).";
      } else if (error instanceof ApiError && error.status === 401) {
        message.textContent = "Not saved: the token was not accepted.";
      } else {
        message.textContent = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
      }
      showToken();
    } finally {
      syncButtons();
    }
  });

  return h(
    "section",
    { class: "review", "aria-labelledby": "review-title" },
    h("h2", { id: "review-title" }, "Your review"),
    conflictBox,
    form,
    tokenLine,
  );
}

/**
 * Any two claims side by side (`#/compare?a=1&b=2`), with the relations recorded between them
 * and a form to propose one.
 * @param {import("../app.js").Route} route
 */
export async function pairView({ query }) {
  const a = Number(query.get("a"));
  const b = Number(query.get("b"));
  /** @type {import("../types.js").Comparison} */
  const comparison = await getData(`/api/compare?a=${a}&b=${b}`);
  const articles = await loadArticles([comparison.a.claim.article.slug, comparison.b.claim.article.slug]);
  const sameArticle = comparison.shared.sameArticle;
  const name = (/** @type {ComparisonSide} */ side) => sideName(side.claim, side.claim.chains[0]?.text ?? "");
  const proposer = proposeRelationForm(
    comparison.a.claim.id,
    () => ({ id: comparison.b.claim.id, label: `B (${name(comparison.b)})` }),
    "pair",
  );
  const content = h(
    "section",
    { class: "compare pair-compare" },
    h("p", { class: "breadcrumb" }, h("a", { href: `#/claims/${comparison.a.claim.id}` }, "← Claim A")),
    h("h1", { tabindex: "-1" }, `${name(comparison.a)} and ${name(comparison.b)}`),
    h(
      "div",
      { class: "rationale-box" },
      h("h2", {}, "Recorded between them"),
      comparison.relations.length
        ? h(
            "ul",
            {},
            comparison.relations.map((r) =>
              h(
                "li",
                {},
                statusBadge(r.status),
                " ",
                h(
                  "a",
                  { href: r.type === "contradicts" ? `#/contradictions/${r.id}` : `#/relations/${r.id}` },
                  `${humanize(r.type)} #${r.id}`,
                ),
                ` ${r.rationale}`,
              ),
            ),
          )
        : h("p", { class: "empty" }, "No relation recorded between these claims."),
    ),
    h(
      "div",
      { class: "sides" },
      sideView(comparison.a, "a", "A", articles, sameArticle ? comparison.b : null),
      sideView(comparison.b, "b", "B", articles, sameArticle ? comparison.a : null),
    ),
    h(
      "section",
      { class: "review", "aria-labelledby": "pair-propose-title" },
      h("h2", { id: "pair-propose-title" }, "Propose a relation from A to B"),
      proposer.form,
    ),
  );
  return { title: "Compare two claims", content, onShown: () => scrollQuotesIntoView(content) };
}
