// @ts-check
// A new article: paste its text, review what the extractor proposes (article fields, claims,
// sources, relations), import what was accepted. The review lives in this tab's sessionStorage,
// so a token prompt, a reload or proposing the same text again keeps every decision.
import { ApiError, askForToken, getAll, getData, request, storedToken } from "../api.js";
import { humanize } from "../components.js";
import { announce, h } from "../dom.js";
import {
  assembleSheet,
  bestMatches,
  carryReview,
  claimSignature,
  importBlocker,
  joinOffset,
  normaliseName,
  PLACEHOLDER_PUBLISHER,
  relationCandidates,
  slugForName,
  splitOffset,
} from "../sheet.js";
import { cutIntoRuns, sliceSpan } from "../spans.js";
import { CHAIN_ROLES, CLAIM_KINDS, SOURCE_KINDS } from "../vocabulary.js";

/** @typedef {import("../sheet.js").Extraction} Extraction */
/** @typedef {import("../sheet.js").Review} Review */
/** @typedef {import("../sheet.js").RelationCandidate} RelationCandidate */
/** @typedef {import("../sheet.js").SheetClaim} SheetClaim */
/** @typedef {import("../sheet.js").SheetSource} SheetSource */
/** @typedef {import("../types.js").Source} Source */
/** @typedef {import("../types.js").ClaimDetail} ClaimDetail */
/** @typedef {import("../types.js").ArticleDetail} ArticleDetail */
/**
 * @typedef {{ text: string, language: string, extraction: Extraction | null, review: Review | null,
 *   stored: Array<[number, { ref: string, quote: string, speaker: string }]>, proposedAt: string }} Draft
 */

const DRAFT_KEY = "claimtrail.newArticle";
const IMPORT_REASON = "Importing needs a reviewer token (ask an admin for one). It is kept for this browser tab only.";
const NO_DATE = "The text names no date: the extractor put in the time you proposed. Set the publication time.";
const OFFSETS = ["+07:00", "+00:00", "+01:00", "+02:00", "+03:00", "+05:30", "+08:00", "+09:00", "-05:00", "-04:00"];

/** @returns {Draft} */
function emptyDraft() {
  return { text: "", language: "", extraction: null, review: null, stored: [], proposedAt: "" };
}

/** @returns {Draft} */
function loadDraft() {
  try {
    const saved = sessionStorage.getItem(DRAFT_KEY);
    return saved ? { ...emptyDraft(), ...JSON.parse(saved) } : emptyDraft();
  } catch {
    return emptyDraft();
  }
}

/** @param {Draft} draft */
function saveDraft(draft) {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // A full or disabled storage: the review then lasts as long as the page.
  }
}

let ids = 0;
/** A fresh element id for a label's `for`. @param {string} stem */
function nextId(stem) {
  ids += 1;
  return `${stem}-${ids}`;
}

/**
 * A labelled control: the label is tied by `for`, and help text by `aria-describedby`.
 * @param {string} label
 * @param {HTMLElement} control
 * @param {string | Node | null} [help]
 */
function field(label, control, help = null) {
  if (!control.id) control.id = nextId("field");
  const helpNode = help ? h("p", { class: "help", id: `${control.id}-help` }, help) : null;
  if (helpNode) control.setAttribute("aria-describedby", helpNode.id);
  return h("div", { class: "field" }, h("label", { for: control.id }, label), control, helpNode);
}

/**
 * @param {string} name
 * @param {ReadonlyArray<string | [string, string]>} options
 * @param {string} value
 */
function selectOf(name, options, value) {
  return h(
    "select",
    { name },
    options.map((option) => {
      const [optionValue, optionLabel] = Array.isArray(option) ? option : [option, humanize(option)];
      return h("option", { value: optionValue, selected: optionValue === value }, optionLabel);
    }),
  );
}

/** "a:speaker > b:publisher" @param {{ source: string, role: string }[]} chain */
export function formatChain(chain) {
  return chain.map((link) => `${link.source}:${link.role}`).join(" > ");
}

/**
 * Parses "slug:role > slug:role"; throws with the reason when a link is malformed.
 * @param {string} text
 */
export function parseChain(text) {
  const links = text
    .split(">")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [source = "", role = ""] = part.split(":").map((s) => s.trim());
      if (!source || !(/** @type {readonly string[]} */ (CHAIN_ROLES).includes(role)))
        throw new Error(`"${part}" is not slug:role (role one of ${CHAIN_ROLES.join(", ")})`);
      return { source, role };
    });
  if (links.length === 0) throw new Error("a chain needs at least one link");
  return links;
}

/** @param {import("../app.js").Route} _route */
export async function newArticleView(_route) {
  /** @type {Source[]} */
  const stored = await getAll("/api/sources");
  const draft = loadDraft();
  const status = h("p", { class: "review-message", role: "status", "aria-live": "polite" });
  const reviewSlot = h("div", { class: "review-slot" });

  const text = /** @type {HTMLTextAreaElement} */ (
    h("textarea", { id: "new-text", name: "text", rows: "10", required: true, lang: "th" })
  );
  text.value = draft.text;
  const language = selectOf(
    "language",
    [
      ["", "Detect"],
      ["th", "Thai"],
      ["en", "English"],
    ],
    draft.language,
  );
  language.id = "new-language";
  const form = h(
    "form",
    { class: "paste-form" },
    field("Article text", text, "Paste the whole text as published: headline first, then the body."),
    h(
      "div",
      { class: "row" },
      field("Language", language),
      h("div", { class: "filter-actions" }, h("button", { type: "submit", class: "primary" }, "Propose claims")),
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = text.value;
    if (!body.trim()) return;
    status.textContent = "Reading the text…";
    try {
      /** @type {Extraction} */
      const extraction = await getDataPost("/api/extract", {
        text: body,
        ...(language.value ? { language: language.value } : {}),
      });
      const storedRefs = await loadStoredRefs(extraction);
      const candidates = relationCandidates(extraction, storedRefs);
      const sameText = draft.text === body && draft.review !== null;
      draft.text = body;
      draft.language = language.value;
      draft.extraction = extraction;
      draft.stored = [...storedRefs];
      draft.proposedAt = new Date().toISOString();
      draft.review = carryReview(sameText ? draft.review : null, extraction, candidates);
      saveDraft(draft);
      const kept = sameText ? " Your earlier decisions are kept." : "";
      status.textContent = `${extraction.sheet.claims.length} claims and ${candidates.length} relations proposed. Review each, then import.${kept}`;
      showReview();
    } catch (error) {
      status.textContent = `Not proposed: ${describe(error)}`;
    }
  });

  const showReview = () => {
    if (!draft.extraction || !draft.review) return reviewSlot.replaceChildren();
    reviewSlot.replaceChildren(reviewStep(draft, stored, () => saveDraft(draft)));
  };
  showReview();

  const content = h(
    "section",
    { class: "new-article" },
    h("h1", { tabindex: "-1" }, "New article"),
    h(
      "p",
      { class: "lede" },
      "Paste a news text; claimtrail proposes its claims, speakers, chains and relations. Accept, edit or reject each, then import what you accepted.",
    ),
    form,
    status,
    reviewSlot,
  );
  return { title: "New article", content };
}

/**
 * POST JSON, and the answer's `data`.
 * @param {string} path
 * @param {unknown} body
 */
async function getDataPost(path, body) {
  const { body: answer } = await request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return answer.data;
}

/**
 * `article-slug/key`, quote and speaker of each stored claim the extraction relates the new
 * claims to: those of the stored contradictions, and those the sheet's relations name.
 * @param {Extraction} extraction
 */
async function loadStoredRefs(extraction) {
  /** @type {Map<number, { ref: string, quote: string, speaker: string }>} */
  const refs = new Map();
  const slugs = new Set(
    extraction.sheet.relations
      .flatMap((relation) => [relation.from, relation.to])
      .filter((ref) => ref.includes("/"))
      .map((ref) => ref.slice(0, ref.indexOf("/"))),
  );
  for (const stored of extraction.storedContradictions ?? []) slugs.add(stored.articleSlug);
  await Promise.all(
    [...slugs].map(async (slug) => {
      /** @type {ArticleDetail} */
      const article = await getData(`/api/articles/${encodeURIComponent(slug)}`);
      for (const claim of article.claims)
        refs.set(claim.id, { ref: `${slug}/${claim.key}`, quote: claim.quote, speaker: claim.speaker.name });
    }),
  );
  return refs;
}

/** @param {unknown} error */
function describe(error) {
  if (error instanceof ApiError) {
    const details = Array.isArray(error.details)
      ? error.details.map((/** @type {any} */ d) => `${d.path}: ${d.message}`).join("; ")
      : "";
    return `${error.message}${details ? ` (${details})` : ""}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The review step: article fields, the text with the claims highlighted, claims, sources,
 * relations, then the import.
 * @param {Draft} draft
 * @param {Source[]} stored
 * @param {() => void} save
 */
function reviewStep(draft, stored, save) {
  const extraction = /** @type {Extraction} */ (draft.extraction);
  const review = /** @type {Review} */ (draft.review);
  const { sheet, proposals } = extraction;
  const candidates = relationCandidates(extraction, new Map(draft.stored));
  const body = sheet.article.body;
  const bodyBox = h("div", { class: "article-text review-body", lang: sheet.article.language });
  // The headline, where a headline claim's span is (`in: "title"`): drawn and selectable like the body.
  const titleBox = h("p", { class: "article-title review-title", lang: sheet.article.language });
  const titleText = () => review.article.title.trim() || sheet.article.title;
  const counts = h("span", { class: "counts" });
  /** @type {(() => void)[]} */
  const refreshers = [];
  const refresh = () => {
    save();
    for (const update of refreshers) update();
  };

  const current = (/** @type {SheetClaim} */ claim) => ({
    ...claim,
    ...(review.claims[claimSignature(claim)]?.edits ?? {}),
  });
  const decisionOf = (/** @type {SheetClaim} */ claim) =>
    review.claims[claimSignature(claim)] ?? { status: "proposed", edits: {} };

  const drawText = (/** @type {HTMLElement} */ box, /** @type {string} */ text, /** @type {boolean} */ title) => {
    const live = sheet.claims
      .filter((claim) => decisionOf(claim).status !== "rejected")
      .map((claim) => ({ ...current(claim), claimKey: claim.key, status: decisionOf(claim).status }))
      .filter((claim) => (claim.in === "title") === title);
    const runs = cutIntoRuns(text, live);
    let at = 0;
    box.replaceChildren(
      ...runs.map((run) => {
        const start = at;
        at += Array.from(run.text).length;
        const inner = [...run.spans].sort((a, b) => a.end - a.start - (b.end - b.start))[0];
        if (!inner) return h("span", { "data-start": start }, run.text);
        return h(
          "mark",
          {
            class: `mark-claim decision-${inner.status}`,
            "data-start": start,
            "data-claim": inner.claimKey,
            title: inner.claimKey,
          },
          run.text,
        );
      }),
    );
  };
  const drawBody = () => {
    drawText(titleBox, titleText(), true);
    drawText(bodyBox, body, false);
  };
  refreshers.push(drawBody);
  refreshers.push(() => {
    const accepted = sheet.claims.filter((claim) => decisionOf(claim).status === "accepted").length;
    const relations = candidates.filter((c) => review.relations[c.id] === "accepted").length;
    counts.textContent = `${accepted} of ${sheet.claims.length} claims and ${relations} of ${candidates.length} relations accepted`;
  });

  // Clicking a button may clear the selection first: keep the last one made in the text.
  /** @type {{ in: "body" | "title", start: number, end: number } | null} */
  let lastSelection = null;
  const selectionInBody = () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const inTitle = titleBox.contains(range.startContainer);
    const box = inTitle ? titleBox : bodyBox;
    const offsetOf = (/** @type {Node} */ node, /** @type {number} */ offset) => {
      const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : /** @type {Element} */ (node);
      const holder = element?.closest("[data-start]");
      if (!holder || !box.contains(holder)) return null;
      const before = node.nodeType === Node.TEXT_NODE ? /** @type {Text} */ (node).data.slice(0, offset) : "";
      return Number(holder.getAttribute("data-start")) + Array.from(before).length;
    };
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    return start === null || end === null || end <= start
      ? null
      : { in: /** @type {"body" | "title"} */ (inTitle ? "title" : "body"), start, end };
  };
  const onSelection = () => {
    const chosen = selectionInBody();
    if (chosen) lastSelection = chosen;
  };
  document.addEventListener("selectionchange", onSelection);

  const message = h("div", { class: "import-result", role: "status", "aria-live": "polite" });

  const claimList = h(
    "ol",
    { class: "proposal-list" },
    sheet.claims.map((claim) =>
      claimProposalCard(claim, {
        proposal: proposals.claims.find((p) => p.key === claim.key),
        decision: () => decisionOf(claim),
        current: () => current(claim),
        set: (status) => {
          const decision = decisionOf(claim);
          review.claims[claimSignature(claim)] = { ...decision, status };
          refresh();
        },
        edit: (changes) => {
          const decision = decisionOf(claim);
          review.claims[claimSignature(claim)] = { ...decision, edits: { ...decision.edits, ...changes } };
          refresh();
        },
        useSelection: () => {
          const chosen = selectionInBody() ?? lastSelection;
          if (!chosen) return "Select a passage of the text first.";
          lastSelection = null;
          const decision = decisionOf(claim);
          const text = chosen.in === "title" ? titleText() : body;
          review.claims[claimSignature(claim)] = {
            ...decision,
            edits: { ...decision.edits, ...chosen, quote: sliceSpan(text, chosen) },
          };
          refresh();
          return `${claim.key}: span set to ${chosen.in === "title" ? "the title's " : ""}${chosen.start}–${chosen.end}.`;
        },
        refreshers,
      }),
    ),
  );

  const relationList = candidates.length
    ? h(
        "ol",
        { class: "proposal-list" },
        candidates.map((candidate) =>
          relationCandidateCard(candidate, sheet, {
            decision: () => review.relations[candidate.id] ?? "proposed",
            set: (status) => {
              review.relations[candidate.id] = status;
              refresh();
            },
            refreshers,
          }),
        ),
      )
    : h("p", { class: "empty" }, "No relation proposed.");

  const bulk = h(
    "div",
    { class: "bulk", role: "group", "aria-label": "Every proposal" },
    h(
      "button",
      {
        type: "button",
        onclick: () => {
          for (const claim of sheet.claims)
            if (decisionOf(claim).status === "proposed")
              review.claims[claimSignature(claim)] = { ...decisionOf(claim), status: "accepted" };
          for (const c of candidates)
            if ((review.relations[c.id] ?? "proposed") === "proposed") review.relations[c.id] = "accepted";
          refresh();
          announce("Every undecided claim and relation accepted");
        },
      },
      "Accept all undecided",
    ),
    h(
      "button",
      {
        type: "button",
        onclick: () => {
          for (const claim of sheet.claims)
            review.claims[claimSignature(claim)] = { ...decisionOf(claim), status: "rejected" };
          for (const c of candidates) review.relations[c.id] = "rejected";
          refresh();
          announce("Every claim and relation rejected");
        },
      },
      "Reject all",
    ),
  );

  const importButton = h("button", { type: "button", class: "primary", "data-action": "import" }, "Import accepted");
  importButton.addEventListener("click", () => void importAccepted(draft, candidates, message, importButton));

  const step = h(
    "div",
    { class: "review-step" },
    articleFields(draft, stored, save),
    h("h2", {}, "Claims ", counts),
    bulk,
    h(
      "div",
      { class: "article-layout" },
      h(
        "div",
        { class: "article-body" },
        h("h3", {}, "Text"),
        h(
          "p",
          { class: "help" },
          "Select a passage of the headline or the text, then “Use selection” on a claim to move its span.",
        ),
        h("h4", { class: "visually-hidden" }, "Headline"),
        titleBox,
        h(
          "div",
          {
            class: "article-scroll",
            tabindex: "0",
            role: "region",
            "aria-label": "Article text with the proposed claims",
          },
          bodyBox,
        ),
      ),
      h("div", { class: "article-claims" }, claimList),
    ),
    h("h2", {}, "Proposed sources"),
    sourceChoices(sheet, review, stored, save),
    h("h2", {}, "Relations"),
    h("p", { class: "help" }, "Accepted relations are imported as proposed, and wait in the queue for review."),
    relationList,
    proposals.warnings.length
      ? [
          h("h2", {}, "Warnings"),
          h(
            "ul",
            { class: "warnings" },
            proposals.warnings.map((w) => h("li", {}, w)),
          ),
        ]
      : null,
    h("div", { class: "import-actions" }, importButton),
    message,
  );
  for (const update of refreshers) update();
  return step;
}

/**
 * @typedef {{ proposal: import("../sheet.js").ClaimProposal | undefined,
 *   decision: () => import("../sheet.js").ClaimDecision, current: () => SheetClaim,
 *   set: (status: "accepted" | "rejected" | "proposed") => void, edit: (changes: Partial<SheetClaim>) => void,
 *   useSelection: () => string, refreshers: (() => void)[] }} ClaimCardHooks
 */

/**
 * One proposed claim: quote, chain, why it was proposed, edits and the decision.
 * @param {SheetClaim} claim
 * @param {ClaimCardHooks} hooks
 */
function claimProposalCard(claim, hooks) {
  const { proposal } = hooks;
  const edited = hooks.current();
  const quote = h("p", { class: "quote", lang: "th" });
  const chainLine = h("p", { class: "chain-text" });
  const spanNote = h("span", { class: "span-note" });
  const headlineBadge = h("span", { class: "badge headline-badge", hidden: true }, "headline");
  const note = h("p", { class: "help", role: "status" });
  const accept = h("button", { type: "button", "data-decision": "accepted" }, "Accept");
  const reject = h("button", { type: "button", "data-decision": "rejected" }, "Reject");
  accept.addEventListener("click", () => hooks.set("accepted"));
  reject.addEventListener("click", () => hooks.set("rejected"));
  const label = h("span", { class: "visually-hidden" }, ` claim ${claim.key}`);
  accept.append(label.cloneNode(true));
  reject.append(label.cloneNode(true));

  const gloss = /** @type {HTMLInputElement} */ (h("input", { name: "gloss", value: edited.gloss }));
  gloss.addEventListener("change", () => hooks.edit({ gloss: gloss.value.trim() || claim.gloss }));
  const kind = selectOf("kind", CLAIM_KINDS, edited.kind);
  kind.addEventListener("change", () => hooks.edit({ kind: kind.value }));
  const hedged = /** @type {HTMLInputElement} */ (
    h("input", { type: "checkbox", name: "hedged", checked: edited.hedged })
  );
  hedged.id = nextId("hedged");
  hedged.addEventListener("change", () => hooks.edit({ hedged: hedged.checked }));
  const chain = /** @type {HTMLInputElement} */ (
    h("input", { name: "chain", value: formatChain(edited.chains[0] ?? []) })
  );
  chain.addEventListener("change", () => {
    try {
      hooks.edit({ chains: [parseChain(chain.value)] });
      chain.setCustomValidity("");
    } catch (error) {
      chain.setCustomValidity(error instanceof Error ? error.message : String(error));
      chain.reportValidity();
    }
  });
  const statedOn = /** @type {HTMLInputElement} */ (
    h("input", { type: "date", name: "statedOn", value: edited.statedOn ?? "" })
  );
  statedOn.addEventListener("change", () => hooks.edit({ statedOn: statedOn.value || null }));
  const useSelection = h("button", { type: "button" }, "Use selection as the quote");
  useSelection.addEventListener("click", () => {
    note.textContent = hooks.useSelection();
  });

  const item = h(
    "li",
    { class: "proposal", "data-key": claim.key, "data-signature": claimSignature(claim) },
    quote,
    chainLine,
    h(
      "p",
      { class: "meta" },
      h("span", { class: "badge" }, claim.key),
      " ",
      headlineBadge,
      proposal
        ? [`cue “${proposal.cue}” · ${proposal.stance} · confidence ${proposal.confidence} · ${proposal.rule}`]
        : null,
    ),
    proposal?.explanation ? h("p", { class: "help" }, proposal.explanation) : null,
    h(
      "details",
      {},
      h("summary", {}, "Edit ", h("span", { class: "visually-hidden" }, `claim ${claim.key}`)),
      h(
        "div",
        { class: "edit-grid" },
        field("Gloss", gloss),
        field("Kind", kind),
        h("div", { class: "field checkbox" }, hedged, h("label", { for: hedged.id }, "Hedged")),
        field("Chain (slug:role > …)", chain),
        field("Stated on", statedOn),
        h("div", { class: "field" }, useSelection, spanNote),
      ),
    ),
    h(
      "div",
      { class: "review-actions", role: "group", "aria-label": `Decision on claim ${claim.key}` },
      accept,
      reject,
    ),
    note,
  );
  hooks.refreshers.push(() => {
    const now = hooks.current();
    const status = hooks.decision().status;
    item.setAttribute("data-status", status);
    quote.textContent = now.quote;
    headlineBadge.hidden = now.in !== "title";
    chainLine.textContent = (now.chains[0] ?? []).map((link) => `${link.source} (${link.role})`).join(" → ");
    spanNote.textContent = ` now ${now.in === "title" ? "title " : ""}${now.start}–${now.end}`;
    accept.setAttribute("aria-pressed", String(status === "accepted"));
    reject.setAttribute("aria-pressed", String(status === "rejected"));
  });
  return item;
}

/**
 * One proposed relation: both claims' quotes (a stored one by its article and key), the rule and
 * the rationale, and the decision.
 * @param {RelationCandidate} candidate
 * @param {import("../sheet.js").ClaimSheet} sheet
 * @param {{ decision: () => string, set: (status: "accepted" | "rejected") => void, refreshers: (() => void)[] }} hooks
 */
function relationCandidateCard(candidate, sheet, hooks) {
  const side = (/** @type {string} */ ref) => {
    const claim = sheet.claims.find((c) => c.key === ref);
    if (claim)
      return h(
        "span",
        {},
        h("span", { class: "badge" }, ref),
        " ",
        h("q", { lang: sheet.article.language }, claim.quote),
      );
    const stored = candidate.stored?.ref === ref ? candidate.stored : null;
    return h(
      "span",
      {},
      h("span", { class: "badge warn" }, `stored ${ref}`),
      stored?.speaker ? ` ${stored.speaker}: ` : " ",
      stored?.quote ? h("q", { lang: "th" }, stored.quote) : null,
    );
  };
  const name = `${candidate.from} ${candidate.type} ${candidate.to}`;
  const accept = h(
    "button",
    { type: "button", "data-decision": "accepted" },
    "Accept",
    h("span", { class: "visually-hidden" }, ` relation ${name}`),
  );
  const reject = h(
    "button",
    { type: "button", "data-decision": "rejected" },
    "Reject",
    h("span", { class: "visually-hidden" }, ` relation ${name}`),
  );
  accept.addEventListener("click", () => hooks.set("accepted"));
  reject.addEventListener("click", () => hooks.set("rejected"));
  const item = h(
    "li",
    { class: "proposal relation-candidate", "data-relation": candidate.id, "data-type": candidate.type },
    h("p", {}, side(candidate.from), h("strong", {}, ` ${humanize(candidate.type)} `), side(candidate.to)),
    h("p", { class: "meta" }, h("span", { class: "badge" }, candidate.rule), " ", candidate.rationale),
    h("div", { class: "review-actions", role: "group", "aria-label": `Decision on relation ${name}` }, accept, reject),
  );
  hooks.refreshers.push(() => {
    const status = hooks.decision();
    item.setAttribute("data-status", status);
    accept.setAttribute("aria-pressed", String(status === "accepted"));
    reject.setAttribute("aria-pressed", String(status === "rejected"));
  });
  return item;
}

/**
 * The stored source a typed publisher names (by any stored name form or slug, normalised), or a
 * new one named so, or null for nothing typed.
 * @param {string} typed
 * @param {Source[]} stored
 * @returns {import("../sheet.js").PublisherChoice | null}
 */
export function resolvePublisher(typed, stored) {
  const wanted = normaliseName(typed);
  if (!wanted) return null;
  const found = stored.find(
    (source) =>
      source.slug === typed.trim() || [source.name, ...source.names].some((name) => normaliseName(name) === wanted),
  );
  if (found) return { slug: found.slug, name: found.name, stored: true };
  return { slug: slugForName(typed.trim()), name: typed.trim(), stored: false };
}

/**
 * Title, publisher (suggested from every stored name), section, URL and publication time with
 * its offset.
 * @param {Draft} draft
 * @param {Source[]} stored
 * @param {() => void} save
 */
function articleFields(draft, stored, save) {
  const extraction = /** @type {Extraction} */ (draft.extraction);
  const review = /** @type {Review} */ (draft.review);
  const { article } = extraction.sheet;
  const fields = review.article;

  const title = /** @type {HTMLInputElement} */ (
    h("input", { id: "article-title", name: "title", value: fields.title, lang: article.language })
  );
  title.addEventListener("input", () => {
    fields.title = title.value;
    save();
  });

  const extractedPublisher = PLACEHOLDER_PUBLISHER.test(article.publisher)
    ? ""
    : (stored.find((s) => s.slug === article.publisher)?.name ??
      extraction.sheet.sources.find((s) => s.slug === article.publisher)?.name ??
      article.publisher);
  const publisher = /** @type {HTMLInputElement} */ (
    h("input", {
      id: "article-publisher",
      name: "publisher",
      list: "publisher-names",
      autocomplete: "off",
      value: fields.publisher?.name ?? extractedPublisher,
    })
  );
  const names = h(
    "datalist",
    { id: "publisher-names" },
    stored.flatMap((source) =>
      [...new Set([source.name, ...source.names])].map((name) => h("option", { value: name }, source.name)),
    ),
  );
  const publisherNote = h("span", {});
  const describePublisher = () => {
    const choice = fields.publisher;
    if (choice?.stored) publisherNote.textContent = `Stored source: ${choice.name} (${choice.slug}).`;
    else if (choice)
      publisherNote.textContent = `New source “${choice.name}” (${choice.slug}) will be created as a publisher.`;
    else if (PLACEHOLDER_PUBLISHER.test(article.publisher))
      publisherNote.textContent = "Not set: the extractor found no publisher. Type any name it goes by.";
    else publisherNote.textContent = `As proposed: ${extractedPublisher} (${article.publisher}).`;
  };
  publisher.addEventListener("input", () => {
    const typed = publisher.value;
    fields.publisher =
      typed.trim() === extractedPublisher && extractedPublisher !== "" ? null : resolvePublisher(typed, stored);
    describePublisher();
    save();
  });
  describePublisher();

  const section = /** @type {HTMLInputElement} */ (
    h("input", { id: "article-section", name: "section", value: fields.section })
  );
  section.addEventListener("input", () => {
    fields.section = section.value;
    save();
  });
  const url = /** @type {HTMLInputElement} */ (
    h("input", { id: "article-url", name: "url", type: "url", value: fields.url })
  );
  url.addEventListener("input", () => {
    fields.url = url.value;
    save();
  });
  const { local, offset } = splitOffset(fields.publishedAt);
  const when = /** @type {HTMLInputElement} */ (
    h("input", { id: "article-published", name: "publishedAt", type: "datetime-local", value: local })
  );
  const zone = selectOf(
    "offset",
    [...new Set([offset, ...OFFSETS])].map((o) => [o, `UTC${o}`]),
    offset,
  );
  zone.id = "article-offset";
  const onTime = () => {
    const joined = joinOffset(when.value, zone.value);
    if (joined) fields.publishedAt = joined;
    save();
  };
  when.addEventListener("change", onTime);
  zone.addEventListener("change", onTime);
  const proposedNow =
    draft.proposedAt !== "" &&
    Math.abs(new Date(article.publishedAt).getTime() - new Date(draft.proposedAt).getTime()) < 120_000;

  return h(
    "fieldset",
    { class: "article-fields" },
    h("legend", {}, "Article"),
    field("Title", title),
    field("Publisher", publisher, publisherNote),
    names,
    field("Section", section),
    field("URL", url),
    h(
      "div",
      { class: "row" },
      field("Published (local time)", when, proposedNow && fields.publishedAt === article.publishedAt ? NO_DATE : null),
      field("UTC offset", zone),
    ),
  );
}

/**
 * Each proposed new source with the stored ones it most likely is: keep it as new (with its
 * name, kind and country), say it is a stored source, or merge it into another proposal.
 * @param {import("../sheet.js").ClaimSheet} sheet
 * @param {Review} review
 * @param {Source[]} stored
 * @param {() => void} save
 */
function sourceChoices(sheet, review, stored, save) {
  // The placeholder publisher is set in the article's fields, never kept as a source.
  const proposed = sheet.sources.filter((source) => !PLACEHOLDER_PUBLISHER.test(source.slug));
  if (proposed.length === 0) return h("p", { class: "empty" }, "Every source is stored already.");
  const sorted = [...stored].sort((a, b) => a.name.localeCompare(b.name));
  return h(
    "ol",
    { class: "proposal-list" },
    proposed.map((source) => {
      const choice = review.sources[source.slug] ?? { action: "create", target: "", edits: {} };
      review.sources[source.slug] = choice;
      const matches = bestMatches(source, stored);
      const others = proposed.filter((other) => other.slug !== source.slug);
      const action = h(
        "select",
        { name: "action" },
        h("option", { value: "create", selected: choice.action === "create" }, "Create as a new source"),
        matches.length
          ? h(
              "optgroup",
              { label: "Best stored matches" },
              matches.map((m) =>
                h(
                  "option",
                  {
                    value: `map:${m.source.slug}`,
                    selected: choice.action === "map" && choice.target === m.source.slug,
                  },
                  `Same as ${m.source.name} (${Math.round(m.score * 100)}% alike)`,
                ),
              ),
            )
          : null,
        others.length
          ? h(
              "optgroup",
              { label: "Merge with another proposal" },
              others.map((other) =>
                h(
                  "option",
                  { value: `merge:${other.slug}`, selected: choice.action === "merge" && choice.target === other.slug },
                  `Merge into ${other.name} (${other.slug})`,
                ),
              ),
            )
          : null,
        h(
          "optgroup",
          { label: "Any stored source" },
          sorted
            .filter((s) => !matches.some((m) => m.source.slug === s.slug))
            .map((s) =>
              h(
                "option",
                { value: `map:${s.slug}`, selected: choice.action === "map" && choice.target === s.slug },
                `Same as ${s.name}`,
              ),
            ),
        ),
      );
      const name = /** @type {HTMLInputElement} */ (
        h("input", { name: "name", value: choice.edits.name ?? source.name })
      );
      const kind = selectOf("kind", SOURCE_KINDS, choice.edits.kind ?? source.kind);
      const country = /** @type {HTMLInputElement} */ (
        h("input", {
          name: "country",
          value: choice.edits.country ?? source.country ?? "",
          maxlength: "2",
          pattern: "[A-Za-z]{2}",
        })
      );
      const createFields = h(
        "div",
        { class: "edit-grid" },
        field("English name", name),
        field("Kind", kind),
        field("Country (ISO code)", country),
      );
      const showFields = () => {
        createFields.hidden = choice.action !== "create";
      };
      action.addEventListener("change", () => {
        const [verb, target = ""] = action.value.split(":");
        choice.action = verb === "map" ? "map" : verb === "merge" ? "merge" : "create";
        choice.target = target;
        showFields();
        save();
      });
      name.addEventListener("change", () => {
        if (name.value.trim()) choice.edits.name = name.value.trim();
        save();
      });
      kind.addEventListener("change", () => {
        choice.edits.kind = kind.value;
        save();
      });
      country.addEventListener("change", () => {
        choice.edits.country = country.value.trim().toUpperCase() || null;
        save();
      });
      showFields();
      return h(
        "li",
        { class: "proposal source-proposal", "data-source": source.slug },
        h(
          "p",
          {},
          h("strong", { lang: "th" }, [source.name, ...source.names.filter((n) => n !== source.name)].join(" / ")),
          " ",
          h("code", {}, source.slug),
        ),
        source.description ? h("p", { class: "help" }, source.description) : null,
        matches.length
          ? h(
              "p",
              { class: "meta" },
              "Best stored matches: ",
              matches.map((m, i) => [
                i ? "; " : "",
                `${m.source.name} (${[...m.source.names].join(" / ") || m.source.slug})`,
              ]),
            )
          : h("p", { class: "meta" }, "No stored source with a similar name."),
        field(`What ${source.name} is`, action),
        createFields,
      );
    }),
  );
}

/**
 * Imports the reviewed sheet; for an article stored already, adds the accepted relations one by
 * one through POST /api/relations (the import leaves a stored article as it is).
 * @param {Draft} draft
 * @param {RelationCandidate[]} candidates
 * @param {HTMLElement} out
 * @param {HTMLButtonElement} button
 */
async function importAccepted(draft, candidates, out, button) {
  const sheet = assembleSheet(
    /** @type {Extraction} */ (draft.extraction).sheet,
    /** @type {Review} */ (draft.review),
    candidates,
  );
  const blocker = importBlocker(sheet);
  if (blocker) {
    out.replaceChildren(h("p", { class: "error", role: "alert" }, `Not imported: ${blocker}`));
    return;
  }
  button.disabled = true;
  out.replaceChildren(h("p", {}, "Importing…"));
  try {
    const { body } = await requestWithToken("/api/articles", sheet);
    const result = body.data;
    const link = h("a", { href: `#/articles/${encodeURIComponent(result.articleSlug)}` }, "Open the article");
    if (result.status !== "already_present") {
      out.replaceChildren(
        h(
          "p",
          { class: "ok" },
          `Imported: ${result.claims} claims, ${result.sources} new sources, ${result.relations} relations (proposed, in the queue), ${result.derivedContradictions} derived contradictions. `,
          link,
          " · ",
          h("a", { href: "#/contradictions" }, "Go to the queue"),
        ),
      );
      announce("Article imported");
      return;
    }
    if (sheet.relations.length === 0) {
      out.replaceChildren(h("p", { class: "ok" }, "This article is stored already; nothing new to add. ", link));
      return;
    }
    const { added, present } = await addRelations(result.articleSlug, sheet);
    out.replaceChildren(
      h(
        "p",
        { class: "ok" },
        `This article is stored already: ${added} relation${added === 1 ? "" : "s"} added to it`,
        present ? `, ${present} stored already` : "",
        added ? ". New relations wait in the queue as proposed. " : ". ",
        link,
        " · ",
        h("a", { href: "#/contradictions" }, "Go to the queue"),
      ),
    );
    announce("Relations added");
  } catch (error) {
    out.replaceChildren(h("p", { class: "error", role: "alert" }, `Not imported: ${describe(error)}`));
  } finally {
    button.disabled = false;
  }
}

/**
 * POST JSON with the reviewer's token: asks for one first when none is set, so the request is
 * not sent only to be refused.
 * @param {string} path
 * @param {unknown} payload
 */
async function requestWithToken(path, payload) {
  if (!storedToken() && !(await askForToken(IMPORT_REASON))) throw new Error("a reviewer token is needed.");
  return request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });
}

/**
 * Adds a sheet's relations to the stored article `slug`: each side found by key (or, for a claim
 * the stored article keys otherwise, by its span), stored claims by `article-slug/key`.
 * @param {string} slug
 * @param {import("../sheet.js").ClaimSheet} sheet
 */
async function addRelations(slug, sheet) {
  /** @type {Map<string, ArticleDetail>} */
  const articles = new Map();
  const articleOf = async (/** @type {string} */ articleSlug) => {
    if (!articles.has(articleSlug))
      articles.set(articleSlug, await getData(`/api/articles/${encodeURIComponent(articleSlug)}`));
    return /** @type {ArticleDetail} */ (articles.get(articleSlug));
  };
  const idOf = async (/** @type {string} */ ref) => {
    if (ref.includes("/")) {
      const [articleSlug = "", key = ""] = ref.split("/");
      return (await articleOf(articleSlug)).claims.find((c) => c.key === key)?.id ?? null;
    }
    const mine = sheet.claims.find((c) => c.key === ref);
    const stored = (await articleOf(slug)).claims;
    return (
      stored.find((c) => mine && c.span.start === mine.start && c.span.end === mine.end)?.id ??
      stored.find((c) => c.key === ref)?.id ??
      null
    );
  };
  let added = 0;
  let present = 0;
  for (const relation of sheet.relations) {
    const [fromClaimId, toClaimId] = await Promise.all([idOf(relation.from), idOf(relation.to)]);
    if (fromClaimId === null || toClaimId === null)
      throw new Error(`no stored claim for ${relation.from} or ${relation.to}`);
    try {
      await request("/api/relations", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ fromClaimId, toClaimId, type: relation.type, rationale: relation.rationale }),
      });
      added++;
    } catch (error) {
      if (error instanceof ApiError && error.code === "relation_exists") present++;
      else throw error;
    }
  }
  return { added, present };
}
