/** Where the API is mounted by default; route paths in the route table are below it. */
export const API_PREFIX = "/api";

/**
 * Every URL claimtrail writes, from one place (as Datasette's `Urls` object): the paths the
 * server mounts and links to (relative to the host), and the absolute URLs exports and the
 * OpenAPI document name things by, on PUBLIC_URL (never the request's Host).
 */
export interface Urls {
  /** PUBLIC_URL without a trailing slash: what the OpenAPI document names as its server. */
  root: string;
  /** The path the API is mounted at (`/api`). */
  apiPrefix: string;
  /** The path of an API route, `/claims/42` -> `/api/claims/42`. */
  path(routePath: string): string;
  /** The absolute URL of an API route, `/claims/42` -> `https://claims.example.org/api/claims/42`. */
  absolute(routePath: string): string;
  claim(id: number): string;
  contradiction(id: number): string;
  article(slug: string): string;
  /** The W3C Web Annotation export (the collection's id). */
  annotations(): string;
  /** The vocabulary of claimtrail's own terms (`GET /api/schemas/vocabulary`), ending in `#`. */
  vocabulary(): string;
  /** Where the docs page loads its assets from, and the document it shows. */
  docsAssets(): string;
  openApi(): string;
}

/** The URLs of a server published at `publicUrl` (e.g. `https://claims.example.org`) with the API at `apiPrefix`. */
export function urls(publicUrl: string, apiPrefix: string = API_PREFIX): Urls {
  const root = publicUrl.replace(/\/+$/, "");
  const prefix = `/${apiPrefix.replace(/^\/+|\/+$/g, "")}`;
  const path = (routePath: string) => `${prefix}${routePath}`;
  const absolute = (routePath: string) => `${root}${path(routePath)}`;
  return {
    root,
    apiPrefix: prefix,
    path,
    absolute,
    claim: (id) => absolute(`/claims/${id}`),
    contradiction: (id) => absolute(`/contradictions/${id}`),
    article: (slug) => absolute(`/articles/${encodeURIComponent(slug)}`),
    annotations: () => absolute("/export/annotations.jsonld"),
    vocabulary: () => `${absolute(VOCABULARY_PATH)}#`,
    docsAssets: () => path("/docs/assets"),
    openApi: () => path("/openapi.json"),
  };
}

/** The route of the vocabulary document. */
export const VOCABULARY_PATH = "/schemas/vocabulary";
