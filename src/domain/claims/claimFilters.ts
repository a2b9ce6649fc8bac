import type { ChainRole, ClaimKind } from "../vocabulary.js";

/** The filters every claim listing and export accepts. */
export interface ClaimFilters {
  /** Slug of a source in the claim's chain. */
  source?: string;
  /** The source's role in the chain; `any` for anywhere in it. */
  role?: ChainRole | "any";
  kind?: ClaimKind;
  topic?: string;
  article?: string;
  /** Text that the quote or the gloss contains. */
  q?: string;
}

/** The role a source filter asks for, or undefined for anywhere in the chain. */
export function roleOf(filters: Omit<ClaimFilters, "q">): ChainRole | undefined {
  return filters.role === undefined || filters.role === "any" ? undefined : filters.role;
}
