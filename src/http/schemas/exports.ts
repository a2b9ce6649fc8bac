import { z } from "zod";
import { ReviewStatus } from "../../domain/vocabulary.js";
import { ClaimFilterQuery } from "./common.js";

/** `claims.csv`: what to export and how, from the last path segment. */
export const ExportFileParam = z
  .string()
  .regex(/^[a-z]+\.[a-z]+$/, "must be TABLE.FORMAT, e.g. claims.csv")
  .transform((file) => {
    const [table, format] = file.split(".") as [string, string];
    return { file, table, format };
  });

/** GET /api/export/:file: the claim filters of GET /api/claims, a status for contradictions, `download`. */
export const ExportQuery = z.strictObject({
  ...ClaimFilterQuery,
  status: ReviewStatus.optional(),
  /** `1` (or `true`): send Content-Disposition so a browser saves the file. */
  download: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((value) => value === "1" || value === "true"),
});

export const GetExport = z.object({ params: z.object({ file: ExportFileParam }), query: ExportQuery });
