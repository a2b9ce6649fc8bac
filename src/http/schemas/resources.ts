import { z } from "zod";
import { RelationType, SourceKind } from "../../domain/vocabulary.js";
import {
  ClaimFieldQuery,
  ClaimFilterQuery,
  ContradictionFilterQuery,
  IdParam,
  PageQuery,
  SlugParam,
} from "./common.js";

const NoQuery = z.strictObject({});

const Instant = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
export const ListArticles = z.object({
  query: z.strictObject({
    publisher: SlugParam.optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "is not a language tag")
      .optional(),
    /** Published at or after this instant (ISO 8601 with an offset). */
    from: Instant.optional(),
    /** Published before this instant. */
    to: Instant.optional(),
    /** Text the title contains. */
    q: z.string().trim().min(1, "must not be blank").max(200).optional(),
    ...PageQuery,
  }),
});
export const GetArticle = z.object({ params: z.object({ slug: SlugParam }), query: NoQuery });
export const GetRevision = z.object({ params: z.object({ slug: SlugParam, number: IdParam }), query: NoQuery });

export const ListSources = z.object({
  query: z.strictObject({
    kind: SourceKind.optional(),
    /** Text any stored name form contains: Thai or Latin, case and a leading honorific ignored. */
    q: z.string().trim().min(1, "must not be blank").max(200).optional(),
    sort: z.enum(["id", "name", "claims"]).default("id"),
    ...PageQuery,
  }),
});
export const GetSource = z.object({ params: z.object({ slug: SlugParam }), query: NoQuery });
export const ListSourceClaims = z.object({
  params: z.object({ slug: SlugParam }),
  query: z.strictObject({ ...ClaimFieldQuery, ...PageQuery }),
});

const FacetList = z
  .string()
  .transform((list) => [...new Set(list.split(","))])
  .pipe(
    z.array(z.enum(["kind", "topic", "speaker", "status"], { error: "facets are kind, topic, speaker and status" })),
  );
export const ListClaims = z.object({
  query: z.strictObject({
    ...ClaimFilterQuery,
    ...PageQuery,
    /** Comma-separated facets to count among the matching claims: kind, topic, speaker, status. */
    facets: FacetList.optional(),
  }),
});
export const GetClaim = z.object({ params: z.object({ id: IdParam }), query: NoQuery });

export const ListContradictions = z.object({
  query: z.strictObject({
    ...ContradictionFilterQuery,
    /** Which relations to list: contradictions (the default), another type, or `any` for every type. */
    type: z.union([RelationType, z.literal("any")]).default("contradicts"),
    ...PageQuery,
  }),
});
export const GetContradiction = z.object({ params: z.object({ id: IdParam }), query: NoQuery });

export const Compare = z.object({ query: z.strictObject({ a: IdParam, b: IdParam }) });
