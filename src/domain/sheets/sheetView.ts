import { z } from "zod";

// What an import answers: the response contract of POST /api/articles and of the claim-row import.

export const ImportResult = z
  .strictObject({
    articleSlug: z.string(),
    status: z.enum(["created", "already_present", "unchanged", "updated", "revised"]).meta({
      description:
        "already_present: same body SHA-256, left as it was; with update=true: unchanged (the sheet says what is " +
        "stored; nothing written), updated (same body, claims merged by key), revised (a new body; the old one kept " +
        "as a revision, claims re-anchored)",
    }),
    claims: z.int(),
    sources: z.int(),
    relations: z.int(),
    derivedContradictions: z.int(),
    /** With update=true: stored claims the new body no longer holds (kept, marked orphaned). */
    orphanedClaims: z.int().optional(),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof ImportResult>;

export const CsvImportResult = z
  .strictObject({ articleSlug: z.string(), claims: z.int(), derivedContradictions: z.int() })
  .meta({ id: "CsvImportResult" });
export type CsvImportResult = z.infer<typeof CsvImportResult>;
