// @ts-check
// The page's router: the part of the URL after "#" names the view, so every view is a link that
// can be bookmarked, shared and opened with the keyboard, and the server serves one file.
import { ApiError } from "./api.js";
import { errorBox } from "./components.js";
import { announce, h } from "./dom.js";
import { articleListView, articleView } from "./views/articles.js";
import { claimView } from "./views/claim.js";
import { compareView, pairView } from "./views/compare.js";
import { newArticleView } from "./views/newArticle.js";
import { queueView } from "./views/queue.js";
import { revisionView } from "./views/revision.js";
import { searchView } from "./views/search.js";
import { sourceListView, sourceView } from "./views/sources.js";

/**
 * @typedef {{ params: string[], query: URLSearchParams, navigate: (path: string, query?: Record<string, string | undefined>) => void }} Route
 * @typedef {{ title: string, content: Node, summary?: string, onShown?: () => void }} Rendered summary: said to screen
 *   readers when filters change the view in place; onShown: runs once the content is in the page (layout work)
 * @typedef {(route: Route) => Promise<Rendered>} View
 */

/** @type {Array<[RegExp, string, View]>} path pattern, the nav section it belongs to, view */
const ROUTES = [
  [/^\/contradictions$/, "contradictions", queueView],
  [/^\/contradictions\/(\d+)$/, "contradictions", compareView],
  [/^\/relations\/(\d+)$/, "contradictions", compareView],
  [/^\/compare$/, "contradictions", pairView],
  [/^\/sources$/, "sources", sourceListView],
  [/^\/sources\/([^/]+)$/, "sources", sourceView],
  [/^\/articles$/, "articles", articleListView],
  [/^\/articles\/([^/]+)$/, "articles", articleView],
  [/^\/articles\/([^/]+)\/revisions\/(\d+)$/, "articles", revisionView],
  [/^\/claims$/, "claims", searchView],
  [/^\/claims\/(\d+)$/, "articles", claimView],
  [/^\/new$/, "new", newArticleView],
];

const DEFAULT_PATH = "/contradictions";

/** The 404 view: an unknown address, or a claim, article, source or relation the API does not have. @param {string} why */
function notFound(why) {
  return h(
    "section",
    { class: "not-found", "data-status": "404" },
    h("h1", { tabindex: "-1" }, "Not found"),
    h("p", {}, `${why} `, h("a", { href: `#${DEFAULT_PATH}` }, "Go to the review queue.")),
  );
}
let renderCount = 0;
let lastPath = "";

/**
 * @param {string} path
 * @param {Record<string, string | undefined>} [query]
 */
function navigate(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const text = params.toString();
  location.hash = `#${path}${text ? `?${text}` : ""}`;
}

async function render() {
  const main = /** @type {HTMLElement} */ (document.getElementById("main"));
  if (!location.hash.startsWith("#/")) history.replaceState(null, "", `#${DEFAULT_PATH}`);
  const [rawPath = DEFAULT_PATH, rawQuery = ""] = location.hash.slice(1).split("?");
  const path = rawPath || DEFAULT_PATH;
  const query = new URLSearchParams(rawQuery);
  const match = ROUTES.map(([pattern, section, view]) => ({ found: pattern.exec(path), section, view })).find(
    (r) => r.found,
  );
  const samePage = path === lastPath;
  lastPath = path;
  const current = ++renderCount;

  for (const link of document.querySelectorAll("[data-nav]")) {
    if (match && link.getAttribute("data-nav") === match.section) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (!match) {
    main.replaceChildren(notFound("No view at this address."));
    document.title = "Not found · claimtrail";
    return;
  }
  main.setAttribute("aria-busy", "true");
  if (!samePage) main.replaceChildren(h("p", { class: "loading" }, "Loading…"));
  /** @type {Rendered} */
  let rendered;
  try {
    const params = /** @type {RegExpExecArray} */ (match.found).slice(1).map(decodeURIComponent);
    rendered = await match.view({ params, query, navigate });
  } catch (error) {
    rendered =
      error instanceof ApiError && error.status === 404
        ? { title: "Not found", content: notFound(error.message) }
        : {
            title: "Error",
            content: h("section", {}, h("h1", { tabindex: "-1" }, "Something went wrong"), errorBox(error)),
          };
  }
  if (current !== renderCount) return; // a later navigation won
  main.replaceChildren(rendered.content);
  rendered.onShown?.();
  main.removeAttribute("aria-busy");
  document.title = `${rendered.title} · claimtrail`;
  if (!samePage) {
    // A new view: put keyboard and screen-reader focus on its heading, as a page load would.
    const heading = main.querySelector("h1");
    if (heading instanceof HTMLElement) heading.focus({ preventScroll: true });
    window.scrollTo(0, 0);
    announce(rendered.title);
  } else if (rendered.summary) {
    announce(rendered.summary);
  }
}

window.addEventListener("hashchange", () => void render());
// The skip link moves focus without touching the hash, which names the view.
document.querySelector(".skip-link")?.addEventListener("click", (event) => {
  event.preventDefault();
  document.getElementById("main")?.focus();
});
void render();
