import { z } from "zod";
import { SheetClaim } from "../../domain/sheets/claimSheet.js";
import { SlugParam } from "./common.js";

const UpdateFlag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((value) => value === "1" || value === "true");

/** Whether a raw `?update=` asks for the update (for the route's access, before validation). */
export const isUpdateFlag = (value: unknown): boolean => value === "1" || value === "true";

/**
 * POST /api/articles: a claim sheet or an array of them (checked by the import, which reports
 * every problem with its path); `?update=true` replaces an article stored with the same body.
 */
export const ImportArticles = z.object({
  query: z.strictObject({ update: UpdateFlag }),
  body: z.string().meta({
    description:
      "a claim sheet or an array of them (application/json), or one per line (application/jsonl); see /api/schemas/claim-sheet.json",
  }),
});

/** POST /api/articles/:slug/claims.csv: claim rows as text/csv. */
export const ImportClaimRows = z.object({
  params: z.object({ slug: SlugParam }),
  query: z.strictObject({}),
  body: z.string({ error: "send the rows as text/csv" }),
});

/**
 * POST /api/articles/:slug/claims: new claims for a stored article, each as a claim sheet writes
 * it (`in: "title"` for a headline claim).
 */
export const AddArticleClaims = z.object({
  params: z.object({ slug: SlugParam }),
  query: z.strictObject({}),
  body: z.strictObject({
    claims: z.array(SheetClaim).min(1, "send at least one claim").max(500),
  }),
});
