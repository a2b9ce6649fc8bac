// @ts-check
// Pieces the views share: badges, attribution chains, claim cards, highlighted article text and
// the download buttons.
import { withQuery } from "./api.js";
import { definitionList, h } from "./dom.js";
import { cutIntoRuns } from "./spans.js";
import { CHAIN_ARROW } from "./vocabulary.js";

/** @typedef {import("./types.js").SourceSummary} SourceSummary */
/** @typedef {import("./types.js").TracedChain} TracedChain */
/** @typedef {import("./types.js").Claim} Claim */
/** @typedef {import("./types.js").ClaimBrief} ClaimBrief */
/** @typedef {import("./types.js").ReviewStatus} ReviewStatus */

/** @type {Record<string, string>} */
const STATUS_LABELS = {
  proposed: "Proposed",
  confirmed: "Confirmed",
  dismissed: "Dismissed",
  needs_evidence: "Needs evidence",
};

/** @type {Record<string, string>} */
const ROLE_LABELS = { speaker: "speaker", reporter: "reporter", relay: "relay", publisher: "publisher" };

/** @param {string} status */
export function statusLabel(status) {
  return STATUS_LABELS[status] ?? status;
}

/** "news_agency" -> "news agency" @param {string} word */
export function humanize(word) {
  return word.replaceAll("_", " ");
}

/**
 * How a fact-checker names a side: its speaker, and the outlet that first carried it when that
 * is someone else ("Sources close to Russian officials via Kyodo News").
 * @param {{ speaker: SourceSummary }} claim
 * @param {string} chainText the API's "Speaker → Reporter → Publisher"
 */
export function sideName(claim, chainText) {
  const names = chainText.split(CHAIN_ARROW);
  const outlet = names.length > 2 ? (names[1] ?? "") : "";
  const alreadyNamed = outlet !== "" && claim.speaker.name.includes(outlet.split(" ")[0] ?? outlet);
  return outlet && !alreadyNamed ? `${claim.speaker.name} via ${outlet}` : claim.speaker.name;
}

/** @param {string} status */
export function statusBadge(status) {
  return h("span", { class: `badge status status-${status}`, "data-status": status }, statusLabel(status));
}

/** Badges that change how much a source can be trusted on its own. @param {SourceSummary} source */
export function sourceBadges(source) {
  return [
    source.stateControlled ? h("span", { class: "badge warn", title: "State-controlled" }, "state-controlled") : null,
    source.kind === "anonymous" ? h("span", { class: "badge warn", title: "Anonymous source" }, "anonymous") : null,
  ];
}

/** A source's name linked to its page, with its badges. @param {SourceSummary} source */
export function sourceLink(source) {
  return h(
    "span",
    { class: "source" },
    h("a", { href: `#/sources/${encodeURIComponent(source.slug)}` }, source.name),
    " ",
    sourceBadges(source),
  );
}

/**
 * One attribution chain drawn link by link, speaker first, publisher last.
 * @param {TracedChain} chain
 * @param {number} count how many chains the claim has (numbered only when more than one)
 */
export function chainView(chain, count = 1) {
  const label = count > 1 ? `Attribution chain ${chain.index + 1}` : "Attribution chain";
  return h(
    "figure",
    { class: "chain" },
    h(
      "figcaption",
      {},
      label,
      ": ",
      h("span", { class: "hops" }, `hop distance ${chain.hopDistance}`),
      chain.throughStateMedia ? h("span", { class: "badge warn" }, "via state media") : null,
      chain.throughAnonymous ? h("span", { class: "badge warn" }, "via anonymous source") : null,
    ),
    h(
      "ol",
      { class: "chain-links", "aria-label": `${label}, from speaker to publisher` },
      chain.links.map((link, i) =>
        h(
          "li",
          { class: `chain-link role-${link.role}` },
          i > 0 ? h("span", { class: "arrow", "aria-hidden": "true" }, "→") : null,
          h(
            "span",
            { class: "link-box" },
            h("span", { class: "role" }, ROLE_LABELS[link.role] ?? link.role),
            sourceLink(link.source),
          ),
        ),
      ),
    ),
  );
}

/** Stances in words: "denies: Russia signed a military deal". @param {Claim} claim */
export function stancesView(claim) {
  if (claim.stances.length === 0) return null;
  return h(
    "ul",
    { class: "stances" },
    claim.stances.map((s) =>
      h("li", {}, h("span", { class: `badge stance stance-${s.stance}` }, s.stance), " ", s.text),
    ),
  );
}

/**
 * The facts of one claim: gloss, kind, stance, date, chains.
 * @param {Claim} claim
 * @param {string | null} [publishedAt] the article's date, shown when the claim has no date of its own
 */
export function claimFacts(claim, publishedAt = null) {
  return [
    h("p", { class: "gloss" }, claim.gloss),
    definitionList([
      ["Kind", humanize(claim.kind) + (claim.hedged ? " (hedged)" : "")],
      ["Speaker", sourceLink(claim.speaker)],
      ["Stance", stancesView(claim)],
      [
        "Date",
        claim.statedOn ? `stated on ${claim.statedOn}` : publishedAt ? `published ${formatLocal(publishedAt)}` : null,
      ],
      ["Cue", claim.cue ? h("span", { lang: "th" }, claim.cue) : null],
      ["Topics", claim.topics.join(", ")],
      [
        "Article",
        h(
          "a",
          { href: `#/articles/${encodeURIComponent(claim.article.slug)}` },
          h("span", { lang: "th" }, claim.article.title),
        ),
      ],
    ]),
    claim.chains.map((chain) => chainView(chain, claim.chains.length)),
  ];
}

/**
 * A claim in a list: quote, gloss, speaker and chain, linked to its page.
 * @param {Claim | ClaimBrief} claim
 */
export function claimCard(claim) {
  const chainText = "chains" in claim ? (claim.chains[0]?.text ?? "") : claim.chain;
  return h(
    "article",
    { class: "claim-card" },
    h("p", { class: "quote", lang: "th" }, h("a", { href: `#/claims/${claim.id}` }, claim.quote)),
    h("p", { class: "gloss" }, claim.gloss),
    h(
      "p",
      { class: "meta" },
      h("span", { class: "badge" }, humanize(claim.kind)),
      " ",
      claim.anchor === "orphaned" ? [orphanedBadge(), " "] : null,
      h("span", { class: "chain-text" }, chainText),
      " ",
      sourceBadges(claim.speaker),
    ),
  );
}

/** Said of a claim a corrected article no longer holds: its quote and span are from an earlier text. */
export function orphanedBadge() {
  return h(
    "span",
    {
      class: "badge warn",
      title: "A correction of the article removed this quote; its span is in an earlier revision",
    },
    "not in the corrected text",
  );
}

/**
 * @typedef {{ start: number, end: number, claimId: number, title: string, className: string, href?: string,
 *   in?: "body" | "title" }} Highlight in: the text the span is into (body when left out)
 */

/**
 * A claim's span as a highlight, into the text its `span.in` names.
 * @param {Claim} claim
 * @param {Omit<Highlight, "start" | "end" | "claimId" | "in">} look
 * @returns {Highlight}
 */
export function claimHighlight(claim, look) {
  return { start: claim.span.start, end: claim.span.end, claimId: claim.id, in: claim.span.in ?? "body", ...look };
}

/**
 * An article body with the given spans highlighted (headline claims' spans are left to
 * titleText). Where spans overlap, the innermost one takes the link; `data-claim-ids` lists every
 * claim a run belongs to.
 * @param {string} body
 * @param {string} language BCP 47 tag of the body
 * @param {Highlight[]} highlights
 */
export function articleText(body, language, highlights) {
  return h(
    "div",
    { class: "article-text", lang: language },
    markedRuns(
      body,
      highlights.filter((span) => span.in !== "title"),
    ),
  );
}

/**
 * An article's title with its headline claims highlighted, as inline content (for an h1 or a
 * line above the body).
 * @param {string} title
 * @param {Highlight[]} highlights
 */
export function titleText(title, highlights) {
  return markedRuns(
    title,
    highlights.filter((span) => span.in === "title"),
  );
}

/**
 * The article as a claim's context shows it: the title (marked when the claim is a headline
 * claim), then the body.
 * @param {{ title: string, body: string, language: string }} article
 * @param {Highlight[]} highlights
 */
export function articleWithTitle(article, highlights) {
  return [
    h("p", { class: "article-title", lang: article.language }, titleText(article.title, highlights)),
    articleText(article.body, article.language, highlights),
  ];
}

/**
 * `text` cut at the spans, each covered run in a mark.
 * @param {string} text
 * @param {Highlight[]} highlights
 */
function markedRuns(text, highlights) {
  const runs = cutIntoRuns(text, highlights);
  return runs.map((run) => {
    if (run.spans.length === 0) return run.text;
    const inner = [...run.spans].sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    if (!inner) return run.text;
    const content = inner.href ? h("a", { href: inner.href }, run.text) : run.text;
    return h(
      "mark",
      {
        class: `${inner.className}${run.spans.length > 1 ? " overlap" : ""}`,
        "data-claim-ids": run.spans.map((span) => span.claimId).join(" "),
        title: inner.title,
      },
      content,
    );
  });
}

/** Scrolls each article box so its own quote (`mark.mark-self`) shows, without moving the page. @param {Element} root */
export function scrollQuotesIntoView(root) {
  for (const box of root.querySelectorAll(".article-scroll")) {
    const mark = box.querySelector("mark.mark-self");
    if (box instanceof HTMLElement && mark instanceof HTMLElement)
      box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }
}

/** Export formats the download buttons offer. */
const DOWNLOAD_FORMATS = [
  ["csv", "CSV"],
  ["xlsx", "XLSX"],
];

/**
 * Buttons that download what is on screen, with the view's filters: the claims (default), or the
 * contradictions.
 * @param {Record<string, string | undefined | null>} filters claim filters: source, role, kind, topic, article, q
 * @param {string} [what] what the rows are, for the label
 * @param {"claims" | "contradictions"} [table]
 */
export function downloadLinks(filters, what = "these claims", table = "claims") {
  return h(
    "div",
    { class: "downloads", role: "group", "aria-label": `Download ${what}` },
    h("span", { class: "downloads-label" }, table === "claims" ? "Download claims:" : "Download contradictions:"),
    DOWNLOAD_FORMATS.map(([ext, label]) =>
      h(
        "a",
        {
          class: "button",
          href: withQuery(`/api/export/${table}.${ext}`, { ...filters, download: "1" }),
          download: true,
          "data-format": ext,
          "data-table": table,
        },
        label,
        h("span", { class: "visually-hidden" }, ` (${what})`),
      ),
    ),
  );
}

/**
 * "2023-09-20T12:14:00+07:00" -> "2023-09-20 12:14 (UTC+07:00)": the article's own clock.
 * @param {string} isoWithOffset
 */
export function formatLocal(isoWithOffset) {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(isoWithOffset);
  if (!match) return isoWithOffset;
  return `${match[1]} ${match[2]} (UTC${match[3] === "Z" ? "" : match[3]})`;
}

/** An instant in UTC, to the minute. @param {string} iso */
export function formatUtc(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A short error box for a failed load or action. @param {unknown} error */
export function errorBox(error) {
  const message = error instanceof Error ? error.message : String(error);
  return h("div", { class: "error", role: "alert" }, h("strong", {}, "Could not load this. "), message);
}
