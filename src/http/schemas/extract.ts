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
