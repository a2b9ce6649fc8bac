// @ts-check
// Shapes the page reads from the JSON API (see the presenters in src/domain/**). Types only.

/**
 * @typedef {{ slug: string, name: string, kind: string, country: string | null, stateControlled: boolean }} SourceSummary
 * @typedef {{ position: number, role: "speaker" | "reporter" | "relay" | "publisher", source: SourceSummary }} ChainLink
 * @typedef {{ index: number, links: ChainLink[], text: string, slugs: string, hopDistance: number,
 *   throughStateMedia: boolean, throughAnonymous: boolean }} TracedChain
 * @typedef {{ proposition: string, text: string, stance: "asserts" | "denies" | "hedges" }} ClaimStance
 * @typedef {{ id: number, key: string, article: { slug: string, title: string }, quote: string,
 *   span: { in: "body" | "title", start: number, end: number }, gloss: string, kind: string, hedged: boolean, cue: string | null,
 *   statedOn: string | null, anchor: "anchored" | "orphaned", speaker: SourceSummary, chains: TracedChain[],
 *   topics: string[], stances: ClaimStance[] }} Claim
 * @typedef {{ id: number, key: string, article: string, quote: string, gloss: string, kind: string,
 *   anchor: "anchored" | "orphaned", speaker: SourceSummary, chain: string }} ClaimBrief
 * @typedef {"proposed" | "confirmed" | "dismissed" | "needs_evidence"} ReviewStatus
 * @typedef {{ id: number, type: string, fromClaimId: number, toClaimId: number, status: ReviewStatus,
 *   origin: string, version: number, rationale: string }} RelationSummary
 * @typedef {RelationSummary & { sides: [ClaimBrief, ClaimBrief], needsAttention: boolean }} Contradiction
 * @typedef {{ claim: Claim, hopDistance: number, throughStateMedia: boolean, throughAnonymous: boolean }} ComparisonSide
 * @typedef {{ a: ComparisonSide, b: ComparisonSide,
 *   shared: { sources: SourceSummary[], sameSpeaker: boolean, sameArticle: boolean },
 *   relations: RelationSummary[] }} Comparison
 * @typedef {Contradiction & { comparison: Comparison }} ContradictionDetail
 * @typedef {{ id: number, actor: string, fromStatus: ReviewStatus | null, toStatus: ReviewStatus,
 *   note: string | null, version: number, createdAt: string }} RelationEvent
 * @typedef {{ id: number, type: string, direction: "outgoing" | "incoming", status: ReviewStatus, origin: string,
 *   version: number, rationale: string, other: ClaimBrief }} ClaimRelation
 * @typedef {Claim & { relations: ClaimRelation[] }} ClaimDetail
 * @typedef {SourceSummary & { names: string[], description: string | null, affiliation: SourceSummary | null,
 *   claims: { asSpeaker: number, inChains: number } }} Source
 * @typedef {Source & { affiliates: SourceSummary[] }} SourceDetail
 * @typedef {{ slug: string, title: string, publisher: SourceSummary, section: string | null, language: string,
 *   url: string | null, publishedAt: string, bodySha256: string, claimCount: number }} ArticleSummary
 * @typedef {ArticleSummary & { body: string, claims: Claim[], revisionCount: number }} ArticleDetail
 * @typedef {{ number: number, bodySha256: string, replacedAt: string, length: number }} Revision
 * @typedef {{ op: "same" | "removed" | "added", text: string, before: { start: number, end: number } | null,
 *   after: { start: number, end: number } | null }} BodyChange
 * @typedef {Revision & { body: string, changes: BodyChange[] }} RevisionDetail
 * @typedef {{ claim: ClaimBrief, article: { slug: string, title: string, publishedAt: string },
 *   publisher: SourceSummary, firstOutlet: SourceSummary, outlets: SourceSummary[], relationId: number | null }} StatementCarrier
 * @typedef {{ claimId: number, speaker: SourceSummary, carriers: StatementCarrier[], firstCarrier: StatementCarrier }} StatementCarriers
 */

export {};
