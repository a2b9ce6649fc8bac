// @ts-check
// Adding a claim to a stored article from its page: select a passage of the headline or the
// text, say who said it and through whom, and send it (POST /api/articles/:slug/claims). Every
// stored claim, relation and review stays as it is.
import { ApiError, askForToken, request, storedToken } from "../api.js";
import { humanize } from "../components.js";
import { announce, h } from "../dom.js";
import { CHAIN_ARROW, CLAIM_KINDS } from "../vocabulary.js";

/** @typedef {import("../types.js").ArticleDetail} ArticleDetail */
/** @typedef {import("../types.js").Source} Source */
/** @typedef {{ in: "body" | "title", start: number, end: number, quote: string }} Chosen */

const TOKEN_REASON = "Adding a claim needs a reviewer token. It is kept for this browser tab only.";
const NOTHING_SELECTED = "Select a passage of the headline or the text first, then “Use selection”.";
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * Code points of `container`'s text before (`node`, `offset`): the API's offsets.
 * @param {Node} container
 * @param {Node} node
 * @param {number} offset
 */
function codePointsBefore(container, node, offset) {
  const range = document.createRange();
  range.selectNodeContents(container);
  range.setEnd(node, offset);
  return Array.from(range.toString()).length;
}

/**
 * The passage selected inside `title` or `body`, in code points of that text, or null.
 * @param {HTMLElement} title
 * @param {HTMLElement} body
 * @returns {Chosen | null}
 */
export function selectedSpan(title, body) {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  for (const [where, box] of /** @type {const} */ ([
    ["title", title],
    ["body", body],
  ])) {
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) continue;
    const start = codePointsBefore(box, range.startContainer, range.startOffset);
    const end = codePointsBefore(box, range.endContainer, range.endOffset);
    if (end <= start) return null;
    return { in: where, start, end, quote: range.toString() };
  }
  return null;
}

/**
 * "kcbs:reporter > yonhap:relay" -> links; blank is no link. Throws naming a malformed part.
 * @param {string} text
 */
function parseVia(text) {
  return text
    .split(">")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [source = "", role = ""] = part.split(":").map((s) => s.trim());
      if (!source || (role !== "reporter" && role !== "relay"))
        throw new Error(`"${part}" is not slug:reporter or slug:relay`);
      return { source, role };
    });
}

/**
 * The form under an article's text: the span chosen, key, gloss, kind, speaker and the outlets
 * between the speaker and the publisher.
 * @param {ArticleDetail} article
 * @param {Source[]} sources stored sources, for the speaker and outlet choices
 * @param {{ title: HTMLElement, body: HTMLElement }} texts where a passage may be selected
 * @param {() => void} onAdded re-renders the article once the claim is stored
 */
export function addClaimSection(article, sources, texts, onAdded) {
  /** @type {Chosen | null} */
  let chosen = null;
  /** @type {Chosen | null} */
  let lastSelection = null;
  const remember = () => {
    const span = selectedSpan(texts.title, texts.body);
    if (span) lastSelection = span;
  };
  document.addEventListener("selectionchange", remember);

  const byName = [...sources].sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
  const spanLine = h("p", { class: "add-claim-span", "data-span": "" }, NOTHING_SELECTED);
  const useSelection = h("button", { type: "button" }, "Use selection");
  const key = /** @type {HTMLInputElement} */ (
    h("input", {
      id: "add-claim-key",
      name: "key",
      required: true,
      pattern: KEY_PATTERN.source,
      value: `added-${article.claims.length + 1}`,
    })
  );
  const gloss = /** @type {HTMLInputElement} */ (
    h("input", { id: "add-claim-gloss", name: "gloss", required: true, maxlength: "2000" })
  );
  const kind = h(
    "select",
    { id: "add-claim-kind", name: "kind" },
    CLAIM_KINDS.map((k) => h("option", { value: k }, humanize(k))),
  );
  const speaker = h(
    "select",
    { id: "add-claim-speaker", name: "speaker" },
    byName.map((s) =>
      h("option", { value: s.slug, selected: s.slug === article.publisher.slug }, `${s.name} (${s.slug})`),
    ),
  );
  const via = /** @type {HTMLInputElement} */ (
    h("input", {
      id: "add-claim-via",
      name: "via",
      placeholder: "tass:reporter",
      list: "add-claim-sources",
      spellcheck: "false",
    })
  );
  const slugs = h(
    "datalist",
    { id: "add-claim-sources" },
    byName.map((s) => h("option", { value: `${s.slug}:reporter` }, s.name)),
  );
  const chainPreview = h("p", { class: "chain-text", "data-chain-preview": "" });
  const message = h("div", { class: "review-message", role: "status", "aria-live": "polite" });
  const submit = h("button", { type: "submit", class: "primary" }, "Add claim");

  const nameOf = (/** @type {string} */ slug) => sources.find((s) => s.slug === slug)?.name ?? slug;
  /** The chain the fields make, speaker first, publisher last. */
  const chain = () => {
    const publisher = article.publisher.slug;
    const links = parseVia(via.value);
    if (speaker.value === publisher && links.length === 0) return [{ source: publisher, role: "speaker" }];
    return [{ source: speaker.value, role: "speaker" }, ...links, { source: publisher, role: "publisher" }];
  };
  const showChain = () => {
    try {
      const links = chain();
      via.setCustomValidity("");
      chainPreview.textContent = `Chain: ${links.map((link) => nameOf(link.source)).join(CHAIN_ARROW)}`;
    } catch (error) {
      via.setCustomValidity(error instanceof Error ? error.message : String(error));
      chainPreview.textContent = `Chain: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  speaker.addEventListener("change", showChain);
  via.addEventListener("input", showChain);

  useSelection.addEventListener("click", () => {
    const span = selectedSpan(texts.title, texts.body) ?? lastSelection;
    if (!span) {
      spanLine.textContent = NOTHING_SELECTED;
      return;
    }
    chosen = span;
    spanLine.replaceChildren(
      `${span.in === "title" ? "Headline" : "Text"}, code points ${span.start}–${span.end}: `,
      h("q", { lang: article.language }, span.quote),
    );
    spanLine.setAttribute("data-span", `${span.in}:${span.start}:${span.end}`);
    announce(`Span set: ${span.in === "title" ? "headline" : "text"} ${span.start} to ${span.end}`);
  });

  const form = h(
    "form",
    { class: "add-claim-form", "aria-labelledby": "add-claim-title" },
    h("h2", { id: "add-claim-title" }, "Add a claim"),
    h(
      "p",
      { class: "help" },
      "Select a passage of the headline or the text above, then “Use selection”. The sources must be stored already.",
    ),
    h("div", { class: "field" }, useSelection, spanLine),
    h(
      "div",
      { class: "edit-grid" },
      h("div", { class: "field" }, h("label", { for: key.id }, "Key"), key),
      h("div", { class: "field" }, h("label", { for: gloss.id }, "Gloss (what it says, in English)"), gloss),
      h("div", { class: "field" }, h("label", { for: kind.id }, "Kind"), kind),
      h("div", { class: "field" }, h("label", { for: speaker.id }, "Speaker"), speaker),
      h(
        "div",
        { class: "field" },
        h("label", { for: via.id }, "Through (slug:reporter > slug:relay, blank when quoted directly)"),
        via,
        slugs,
      ),
    ),
    chainPreview,
    submit,
    message,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!chosen) {
      message.textContent = `Not added: ${NOTHING_SELECTED}`;
      return;
    }
    /** @type {{ source: string, role: string }[]} */
    let links;
    try {
      links = chain();
    } catch (error) {
      message.textContent = `Not added: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    if (!storedToken() && !(await askForToken(TOKEN_REASON))) {
      message.textContent = "Not added: a reviewer token is needed.";
      return;
    }
    submit.disabled = true;
    message.textContent = "Saving…";
    try {
      await request(`/api/articles/${encodeURIComponent(article.slug)}/claims`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          claims: [
            {
              key: key.value.trim(),
              in: chosen.in,
              quote: chosen.quote,
              start: chosen.start,
              end: chosen.end,
              gloss: gloss.value.trim(),
              kind: kind.value,
              chains: [links],
            },
          ],
        }),
      });
      announce(`Claim ${key.value.trim()} added`);
      onAdded();
    } catch (error) {
      const details = error instanceof ApiError && Array.isArray(error.details) ? error.details : [];
      message.replaceChildren(
        h(
          "div",
          { class: "error", role: "alert" },
          h("p", {}, `Not added: ${error instanceof Error ? error.message : String(error)}`),
          details.length
            ? h(
                "ul",
                {},
                details.map((/** @type {{ path: string, message: string }} */ d) =>
                  h("li", {}, `${d.path}: ${d.message}`),
                ),
              )
            : null,
        ),
      );
    } finally {
      submit.disabled = false;
    }
  });
  showChain();
  return form;
}
