// @ts-check
// The page's only way to the data: the public JSON API, with the reviewer's token when one is set.

const TOKEN_KEY = "claimtrail.token";
const TOKEN_REFUSED = "The server did not accept that token (unknown or revoked). Enter a valid token.";
const TOKEN_NEEDED = "This server needs a token for this. It is kept for this browser tab only.";
/** Pages followed at most when a view needs a whole listing (500 rows each). */
const MAX_PAGES = 20;

/** An error response of the API: `{ error: { code, message, details } }` with its status. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {unknown} details
   */
  constructor(status, code, message, details) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The token kept for this tab (sessionStorage: gone when the tab closes), or null. */
export function storedToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** @param {string | null} token */
export function storeToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage can be disabled; the token then lasts until the next reload.
  }
}

/** The token question on screen, if any: requests that get 401 together share one dialog. */
/** @type {Promise<string | null> | null} */
let pendingAsk = null;

/**
 * Asks for a token in the page's dialog. Resolves to the token, or null when cancelled.
 * @param {string} reason
 * @returns {Promise<string | null>}
 */
export function askForToken(reason) {
  pendingAsk ??= showTokenDialog(reason).finally(() => (pendingAsk = null));
  return pendingAsk;
}

/**
 * @param {string} reason
 * @returns {Promise<string | null>}
 */
function showTokenDialog(reason) {
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById("token-dialog"));
  const input = /** @type {HTMLInputElement} */ (document.getElementById("token-input"));
  const reasonText = /** @type {HTMLElement} */ (document.getElementById("token-dialog-reason"));
  reasonText.textContent = reason;
  input.value = "";
  dialog.returnValue = "";
  return new Promise((resolve) => {
    dialog.addEventListener(
      "close",
      () => {
        const token = dialog.returnValue === "save" ? input.value.trim() : "";
        input.value = "";
        if (token) storeToken(token);
        resolve(token || null);
      },
      { once: true },
    );
    dialog.showModal();
    input.focus();
  });
}

/**
 * @param {string} path API path with its query string, e.g. `/api/sources?limit=500`
 * @param {RequestInit} [init]
 * @returns {Promise<{ body: any, etag: string | null }>}
 */
async function send(path, init = {}) {
  const headers = new Headers(init.headers);
  headers.set("Accept", "application/json");
  const token = storedToken();
  if (token) headers.set("Authorization", `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body && typeof body === "object" && body.error ? body.error : {};
    throw new ApiError(
      response.status,
      String(error.code ?? "http_error"),
      String(error.message ?? `${response.status} ${response.statusText}`),
      error.details ?? null,
    );
  }
  return { body, etag: response.headers.get("ETag") };
}

/**
 * Sends a request; on 401 asks for a token once and tries again (reads may be configured to
 * need one too).
 * @param {string} path
 * @param {RequestInit} [init]
 */
export async function request(path, init = {}) {
  try {
    return await send(path, init);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    const hadToken = storedToken() !== null;
    storeToken(null);
    const token = await askForToken(hadToken ? TOKEN_REFUSED : TOKEN_NEEDED);
    if (!token) throw error;
    return send(path, init);
  }
}

/**
 * GET a resource: its `data`.
 * @param {string} path
 */
export async function getData(path) {
  return (await request(path)).body.data;
}

/**
 * GET every page of a listing (keyset pages of 500, up to MAX_PAGES).
 * @param {string} path without query
 * @param {Record<string, string | undefined>} [filters]
 * @returns {Promise<any[]>}
 */
export async function getAll(path, filters = {}) {
  const rows = [];
  /** @type {string | null} */
  let cursor = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = withQuery(path, { ...filters, limit: "500", cursor: cursor ?? undefined });
    const { body } = await request(query);
    rows.push(...body.data);
    cursor = body.page?.nextCursor ?? null;
    if (!cursor) break;
  }
  return rows;
}

/**
 * A path with the non-empty values as its query string.
 * @param {string} path
 * @param {Record<string, string | undefined | null>} params
 */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The version an `ETag: "3"` names, or null.
 * @param {string | null} etag
 */
export function versionFromEtag(etag) {
  const match = /^(?:W\/)?"(\d+)"$/.exec(etag ?? "");
  return match ? Number(match[1]) : null;
}
