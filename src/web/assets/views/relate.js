// @ts-check
// Relating claims by hand: find any claim by its text or source, compare it with this one, and
// propose a relation (type, rationale) that then waits in the review queue.
import { ApiError, askForToken, getData, request, storedToken, withQuery } from "../api.js";
import { claimCard, humanize } from "../components.js";
import { h } from "../dom.js";
import { RELATION_TYPES } from "../vocabulary.js";

/** @typedef {import("../types.js").Claim} Claim */
/** @typedef {import("../types.js").Source} Source */

const TOKEN_REASON = "Proposing a relation needs a reviewer token. It is kept for this browser tab only.";
const RESULTS = 20;

/** Where a relation is reviewed. @param {{ id: number, type: string }} relation */
function relationHref(relation) {
  return relation.type === "contradicts" ? `#/contradictions/${relation.id}` : `#/relations/${relation.id}`;
}

/**
 * A form proposing a relation from one claim to another: type and rationale.
 * @param {number} fromClaimId
 * @param {() => { id: number, label: string } | null} target the other claim, as chosen
 * @param {string} idPrefix keeps ids unique when a page has two forms
 */
export function proposeRelationForm(fromClaimId, target, idPrefix = "relate") {
  const type = h(
    "select",
    { id: `${idPrefix}-type`, name: "type" },
    RELATION_TYPES.map((t) => h("option", { value: t }, humanize(t))),
  );
  const rationale = h("textarea", {
    id: `${idPrefix}-rationale`,
    name: "rationale",
    rows: "3",
    maxlength: "4000",
    required: true,
  });
  const targetLine = h("p", { class: "relate-target" });
  const message = h("p", { class: "review-message", role: "status", "aria-live": "polite" });
  const submit = h("button", { type: "submit", class: "primary" }, "Propose relation");
  const form = h(
    "form",
    { class: "relate-form" },
    targetLine,
    h("div", { class: "field" }, h("label", { for: type.id }, "Relation type"), type),
    h("div", { class: "field" }, h("label", { for: rationale.id }, "Rationale"), rationale),
    h("p", { class: "help" }, "Say why the claims relate: the reviewer weighs this."),
    submit,
    message,
  );
  const showTarget = () => {
    const other = target();
    targetLine.textContent = other ? `This claim ${type.value} ${other.label}.` : "Choose the other claim first.";
    submit.disabled = other === null;
  };
  type.addEventListener("change", showTarget);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const other = target();
    if (!other) return;
    if (!storedToken() && !(await askForToken(TOKEN_REASON))) {
      message.textContent = "Not sent: a reviewer token is needed.";
      return;
    }
    message.textContent = "Saving…";
    try {
      const { body } = await request("/api/relations", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          fromClaimId,
          toClaimId: other.id,
          type: type.value,
          rationale: rationale.value.trim(),
        }),
      });
      rationale.value = "";
      message.replaceChildren(
        `Proposed: relation #${body.data.id}, waiting for review. `,
        h("a", { href: relationHref(body.data) }, "Open it"),
      );
    } catch (error) {
      const existing = error instanceof ApiError ? /** @type {any} */ (error.details)?.existing : null;
      if (error instanceof ApiError && error.code === "relation_exists" && existing) {
        message.replaceChildren(
          `Already recorded as relation #${existing.id}. `,
          h("a", { href: relationHref(existing) }, "Open it"),
        );
      } else {
        message.textContent = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  });
  showTarget();
  return { form, refresh: showTarget };
}

/**
 * "Compare with…": search every claim by text or source; each result can be compared side by
 * side or chosen for a relation proposal.
 * @param {Claim} claim
 * @param {Source[]} sources
 */
export function compareWithSection(claim, sources) {
  /** @type {{ id: number, label: string } | null} */
  let chosen = null;
  const q = h("input", { id: "compare-q", name: "q", type: "search" });
  const source = h(
    "select",
    { id: "compare-source", name: "source" },
    h("option", { value: "" }, "Any source"),
    [...sources].sort((a, b) => a.name.localeCompare(b.name)).map((s) => h("option", { value: s.slug }, s.name)),
  );
  const results = h("div", { class: "compare-results", "aria-live": "polite" });
  const proposer = proposeRelationForm(claim.id, () => chosen);
  const search = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Find a claim to compare with" },
    h("div", { class: "field" }, h("label", { for: q.id }, "Claim text"), q),
    h("div", { class: "field" }, h("label", { for: source.id }, "Source"), source),
    h("div", { class: "filter-actions" }, h("button", { type: "submit" }, "Find claims")),
  );
  search.addEventListener("submit", async (event) => {
    event.preventDefault();
    results.replaceChildren(h("p", { class: "loading" }, "Searching…"));
    /** @type {Claim[]} */
    const found = /** @type {Claim[]} */ (
      await getData(
        withQuery("/api/claims", { q: q.value.trim() || undefined, source: source.value || undefined, limit: "50" }),
      )
    )
      .filter((other) => other.id !== claim.id)
      .slice(0, RESULTS);
    results.replaceChildren(
      found.length === 0
        ? h("p", { class: "empty" }, "No other claim matches.")
        : h(
            "ol",
            { class: "proposal-list" },
            found.map((other) => {
              const label = `${other.speaker.name}: ${other.gloss}`;
              const pick = h(
                "button",
                { type: "button" },
                "Propose relation",
                h("span", { class: "visually-hidden" }, ` with ${label}`),
              );
              pick.addEventListener("click", () => {
                chosen = { id: other.id, label };
                proposer.refresh();
                proposer.form.querySelector("select")?.focus();
              });
              return h(
                "li",
                { class: "proposal", "data-claim-id": other.id },
                claimCard(other),
                h(
                  "p",
                  { class: "review-actions" },
                  h(
                    "a",
                    { class: "button", href: `#/compare?a=${claim.id}&b=${other.id}` },
                    "Compare side by side",
                    h("span", { class: "visually-hidden" }, ` with ${label}`),
                  ),
                  pick,
                ),
              );
            }),
          ),
    );
  });
  return h(
    "section",
    { class: "compare-with", "aria-labelledby": "compare-with-title" },
    h("h2", { id: "compare-with-title" }, "Compare with…"),
    h(
      "p",
      { class: "help" },
      "Find any stored claim by its words or its source, then compare or relate it to this one.",
    ),
    search,
    results,
    h("h3", {}, "Propose a relation"),
    proposer.form,
  );
}
