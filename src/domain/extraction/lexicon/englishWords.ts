/**
 * English words the rules read beside the cues and titles. Data: add a word here with an example
 * sentence in test/domain/extraction/english.test.ts.
 */

/** Nouns that head an untitled English source ("military intelligence said", "state media reported"). */
export const ENGLISH_SOURCE_NOUNS: readonly string[] = [
  "intelligence",
  "media",
  "police",
  "military",
  "army",
  "government",
  "authorities",
  "officials",
  "prosecutors",
  "investigators",
  "ministry",
  "agency",
  "sources",
  "regulators",
  "lawmakers",
  "diplomats",
];

/** Negations before a cue: "did not say" reports nothing said. */
export const ENGLISH_CUE_NEGATIONS: readonly string[] = [
  "did not",
  "didn't",
  "does not",
  "doesn't",
  "would not",
  "wouldn't",
  "could not",
  "couldn't",
  "has not",
  "have not",
  "declined to",
  "refused to",
  "never",
];

/** Head nouns of definite descriptions that stand for a source named before ("the agency said"). */
export const ENGLISH_DESCRIPTION_NOUNS: readonly string[] = [
  "agency",
  "ministry",
  "company",
  "government",
  "department",
  "office",
  "bank",
  "board",
  "council",
  "army",
  "military",
  "police",
  "court",
  "union",
  "party",
  "group",
  "commission",
  "committee",
  "utility",
  "operator",
  "firm",
  "broadcaster",
  "newspaper",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "minister",
  "official",
];

/** Capitalised words that open an adverbial, not a name with an appositive ("In Moscow, officials said"). */
export const ENGLISH_LEADING_ADVERBIALS: readonly string[] = [
  "In",
  "On",
  "At",
  "From",
  "For",
  "After",
  "Before",
  "During",
  "Since",
  "By",
  "With",
  "Without",
  "Despite",
  "Contrary",
  "According",
  "Meanwhile",
  "However",
  "But",
  "And",
  "Still",
  "Yet",
  "Also",
  "Earlier",
  "Later",
  "Separately",
  "Speaking",
];

/**
 * The publisher's note on why a source is not named, which ends the claim before it
 * ("..., speaking on condition of anonymity because ...").
 */
export const ENGLISH_ANONYMITY_ASIDES: readonly string[] = [
  "speaking on condition of anonymity",
  "speaking on the condition of anonymity",
  "who spoke on condition of anonymity",
  "who asked not to be named",
  "who declined to be named",
  "who requested anonymity",
  "asking not to be named",
  "declining to be identified",
];

/** Figures a source "puts at" a number ("put the death toll at 120"): a report of a figure. */
export const ENGLISH_FIGURE_NOUNS: readonly string[] = [
  "toll",
  "death toll",
  "number",
  "figure",
  "count",
  "total",
  "cost",
  "damage",
  "losses",
  "turnout",
  "crowd",
];
