import { createHash } from "node:crypto";
import { codePointLength, findCodePointOffsets, sliceCodePoints, utf16Index } from "../text/codePoints.js";
import { isGraphemeBoundary } from "../text/graphemes.js";
import { type ClaimSheet, parseClaimRef } from "./claimSheet.js";

/** One thing wrong with a claim sheet, located by a path into it ("claims[3].start"). */
export interface SheetProblem {
  path: string;
  code: string;
  message: string;
}

/** Slugs of sources already stored, which a sheet may reference without listing them. */
export interface KnownSources {
  has(slug: string): boolean;
}

/** Claims of other articles (stored, or earlier in the same import) that relations may name. */
export interface KnownClaims {
  has(articleSlug: string, key: string): boolean;
}

/** The extractor's stand-in when it finds no publisher: never a real source (see extractClaimSheet). */
export const PLACEHOLDER_SOURCE = /^unknown-publisher(?:-\d+)?$/;

const NONE_KNOWN: KnownSources = { has: () => false };
const NO_CLAIMS: KnownClaims = { has: () => false };

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Checks everything zod's shape cannot: quotes at their offsets, references that resolve,
 * no duplicates, chains that run from a speaker out to the article's publisher. Returns every
 * problem found, in sheet order; an empty list means the sheet can be written.
 */
export function checkClaimSheet(
  sheet: ClaimSheet,
  knownSources: KnownSources = NONE_KNOWN,
  knownClaims: KnownClaims = NO_CLAIMS,
): SheetProblem[] {
  const problems: SheetProblem[] = [];
  const report = (path: string, code: string, message: string) => problems.push({ path, code, message });
  const { article } = sheet;

  if (article.bodySha256 !== undefined && article.bodySha256 !== sha256Hex(article.body)) {
    report("article.bodySha256", "body_hash_mismatch", "does not match the SHA-256 of article.body");
  }

  const sourceSlugs = new Set<string>();
  sheet.sources.forEach((source, i) => {
    if (sourceSlugs.has(source.slug))
      report(`sources[${i}].slug`, "duplicate_source", `source "${source.slug}" is listed twice`);
    sourceSlugs.add(source.slug);
    if (PLACEHOLDER_SOURCE.test(source.slug))
      report(
        `sources[${i}].slug`,
        "placeholder_source",
        `"${source.slug}" is the extractor's placeholder: name the real source`,
      );
    if (new Set(source.names).size !== source.names.length) {
      report(`sources[${i}].names`, "duplicate_name", `source "${source.slug}" lists a name twice`);
    }
  });
  const sourceExists = (slug: string) => sourceSlugs.has(slug) || knownSources.has(slug);
  sheet.sources.forEach((source, i) => {
    if (source.affiliation === null) return;
    if (source.affiliation === source.slug) {
      report(`sources[${i}].affiliation`, "self_affiliation", `source "${source.slug}" cannot be affiliated to itself`);
    } else if (!sourceExists(source.affiliation)) {
      report(`sources[${i}].affiliation`, "unknown_source", `unknown source "${source.affiliation}"`);
    }
  });
  if (PLACEHOLDER_SOURCE.test(article.publisher)) {
    report(
      "article.publisher",
      "placeholder_publisher",
      "the publisher is a placeholder: set the real publisher before import",
    );
  } else if (!sourceExists(article.publisher)) {
    report("article.publisher", "unknown_source", `unknown source "${article.publisher}"`);
  }

  const propositionKeys = new Set<string>();
  sheet.propositions.forEach((proposition, i) => {
    if (propositionKeys.has(proposition.key)) {
      report(`propositions[${i}].key`, "duplicate_proposition", `proposition "${proposition.key}" is listed twice`);
    }
    propositionKeys.add(proposition.key);
  });

  const texts = {
    body: { text: article.body, length: codePointLength(article.body) },
    title: { text: article.title, length: codePointLength(article.title) },
  };
  // The article's own date in its own time zone: "2023-09-20" of 2023-09-20T12:14:00+07:00.
  const publishedOn = article.publishedAt.slice(0, 10);
  const claimKeys = new Set<string>();
  const claimsBySpan = new Map<string, ClaimSheet["claims"]>();
  sheet.claims.forEach((claim, i) => {
    const at = `claims[${i}]`;
    if (claimKeys.has(claim.key)) report(`${at}.key`, "duplicate_claim", `claim "${claim.key}" is listed twice`);
    claimKeys.add(claim.key);
    if (claim.statedOn !== null && claim.statedOn > publishedOn) {
      report(
        `${at}.statedOn`,
        "stated_after_publication",
        `statedOn (${claim.statedOn}) is after the article was published (${publishedOn})`,
      );
    }
    const spanIn = claim.in ?? "body";
    checkSpan(texts[spanIn].text, texts[spanIn].length, spanIn, claim, at, report);
    // Two claims may share a span only when attributed differently (a report and its relay).
    // Chains are compared only between claims of the same span, which most claims are alone on.
    const span = `${spanIn}:${claim.start}:${claim.end}`;
    const sameSpan = claimsBySpan.get(span);
    if (sameSpan === undefined) {
      claimsBySpan.set(span, [claim]);
    } else {
      const chains = JSON.stringify(claim.chains);
      const twin = sameSpan.findLast((other) => JSON.stringify(other.chains) === chains);
      if (twin !== undefined)
        report(at, "duplicate_claim", `claim "${claim.key}" repeats claim "${twin.key}" (same span and chains)`);
      sameSpan.push(claim);
    }

    for (const [c, chain] of claim.chains.entries()) {
      checkChain(chain, `${at}.chains[${c}]`, article.publisher, sourceExists, report);
    }
    const stanceKeys = new Set<string>();
    claim.stances.forEach((stance, s) => {
      if (!propositionKeys.has(stance.proposition)) {
        report(`${at}.stances[${s}].proposition`, "unknown_proposition", `unknown proposition "${stance.proposition}"`);
      }
      if (stanceKeys.has(stance.proposition)) {
        report(
          `${at}.stances[${s}].proposition`,
          "duplicate_stance",
          `claim "${claim.key}" takes two stances on "${stance.proposition}"`,
        );
      }
      stanceKeys.add(stance.proposition);
    });
    if (new Set(claim.topics).size !== claim.topics.length) {
      report(`${at}.topics`, "duplicate_topic", `claim "${claim.key}" lists a topic twice`);
    }
  });

  const relationKeys = new Set<string>();
  sheet.relations.forEach((relation, i) => {
    const at = `relations[${i}]`;
    const [from, to] = [localRef(relation.from, article.slug), localRef(relation.to, article.slug)];
    for (const [end, ref] of [
      ["from", from],
      ["to", to],
    ] as const) {
      const { article: other, key } = parseClaimRef(ref);
      const exists = other === null ? claimKeys.has(key) : knownClaims.has(other, key);
      if (!exists) report(`${at}.${end}`, "unknown_claim", `unknown claim "${ref}"`);
    }
    if (from === to) report(at, "self_relation", `claim "${from}" cannot be related to itself`);
    if (parseClaimRef(from).article !== null && parseClaimRef(to).article !== null) {
      report(at, "relation_outside_sheet", "a relation must involve at least one claim of this sheet");
    }
    const [a, b] = relation.type === "contradicts" ? [from, to].sort() : [from, to];
    const key = `${relation.type}:${a}:${b}`;
    if (relationKeys.has(key))
      report(at, "duplicate_relation", `${relation.from} ${relation.type} ${relation.to} is listed twice`);
    relationKeys.add(key);
  });

  return problems;
}

/** `this-article/key` is just `key`. */
function localRef(ref: string, articleSlug: string): string {
  const { article, key } = parseClaimRef(ref);
  return article === articleSlug ? key : ref;
}

function checkSpan(
  body: string,
  bodyLength: number,
  spanIn: "body" | "title",
  claim: ClaimSheet["claims"][number],
  at: string,
  report: (path: string, code: string, message: string) => void,
): void {
  if (claim.end <= claim.start) {
    report(`${at}.end`, "empty_span", `end (${claim.end}) must be greater than start (${claim.start})`);
    return;
  }
  if (claim.end > bodyLength) {
    report(
      `${at}.end`,
      spanIn === "title" ? "span_out_of_title" : "span_out_of_body",
      `end (${claim.end}) is past the ${spanIn}'s end (${bodyLength})`,
    );
    return;
  }
  if (sliceCodePoints(body, claim.start, claim.end) !== claim.quote) {
    const found = findCodePointOffsets(body, claim.quote);
    const where = found.length === 0 ? `it does not occur in the ${spanIn}` : `it occurs at ${found.join(", ")}`;
    const into = spanIn === "title" ? " of the title" : "";
    report(`${at}.quote`, "quote_not_at_offsets", `quote is not at ${claim.start}-${claim.end}${into}: ${where}`);
    return;
  }
  for (const edge of ["start", "end"] as const) {
    if (!isGraphemeBoundary(body, utf16Index(body, claim[edge]))) {
      report(`${at}.${edge}`, "span_splits_grapheme", `${edge} (${claim[edge]}) falls inside a grapheme`);
    }
  }
}

function checkChain(
  chain: ClaimSheet["claims"][number]["chains"][number],
  at: string,
  publisher: string,
  sourceExists: (slug: string) => boolean,
  report: (path: string, code: string, message: string) => void,
): void {
  chain.forEach((link, l) => {
    if (!sourceExists(link.source)) report(`${at}[${l}].source`, "unknown_source", `unknown source "${link.source}"`);
  });
  const first = chain[0]!;
  const last = chain[chain.length - 1]!;
  if (chain.length === 1) {
    if (first.role !== "speaker" || first.source !== publisher) {
      report(at, "chain_without_publisher", `a one-link chain is the publisher speaking: "${publisher}" as speaker`);
    }
    return;
  }
  if (first.role !== "speaker") report(`${at}[0].role`, "chain_role_order", "the first link must be the speaker");
  if (last.role !== "publisher" || last.source !== publisher) {
    report(
      `${at}[${chain.length - 1}]`,
      "chain_without_publisher",
      `the last link must be the article's publisher "${publisher}"`,
    );
  }
  chain.slice(1, -1).forEach((link, l) => {
    if (link.role === "speaker" || link.role === "publisher") {
      report(`${at}[${l + 1}].role`, "chain_role_order", `a middle link must be a reporter or relay, not ${link.role}`);
    }
  });
  const seen = new Set<string>();
  chain.forEach((link, l) => {
    if (seen.has(link.source))
      report(`${at}[${l}].source`, "chain_cycle", `source "${link.source}" appears twice in one chain`);
    seen.add(link.source);
  });
}
