import { z } from "zod";

// What an import answers: the response contract of POST /api/articles and of the claim-row import.

export const ImportResult = z
  .strictObject({
    articleSlug: z.string(),
    status: z
      .enum(["created", "already_present", "updated"])
      .meta({ description: "already_present: same body SHA-256, left as it was; updated: replaced in place" }),
    claims: z.int(),
    sources: z.int(),
    relations: z.int(),
    derivedContradictions: z.int(),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof ImportResult>;

export const CsvImportResult = z
  .strictObject({ articleSlug: z.string(), claims: z.int(), derivedContradictions: z.int() })
  .meta({ id: "CsvImportResult" });
export type CsvImportResult = z.infer<typeof CsvImportResult>;
