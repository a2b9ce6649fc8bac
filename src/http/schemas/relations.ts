import { z } from "zod";
import { RelationType, ReviewStatus } from "../../domain/vocabulary.js";
import { IdParam } from "./common.js";

const NoQuery = z.strictObject({});
const Note = z.string().trim().min(1, "must not be blank").max(2000);

/** A version as an ETag: `"3"` (a bare `3` is accepted too). */
export const IfMatch = z
  .string()
  .regex(/^\s*(?:"\d{1,15}"|\d{1,15})\s*$/, 'must be one version as an ETag, e.g. "3"')
  .transform((value) => Number(value.replace(/[\s"]/g, "")))
  .meta({ description: 'The version you read, as its ETag (e.g. "3"). Or send "version" in the body.' });

/** The ETag a relation is sent with: its version, quoted. */
export const relationETag = (version: number) => `"${version}"`;

export const GetRelation = z.object({ params: z.object({ id: IdParam }), query: NoQuery });

export const ProposeRelation = z.object({
  query: NoQuery,
  body: z.strictObject({
    fromClaimId: IdParam,
    toClaimId: IdParam,
    type: RelationType,
    /** Why the two claims relate: what a reviewer will weigh. */
    rationale: z.string().trim().min(1, "must not be blank").max(4000),
    /** A note for the first history event. */
    note: Note.optional(),
  }),
});

export const ReviewRelation = z
  .object({
    params: z.object({ id: IdParam }),
    query: NoQuery,
    headers: z.object({ "if-match": IfMatch.optional() }),
    body: z.strictObject({
      status: ReviewStatus,
      note: Note.optional(),
      /** The version you read, when you cannot send If-Match. */
      version: z.int().positive().optional(),
    }),
  })
  .refine(
    (r) =>
      r.headers["if-match"] === undefined || r.body.version === undefined || r.headers["if-match"] === r.body.version,
    {
      message: "If-Match and version name different versions",
      path: ["body", "version"],
    },
  );
