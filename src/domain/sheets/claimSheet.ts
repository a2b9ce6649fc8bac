import { z } from "zod";
import {
  ChainRole,
  ClaimKind,
  RelationOrigin,
  RelationType,
  ReviewStatus,
  SourceKind,
  SpanText,
  Stance,
} from "../vocabulary.js";

/**
 * The claim sheet: one article with every claim it attributes, the sources in their chains,
 * the propositions the claims take stances on, and the relations between claims. It is the
 * seed's format, the import format and the JSON export format.
 */
export const CLAIM_SHEET_FORMAT = "claimtrail/claim-sheet@1";

const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and single hyphens");
const Key = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "must be letters, digits, '_', '.' or '-'")
  .max(100);
const NonBlank = z.string().trim().min(1, "must not be blank");
const IsoDate = z.iso.date();
/** An ISO 8601 date-time with its UTC offset, e.g. 2023-09-20T12:14:00+07:00. */
const OffsetDateTime = z.iso.datetime({ offset: true, local: false });

export const SheetArticle = z.strictObject({
  slug: Slug,
  title: NonBlank,
  /** Slug of the publishing source (listed in `sources`). */
  publisher: Slug,
  section: NonBlank.nullable().default(null),
  /** BCP 47 language tag of the body, e.g. "th". */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a BCP 47 language tag"),
  // Only web addresses: a javascript: or data: URL would become the "original" link's href.
  url: z
    .url({ protocol: /^https?$/, error: "must be an http or https URL" })
    .nullable()
    .default(null),
  publishedAt: OffsetDateTime,
  body: z.string().min(1, "must not be empty"),
  /** Hex SHA-256 of the UTF-8 body; checked when given. */
  bodySha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits")
    .optional(),
});
export type SheetArticle = z.infer<typeof SheetArticle>;

export const SheetSource = z.strictObject({
  slug: Slug,
  /** English name. */
  name: NonBlank,
  /** Every name the text uses for the source, Thai and Latin forms. */
  names: z.array(NonBlank).default([]),
  kind: SourceKind,
  /** ISO 3166-1 alpha-2, or null for none (an international body) or unknown. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
    .nullable()
    .default(null),
  stateControlled: z.boolean().default(false),
  /** Slug of the source this one speaks for or belongs to (Peskov -> the Kremlin). */
  affiliation: Slug.nullable().default(null),
  description: NonBlank.nullable().default(null),
});
export type SheetSource = z.infer<typeof SheetSource>;

export const SheetProposition = z.strictObject({
  key: Key,
  /** A short normalised statement in English. */
  text: NonBlank,
});
export type SheetProposition = z.infer<typeof SheetProposition>;

export const SheetLink = z.strictObject({ source: Slug, role: ChainRole });
export type SheetLink = z.infer<typeof SheetLink>;

export const SheetStance = z.strictObject({ proposition: Key, stance: Stance });
export type SheetStance = z.infer<typeof SheetStance>;

export const SheetClaim = z.strictObject({
  key: Key,
  /**
   * Which text the span is into: "body" when left out, or "title" for a claim the headline
   * makes. `start`/`end` count code points of that text.
   */
  in: SpanText.optional(),
  /** Exactly `body.slice(start, end)` (or the title's) in code points. */
  quote: z.string().min(1, "must not be empty"),
  start: z.int().nonnegative(),
  end: z.int().positive(),
  gloss: NonBlank,
  kind: ClaimKind,
  hedged: z.boolean().default(false),
  cue: NonBlank.nullable().default(null),
  statedOn: IsoDate.nullable().default(null),
  topics: z.array(Slug).default([]),
  /** Attribution chains, each from the speaker out to the publisher. */
  chains: z.array(z.array(SheetLink).min(1, "a chain needs at least one link")).min(1, "a claim needs a chain"),
  stances: z.array(SheetStance).default([]),
});
export type SheetClaim = z.infer<typeof SheetClaim>;

/**
 * A claim a relation names: its key in this sheet, or `article-slug/key` for a claim of another
 * article (stored already, or earlier in the same import).
 */
export const ClaimRef = z
  .string()
  .regex(
    /^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[A-Za-z0-9][A-Za-z0-9_.-]*$/,
    "must be a claim key, or article-slug/key for a claim of another article",
  )
  .max(301);

export const SheetRelation = z.strictObject({
  from: ClaimRef,
  to: ClaimRef,
  type: RelationType,
  rationale: NonBlank,
  status: ReviewStatus.default("proposed"),
  /** curated (written by a person) or derived (found from opposite stances and kept with its review). */
  origin: RelationOrigin.default("curated"),
});
export type SheetRelation = z.infer<typeof SheetRelation>;

export const ClaimSheet = z.strictObject({
  format: z.literal(CLAIM_SHEET_FORMAT),
  article: SheetArticle,
  sources: z.array(SheetSource),
  propositions: z.array(SheetProposition).default([]),
  claims: z.array(SheetClaim),
  relations: z.array(SheetRelation).default([]),
});
export type ClaimSheet = z.infer<typeof ClaimSheet>;
export type ClaimSheetInput = z.input<typeof ClaimSheet>;

/**
 * What an import accepts: one claim sheet, or several in order (the JSON export writes an array,
 * one sheet per article). A relation may name a claim of an earlier sheet as `article-slug/key`.
 */
/** Splits a relation's claim reference into the article it names (null: this sheet's) and the key. */
export function parseClaimRef(ref: string): { article: string | null; key: string } {
  const slash = ref.indexOf("/");
  return slash === -1 ? { article: null, key: ref } : { article: ref.slice(0, slash), key: ref.slice(slash + 1) };
}
