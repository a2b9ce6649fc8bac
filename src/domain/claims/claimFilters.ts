import type { Prisma } from "../../generated/prisma/client.js";
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

export function claimWhere(filters: ClaimFilters): Prisma.ClaimWhereInput {
  const where: Prisma.ClaimWhereInput = {};
  if (filters.source !== undefined) {
    const role = filters.role ?? "any";
    where.links = { some: { source: { slug: filters.source }, ...(role === "any" ? {} : { role }) } };
  }
  if (filters.kind !== undefined) where.kind = filters.kind;
  if (filters.topic !== undefined) where.topics = { some: { topic: { slug: filters.topic } } };
  if (filters.article !== undefined) where.article = { slug: filters.article };
  if (filters.q !== undefined) where.OR = [{ quote: { contains: filters.q } }, { gloss: { contains: filters.q } }];
  return where;
}
