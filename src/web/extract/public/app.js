import { assembleSheet, codePoints, formatChain, parseChain, segmentBody } from "./sheet.js";

const KINDS = ["statement", "report", "denial", "assessment", "announcement", "warning", "expectation", "editorial"];
const SOURCE_KINDS = [
  "news_agency",
  "broadcaster",
  "newspaper",
  "publisher",
  "government",
  "official",
  "head_of_state",
  "military",
  "analyst",
  "think_tank",
  "international_body",
  "anonymous",
  "group",
];

const $ = (selector) => document.querySelector(selector);
const TOKEN_KEY = "claimtrail.token";

/** JSON headers, with the API token when one was given (kept for this tab only). */
function headers() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
}
const state = { result: null, decisions: {}, relations: {}, sourceEdits: {}, focus: null };

/** Creates an element with attributes and children (text or nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== null && value !== false)
      node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat())
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function setStatus(message, kind = "") {
  const status = $("#status");
  status.textContent = message;
  status.className = kind;
}

$("#extract-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const token = String(form.get("token") ?? "").trim();
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  const body = { text: form.get("text") };
  for (const name of ["language", "publisher", "title", "publishedAt"]) {
    const value = String(form.get(name) ?? "").trim();
    if (value) body[name] = value;
  }
  setStatus("Reading the text…");
  try {
    const res = await fetch("/api/extract", { method: "POST", headers: headers(), body: JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) {
      setStatus(describeError(json), "error");
      return;
    }
    state.result = json.data;
    state.decisions = Object.fromEntries(json.data.sheet.claims.map((c) => [c.key, { status: "proposed", edits: {} }]));
    state.relations = {};
    state.sourceEdits = {};
    setStatus(`${json.data.sheet.claims.length} claims proposed. Review each, then import.`, "ok");
    render();
  } catch (error) {
    setStatus(`Could not reach the server: ${error.message}`, "error");
  }
});

function describeError(json) {
  const error = json?.error;
  if (!error) return "Unexpected answer from the server";
  const details = Array.isArray(error.details) ? error.details.map((d) => `${d.path}: ${d.message}`).join("; ") : "";
  return `${error.message}${details ? ` (${details})` : ""}`;
}

/** The claim as it will be imported: proposal plus the reviewer's edits. */
function current(claim) {
  return { ...claim, ...(state.decisions[claim.key]?.edits ?? {}) };
}

function render() {
  const { sheet } = state.result;
  $("#review").hidden = false;
  renderBody();
  renderClaims();
  renderSources();
  const relations = $("#relations");
  relations.replaceChildren(
    ...(sheet.relations.length === 0
      ? [el("li", {}, "none")]
      : sheet.relations.map((r, i) => {
          const proposal = state.result.proposals.relations[i];
          const decision = state.relations[i] ?? "proposed";
          return el(
            "li",
            {},
            el("strong", {}, `${r.from} ${r.type} ${r.to}`),
            " ",
            el("span", { class: "meta" }, `${proposal?.rule ?? ""} · ${r.rationale}`),
            " ",
            el(
              "button",
              {
                type: "button",
                onclick: () => {
                  state.relations[i] = "accepted";
                  render();
                },
                "aria-pressed": decision === "accepted",
              },
              "Accept",
            ),
            el(
              "button",
              {
                type: "button",
                onclick: () => {
                  state.relations[i] = "rejected";
                  render();
                },
                "aria-pressed": decision === "rejected",
              },
              "Reject",
            ),
            el("span", { class: "meta" }, ` ${decision}`),
          );
        })),
  );
  $("#stored").replaceChildren(
    ...(state.result.storedContradictions.length === 0
      ? [el("li", {}, "none")]
      : state.result.storedContradictions.map((s) =>
          el(
            "li",
            {},
            el("strong", {}, s.claim),
            ` vs stored claim ${s.storedClaimId} (${s.articleSlug}): `,
            el("span", { class: "quote", lang: "th" }, `“${s.quote}”`),
            el("div", { class: "meta" }, s.reason),
          ),
        )),
  );
  $("#warnings").replaceChildren(
    ...(state.result.proposals.warnings.length === 0
      ? [el("li", {}, "none")]
      : state.result.proposals.warnings.map((w) => el("li", {}, w))),
  );
}

function renderBody() {
  const { sheet, proposals } = state.result;
  const live = sheet.claims
    .filter((c) => state.decisions[c.key]?.status !== "rejected")
    .map((c) => {
      const edited = current(c);
      const p = proposals.claims.find((x) => x.key === c.key);
      return { key: c.key, start: edited.start, end: edited.end, cueStart: p?.cueStart, cueEnd: p?.cueEnd };
    });
  const runs = segmentBody(sheet.article.body, live);
  const body = $("#body");
  body.replaceChildren(
    ...runs.map((run) => {
      const text = run.cue ? el("span", { class: "cue" }, run.text) : document.createTextNode(run.text);
      if (run.claims.length === 0) return el("span", { "data-start": run.start }, text);
      const key = run.claims[run.claims.length - 1];
      const stance = stanceOf(key);
      return el(
        "mark",
        {
          "data-start": run.start,
          class: [stance, state.focus === key ? "focus" : ""].join(" "),
          title: run.claims.join(", "),
          onclick: () => focusClaim(key),
        },
        text,
      );
    }),
  );
}

function stanceOf(key) {
  return (
    state.decisions[key]?.edits?.stance ?? state.result.proposals.claims.find((p) => p.key === key)?.stance ?? "asserts"
  );
}

function focusClaim(key) {
  state.focus = key;
  renderBody();
  for (const li of document.querySelectorAll("#claims li")) li.classList.toggle("focus", li.dataset.key === key);
  document.querySelector(`#claims li[data-key="${key}"]`)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
}

function renderClaims() {
  const { sheet, proposals } = state.result;
  const accepted = Object.values(state.decisions).filter((d) => d.status === "accepted").length;
  $("#claim-count").textContent = `(${accepted} of ${sheet.claims.length} accepted)`;
  $("#claims").replaceChildren(
    ...sheet.claims.map((claim) => {
      const p = proposals.claims.find((x) => x.key === claim.key);
      const decision = state.decisions[claim.key];
      const edited = current(claim);
      const edit = (field, value) => {
        decision.edits[field] = value;
        if (field === "start" || field === "end") renderBody();
      };
      const chainInput = el("input", {
        value: formatChain(edited.chains[0]),
        onchange: (e) => {
          try {
            edit("chains", [parseChain(e.target.value)]);
            e.target.setCustomValidity("");
          } catch (error) {
            e.target.setCustomValidity(error.message);
            e.target.reportValidity();
          }
        },
      });
      return el(
        "li",
        {
          "data-key": claim.key,
          class: `${stanceOf(claim.key)} ${decision.status}`,
          onclick: (e) => {
            if (e.target.tagName === "LI") focusClaim(claim.key);
          },
        },
        el("div", { class: "quote", lang: "th" }, `“${edited.quote}”`),
        el(
          "div",
          { class: "chain" },
          ...edited.chains[0].flatMap((l, i) => [i ? " → " : "", el("code", {}, `${l.source}`), ` ${l.role}`]),
        ),
        el(
          "div",
          { class: "meta" },
          `${claim.key} · cue “${p?.cue ?? claim.cue ?? ""}” · ${p?.stance} · confidence ${p?.confidence} · ${p?.rule}`,
        ),
        el("div", { class: "meta" }, p?.explanation ?? ""),
        el(
          "details",
          {},
          el("summary", {}, "Edit"),
          el(
            "div",
            { class: "edit" },
            el("label", {}, "gloss"),
            el("input", { value: edited.gloss, onchange: (e) => edit("gloss", e.target.value) }),
            el("label", {}, "kind"),
            el(
              "select",
              { onchange: (e) => edit("kind", e.target.value) },
              ...KINDS.map((k) => el("option", { value: k, selected: k === edited.kind }, k)),
            ),
            el("label", {}, "hedged"),
            el("input", {
              type: "checkbox",
              checked: edited.hedged,
              onchange: (e) => edit("hedged", e.target.checked),
            }),
            el("label", {}, "chain"),
            chainInput,
            el("label", {}, "stated on"),
            el("input", {
              value: edited.statedOn ?? "",
              placeholder: "YYYY-MM-DD",
              onchange: (e) => edit("statedOn", e.target.value || null),
            }),
            el("label", {}, "span"),
            el(
              "button",
              { type: "button", onclick: () => useSelection(claim.key) },
              `use selection (now ${edited.start}–${edited.end})`,
            ),
          ),
        ),
        el(
          "div",
          { class: "actions" },
          el(
            "button",
            {
              type: "button",
              onclick: () => decide(claim.key, "accepted"),
              "aria-pressed": decision.status === "accepted",
            },
            "Accept",
          ),
          el(
            "button",
            {
              type: "button",
              onclick: () => decide(claim.key, "rejected"),
              "aria-pressed": decision.status === "rejected",
            },
            "Reject",
          ),
          el("button", { type: "button", onclick: () => focusClaim(claim.key) }, "Show in text"),
        ),
      );
    }),
  );
}

function decide(key, status) {
  state.decisions[key].status = status;
  render();
}

/** Code-point offsets of the current selection when it lies inside the body, else null. */
function selectionInBody() {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const offsetOf = (node, offset) => {
    const holder = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node)?.closest("[data-start]");
    if (!holder || !$("#body").contains(holder)) return null;
    const text = node.nodeType === Node.TEXT_NODE ? node.data.slice(0, offset) : "";
    return Number(holder.dataset.start) + codePoints(text).length;
  };
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  return start === null || end === null || end <= start ? null : { start, end };
}

// Clicking a control may clear the selection first: remember the last one made in the body.
let lastSelection = null;
document.addEventListener("selectionchange", () => {
  const current = selectionInBody();
  if (current) lastSelection = current;
});

/** Sets a claim's span from the text last selected in the body (offsets in code points). */
function useSelection(key) {
  const chosen = selectionInBody() ?? lastSelection;
  if (!chosen) {
    setStatus("Select a passage of the text first.", "error");
    return;
  }
  const body = codePoints(state.result.sheet.article.body);
  Object.assign(state.decisions[key].edits, {
    start: chosen.start,
    end: chosen.end,
    quote: body.slice(chosen.start, chosen.end).join(""),
  });
  lastSelection = null;
  setStatus(`${key}: span set to ${chosen.start}–${chosen.end}.`, "ok");
  render();
}

function renderSources() {
  const { sheet, proposals } = state.result;
  $("#sources").replaceChildren(
    ...(sheet.sources.length === 0
      ? [el("li", {}, "none")]
      : sheet.sources.map((s) => {
          state.sourceEdits[s.slug] ??= {};
          const edits = state.sourceEdits[s.slug];
          const reason = proposals.sources.find((p) => p.slug === s.slug)?.reason ?? "";
          return el(
            "li",
            {},
            el("strong", { lang: "th" }, s.names.join(" / ")),
            " ",
            el("code", {}, s.slug),
            el("div", { class: "meta" }, reason),
            el(
              "div",
              { class: "edit" },
              el("label", {}, "name"),
              el("input", {
                value: edits.name ?? s.name,
                onchange: (e) => {
                  edits.name = e.target.value;
                },
              }),
              el("label", {}, "kind"),
              el(
                "select",
                {
                  onchange: (e) => {
                    edits.kind = e.target.value;
                  },
                },
                ...SOURCE_KINDS.map((k) => el("option", { value: k, selected: k === (edits.kind ?? s.kind) }, k)),
              ),
              el("label", {}, "country"),
              el("input", {
                value: edits.country ?? s.country ?? "",
                placeholder: "e.g. TH",
                onchange: (e) => {
                  edits.country = e.target.value.trim().toUpperCase() || null;
                },
              }),
            ),
          );
        })),
  );
}

$("#accept-all").addEventListener("click", () => {
  for (const d of Object.values(state.decisions)) if (d.status === "proposed") d.status = "accepted";
  render();
});
$("#reject-all").addEventListener("click", () => {
  for (const d of Object.values(state.decisions)) d.status = "rejected";
  render();
});

$("#import").addEventListener("click", async () => {
  const sheet = assembleSheet(state.result.sheet, state.decisions, state.relations, state.sourceEdits);
  const out = $("#import-result");
  if (sheet.claims.length === 0) {
    out.replaceChildren(el("p", { class: "error" }, "Accept at least one claim first."));
    return;
  }
  out.replaceChildren(el("p", {}, "Importing…"));
  try {
    const res = await fetch("/api/articles", { method: "POST", headers: headers(), body: JSON.stringify(sheet) });
    const json = await res.json().catch(() => null);
    if (res.status === 201) {
      const r = json.data;
      out.replaceChildren(
        el(
          "p",
          { class: "ok" },
          `${r.status === "created" ? "Imported" : "Already stored"}: ${r.articleSlug} — ${r.claims} claims, ${r.sources} new sources, ${r.relations} relations, ${r.derivedContradictions} derived contradictions.`,
        ),
      );
    } else {
      const details = Array.isArray(json?.error?.details) ? json.error.details : [];
      out.replaceChildren(
        el("p", { class: "error" }, json?.error?.message ?? `The server answered ${res.status}.`),
        el("ul", {}, ...details.map((d) => el("li", { class: "error" }, `${d.path}: ${d.message}`))),
      );
    }
  } catch (error) {
    out.replaceChildren(el("p", { class: "error" }, `Could not reach the server: ${error.message}`));
  }
});
