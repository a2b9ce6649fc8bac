/** Absolute URLs that linked-data exports name things by. */
export interface ExportUrls {
  claim(id: number): string;
  contradiction(id: number): string;
  article(slug: string): string;
  annotations(): string;
  /** The vocabulary of claimtrail's own terms (e.g. bodySha256). */
  vocabulary(): string;
}

/** URLs under the API's base, e.g. `https://claims.example.org`. */
export function exportUrls(baseUrl: string): ExportUrls {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    claim: (id) => `${base}/api/claims/${id}`,
    contradiction: (id) => `${base}/api/contradictions/${id}`,
    article: (slug) => `${base}/api/articles/${encodeURIComponent(slug)}`,
    annotations: () => `${base}/api/export/annotations.jsonld`,
    vocabulary: () => `${base}/api/schemas/vocabulary#`,
  };
}
