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

export const ListArticles = z.object({ query: NoQuery });
export const GetArticle = z.object({ params: z.object({ slug: SlugParam }), query: NoQuery });

export const ListSources = z.object({ query: z.strictObject({ kind: SourceKind.optional(), ...PageQuery }) });
export const GetSource = z.object({ params: z.object({ slug: SlugParam }), query: NoQuery });
export const ListSourceClaims = z.object({
  params: z.object({ slug: SlugParam }),
  query: z.strictObject({ ...ClaimFieldQuery, ...PageQuery }),
});

export const ListClaims = z.object({ query: z.strictObject({ ...ClaimFilterQuery, ...PageQuery }) });
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

export const Compare = z.object({
  query: z
    .strictObject({ a: IdParam, b: IdParam })
    .refine((q) => q.a !== q.b, { message: "a and b must be two different claims", path: ["b"] }),
});
