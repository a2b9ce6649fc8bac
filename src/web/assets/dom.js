// @ts-check
// Building the page from data without innerHTML: every string becomes a text node, so nothing
// the API returns (quotes, names, notes) can ever be read as markup.

/** @typedef {Node | string | number | null | undefined | false} Child */
/** @typedef {Child | ReadonlyArray<Child | ReadonlyArray<Child | ReadonlyArray<Child>>>} Children arrays, up to three deep, are flattened */
/** @typedef {Record<string, string | number | boolean | null | undefined | EventListener>} Attrs */

/**
 * Creates an element. Attributes whose value is null, undefined or false are left out; `on…`
 * attributes with a function value become event listeners; `true` gives an empty attribute.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Children} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

/**
 * Appends children, flattening arrays and skipping empty ones.
 * @param {Node} parent
 * @param {Children[]} children
 */
export function append(parent, children) {
  for (const child of /** @type {Child[]} */ (children.flat(Infinity))) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/**
 * A `<dl>` from label/value pairs; pairs whose value is empty are left out.
 * @param {Array<[string, Children]>} pairs
 * @param {string} [className]
 */
export function definitionList(pairs, className = "facts") {
  const items = pairs.filter(
    ([, value]) =>
      value !== null && value !== undefined && value !== "" && !(Array.isArray(value) && value.length === 0),
  );
  return h(
    "dl",
    { class: className },
    items.map(([label, value]) => h("div", {}, h("dt", {}, label), h("dd", {}, value))),
  );
}

/**
 * Says something to screen-reader users (a saved review, a failed load) without moving focus.
 * @param {string} message
 */
export function announce(message) {
  const region = document.getElementById("announcer");
  if (!region) return;
  region.textContent = "";
  // A fresh text node in a later task is what makes screen readers read the same message twice.
  setTimeout(() => (region.textContent = message), 50);
}
