// @ts-check
// One earlier text of a corrected article, and what the next version changed in it, word by word.
import { getData } from "../api.js";
import { formatUtc } from "../components.js";
import { h } from "../dom.js";

/** @typedef {import("../types.js").RevisionDetail} RevisionDetail */
/** @typedef {import("../types.js").ArticleDetail} ArticleDetail */

/** @param {import("../app.js").Route} route */
export async function revisionView({ params }) {
  const slug = params[0] ?? "";
  const number = Number(params[1]);
  const base = `/api/articles/${encodeURIComponent(slug)}`;
  /** @type {[ArticleDetail, RevisionDetail]} */
  const [article, revision] = await Promise.all([getData(base), getData(`${base}/revisions/${number}`)]);
  const next = number < article.revisionCount ? `revision ${number + 1}` : "the current text";
  const articleHref = `#/articles/${encodeURIComponent(slug)}`;
  const removed = revision.changes.filter((c) => c.op === "removed").length;
  const added = revision.changes.filter((c) => c.op === "added").length;
  const content = h(
    "section",
    { class: "revision-page", "data-revision": number },
    h("p", { class: "breadcrumb" }, h("a", { href: articleHref }, `← ${article.title}`)),
    h("h1", { tabindex: "-1" }, `Revision ${number} of ${article.revisionCount}, and what changed in ${next}`),
    h(
      "p",
      { class: "meta" },
      `Replaced ${formatUtc(revision.replacedAt)} · ${revision.length} characters · SHA-256 `,
      h("code", {}, revision.bodySha256.slice(0, 12)),
      ` · ${removed} passage${removed === 1 ? "" : "s"} removed, ${added} added`,
    ),
    h(
      "p",
      { class: "legend" },
      h("del", {}, "struck through"),
      ": in this revision, not in the next; ",
      h("ins", {}, "underlined"),
      ": added by the next.",
    ),
    h(
      "div",
      { class: "article-text revision-diff", lang: article.language },
      revision.changes.map((change) =>
        change.op === "same"
          ? change.text
          : h(change.op === "removed" ? "del" : "ins", { "data-op": change.op }, change.text),
      ),
    ),
    h(
      "p",
      { class: "revision-nav" },
      number > 1 ? h("a", { href: `${articleHref}/revisions/${number - 1}` }, `← Revision ${number - 1}`) : null,
      number > 1 && number < article.revisionCount ? " · " : null,
      number < article.revisionCount
        ? h("a", { href: `${articleHref}/revisions/${number + 1}` }, `Revision ${number + 1} →`)
        : null,
    ),
  );
  return { title: `Revision ${number} of ${article.title}`, content };
}
