import { z } from "zod";

/** POST /api/extract: a raw article text to propose a claim sheet for. */
export const ExtractRequest = z.object({
  body: z.strictObject({
    /** The article's exact text; spans in the answer are code-point offsets into it. */
    text: z.string().min(1, "must not be empty").max(200_000, "must be at most 200000 characters"),
    language: z.enum(["th", "en"]).optional(),
    /** Slug of the publishing source. */
    publisher: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and single hyphens")
      .optional(),
    title: z.string().trim().min(1, "must not be blank").max(500).optional(),
    publishedAt: z.iso.datetime({ offset: true, local: false }).optional(),
  }),
});
export type ExtractRequest = z.infer<typeof ExtractRequest>;

const Proposed = z.unknown();

/**
 * What POST /api/extract answers (src/domain/extraction builds it): `sheet` is a claim sheet in
 * the import format, which a reviewer completes before importing it, so it is described, not
 * checked, here; `proposals` says why each claim was proposed.
 */
export const ExtractionBody = z
  .strictObject({
    sheet: z
      .looseObject({ format: z.string(), article: Proposed, claims: z.array(Proposed), sources: z.array(Proposed) })
      .meta({ description: "A claim sheet (GET /api/schemas/claim-sheet.json), spans in code points into `text`" }),
    proposals: z.strictObject({
      claims: z.array(
        z.object({
          key: z.string(),
          cue: z.string(),
          stance: z.string(),
          confidence: z.number(),
          rule: z.string(),
          explanation: z.string(),
        }),
      ),
      sources: z.array(z.object({ slug: z.string(), status: z.enum(["known", "new"]), reason: z.string() })),
      relations: z.array(
        z.object({
          from: z.string(),
          to: z.string().meta({ description: "A key of this sheet, or `article-slug/key` for a stored claim" }),
          type: z.enum(["contradicts", "supports"]),
          rule: z.string(),
          reason: z.string(),
          proposition: z
            .object({
              key: z.string(),
              text: z.string(),
              stances: z.array(z.object({ claim: z.string(), stance: z.enum(["asserts", "denies", "hedges"]) })),
            })
            .optional()
            .meta({
              description: "The proposition the two claims take opposite stances on, when one denies the other",
            }),
        }),
      ),
      warnings: z.array(z.string()),
    }),
    storedContradictions: z.array(
      z.strictObject({
        claim: z.string(),
        storedClaimId: z.int(),
        articleSlug: z.string(),
        ref: z.string().meta({ description: "The stored claim as a sheet names it: `article-slug/key`" }),
        speaker: z.string(),
        quote: z.string(),
        reason: z.string(),
      }),
    ),
  })
  .meta({ id: "Extraction" });
