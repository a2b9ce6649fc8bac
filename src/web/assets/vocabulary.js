// @ts-check
// The words the claim sheet uses for kinds, roles, stances and review states: one list for every
// view (test/web/vocabulary.test.ts checks it against src/domain/vocabulary.ts).

export const SOURCE_KINDS = /** @type {const} */ ([
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

export const CLAIM_KINDS = /** @type {const} */ ([
  "statement",
  "report",
  "denial",
  "assessment",
  "announcement",
  "warning",
  "expectation",
  "editorial",
]);

export const CHAIN_ROLES = /** @type {const} */ (["speaker", "reporter", "relay", "publisher"]);

/** Between two links of a chain's text, speaker first (the API's `text`, the CSV's `chain`). */
export const CHAIN_ARROW = " → ";

/** Which text a claim's span is into: the body, or the title (a headline claim). */
export const SPAN_TEXTS = /** @type {const} */ (["body", "title"]);

export const STANCES = /** @type {const} */ (["asserts", "denies", "hedges"]);

/** Contradictions first: the queue's default order. */
export const RELATION_TYPES = /** @type {const} */ (["contradicts", "supports", "qualifies"]);

export const REVIEW_STATUSES = /** @type {const} */ (["proposed", "confirmed", "dismissed", "needs_evidence"]);
