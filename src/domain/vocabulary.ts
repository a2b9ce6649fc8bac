import { z } from "zod";

/** What kind of speaker or outlet a source is. */
export const SourceKind = z.enum([
  "news_agency",
  "broadcaster",
  "newspaper",
  "publisher",
  "government",
  "official",
  "head_of_state",
  "military",
  "analyst",
  "think_tank",
  "international_body",
  "anonymous",
  "group",
]);
export type SourceKind = z.infer<typeof SourceKind>;

/** What a claim does: reports a fact, denies one, assesses, warns... */
export const ClaimKind = z.enum([
  "statement",
  "report",
  "denial",
  "assessment",
  "announcement",
  "warning",
  "expectation",
  "editorial",
]);
export type ClaimKind = z.infer<typeof ClaimKind>;

/**
 * A link's part in an attribution chain. `speaker` made the claim; `reporter` is the first
 * outlet that reported it; `relay` passed on another outlet's report ("Yonhap, citing KCBS");
 * `publisher` published the article the claim was read in.
 */
export const ChainRole = z.enum(["speaker", "reporter", "relay", "publisher"]);
export type ChainRole = z.infer<typeof ChainRole>;

/** Which of an article's texts a claim's span is into: its body, or its title (a headline claim). */
export const SpanText = z.enum(["body", "title"]);
export type SpanText = z.infer<typeof SpanText>;

/** The stance a claim takes on a proposition. */
export const Stance = z.enum(["asserts", "denies", "hedges"]);
export type Stance = z.infer<typeof Stance>;

export const RelationType = z.enum(["contradicts", "supports", "qualifies"]);
export type RelationType = z.infer<typeof RelationType>;

export const ReviewStatus = z.enum(["proposed", "confirmed", "dismissed", "needs_evidence"]);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/**
 * curated: put forward by a person (in a claim sheet, or through POST /api/relations);
 * derived: found from opposite stances on a proposition.
 */
export const RelationOrigin = z.enum(["curated", "derived"]);
export type RelationOrigin = z.infer<typeof RelationOrigin>;
