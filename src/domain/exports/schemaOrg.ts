import type { Db } from "../../db/client.js";
import type { Urls } from "../../urls.js";
import { formatWithOffset } from "../articles/publishedAt.js";
import type { SourceSummary } from "../attribution/traceChain.js";
import { presentClaim } from "../claims/claimView.js";
import type { SourceKind } from "../vocabulary.js";
import type { ExportFilters } from "./exportFilters.js";
import { type ClaimLdRecord, findClaimLdPage, findConfirmedReviewPage, type ReviewRecord } from "./exportRepository.js";
import { keysetPages } from "./keyset.js";

/** Who publishes the reviews: claimtrail's fact-checkers. */
export const REVIEW_AUTHOR = { "@type": "Organization", name: "claimtrail" } as const;

/** Sources that are people; every other kind is an organisation. */
const PERSON_KINDS: ReadonlySet<SourceKind> = new Set(["official", "head_of_state", "analyst"]);

function agent(source: SourceSummary) {
  return {
    "@type": PERSON_KINDS.has(source.kind) ? "Person" : "Organization",
    name: source.name,
    identifier: source.slug,
  };
}

/**
 * A claim as a schema.org Claim: `author` is its speaker; `appearance` the article it was read
 * in; `firstAppearance` the first outlet that reported it (the chain's reporter), or the
 * article when the chain has none.
 */
function presentClaimLd(record: ClaimLdRecord, urls: Urls) {
  const view = presentClaim(record);
  const publishedAt = formatWithOffset(record.article.publishedAt, record.article.publishedUtcOffset);
  const appearance = {
    "@type": "NewsArticle",
    url: record.article.url ?? urls.article(record.article.slug),
    headline: record.article.title,
    inLanguage: record.article.language,
    datePublished: publishedAt,
    publisher: { "@type": "Organization", name: record.article.publisher.name },
  };
  const reporter = view.chains[0]!.links.find((link) => link.role === "reporter");
  return {
    "@type": "Claim",
    "@id": urls.claim(view.id),
    url: urls.claim(view.id),
    identifier: view.key,
    text: view.quote,
    // schema.org has no span property: a headline claim says so in its position in the article.
    ...(view.span.in === "title" ? { position: "headline" } : {}),
    inLanguage: record.article.language,
    description: view.gloss,
    author: agent(view.speaker),
    datePublished: view.statedOn ?? publishedAt.slice(0, 10),
    appearance,
    firstAppearance: reporter ? { "@type": "CreativeWork", publisher: agent(reporter.source) } : appearance,
  };
}

/**
 * A confirmed contradiction as a ClaimReview of its `from` claim, with the properties Google
 * requires (`claimReviewed`, `reviewRating.alternateName`, `url`): the rating says which
 * claim contradicts it and the rationale explains why.
 */
function presentClaimReview(record: ReviewRecord, urls: Urls) {
  const reviewed = presentClaim(record.fromClaim);
  const other = presentClaim(record.toClaim);
  return {
    "@type": "ClaimReview",
    "@id": urls.contradiction(record.id),
    url: urls.contradiction(record.id),
    claimReviewed: `${reviewed.speaker.name}: ${reviewed.gloss}`,
    itemReviewed: { "@id": urls.claim(reviewed.id) },
    author: REVIEW_AUTHOR,
    datePublished: record.updatedAt.toISOString().slice(0, 10),
    reviewRating: {
      "@type": "Rating",
      alternateName: `Contradicted by ${other.speaker.name}: ${other.gloss}`,
      ratingExplanation: record.rationale,
    },
    isBasedOn: { "@id": urls.claim(other.id) },
  };
}

/**
 * schema.org JSON-LD: a graph of a Claim per exported claim, then a ClaimReview per confirmed
 * contradiction either of whose claims is exported. One node per line.
 */
export async function* schemaOrgChunks(
  db: Db,
  filters: ExportFilters,
  urls: Urls,
  pageSize?: number,
  onClaims: (count: number) => void = () => {},
): AsyncGenerator<string> {
  yield '{\n"@context": "https://schema.org",\n"@graph": [';
  let first = true;
  for await (const page of keysetPages((afterId, take) => findClaimLdPage(db, filters, afterId, take), pageSize)) {
    onClaims(page.length);
    yield (first ? "\n" : ",\n") + page.map((r) => JSON.stringify(presentClaimLd(r, urls))).join(",\n");
    first = false;
  }
  for await (const page of keysetPages(
    (afterId, take) => findConfirmedReviewPage(db, filters, afterId, take),
    pageSize,
  )) {
    yield (first ? "\n" : ",\n") + page.map((r) => JSON.stringify(presentClaimReview(r, urls))).join(",\n");
    first = false;
  }
  yield "\n]\n}\n";
}
