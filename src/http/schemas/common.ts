import { z } from "zod";
import { PageQuery } from "../../domain/pagination.js";
import { ChainRole, ClaimKind, ReviewStatus } from "../../domain/vocabulary.js";

export const SlugParam = z.string().min(1).max(200);
export const IdParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export { PageQuery };

/** Claim filters in a query string, but for the source (which a path may give). */
export const ClaimFieldQuery = {
  role: z.union([ChainRole, z.literal("any")]).optional(),
  kind: ClaimKind.optional(),
  topic: SlugParam.optional(),
  article: SlugParam.optional(),
  q: z.string().trim().min(1, "must not be blank").max(500).optional(),
};

/** Claim filters in a query string (GET /api/claims and everything that lists claims). */
export const ClaimFilterQuery = { source: SlugParam.optional(), ...ClaimFieldQuery };

export const ContradictionFilterQuery = {
  source: SlugParam.optional(),
  status: ReviewStatus.optional(),
  topic: SlugParam.optional(),
  article: SlugParam.optional(),
};
