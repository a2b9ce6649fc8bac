import { z } from "zod";
import { DEFAULT_PAGE_SIZE, decodeCursor, MAX_PAGE_SIZE } from "../../domain/pagination.js";
import { ChainRole, ClaimKind, ReviewStatus } from "../../domain/vocabulary.js";

export const SlugParam = z.string().min(1).max(200);
/** A stored id: a positive integer, given as a number or as its digits (a path or a query string). */
export const IdParam = z.preprocess(
  (value) => (typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : value),
  z
    .int({ error: (issue) => (issue.input === undefined ? "is required" : "must be a positive integer") })
    .positive("must be a positive integer")
    .max(Number.MAX_SAFE_INTEGER, "must be a positive integer"),
);

const NOT_A_CURSOR = "is not a cursor this API returned";

/** `limit` and `cursor` of every keyset-paged list. */
export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, NOT_A_CURSOR)
    .transform((cursor, ctx) => {
      const id = decodeCursor(cursor);
      if (id === undefined) {
        ctx.addIssue({ code: "custom", message: NOT_A_CURSOR });
        return z.NEVER;
      }
      return id;
    })
    .optional(),
};

/** Claim filters in a query string, but for the source (which a path may give). */
export const ClaimFieldQuery = {
  role: z.enum([...ChainRole.options, "any"]).optional(),
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
  needsAttention: z
    .enum(["true", "false"], { error: 'must be "true" or "false"' })
    .transform((value) => value === "true")
    .optional()
    .meta({ description: "true: only relations with a side a corrected article orphaned; false: none of them" }),
};
