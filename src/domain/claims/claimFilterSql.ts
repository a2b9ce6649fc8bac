import { Prisma } from "../../generated/prisma/client.js";
import { type ClaimFilters, roleOf } from "./claimFilters.js";

// The one definition of what each filter means, in the two forms the repositories query with:
// SQL conditions on the claim `c` (the lookups, the search, the facets) and its Prisma twin (the
// exports that read through Prisma). test/domain/claimRepository.test.ts runs both on both engines.

/**
 * The filters other than the text `q`, as SQL conditions on the claim aliased `c`. `except`
 * leaves out a filter the query already applies by the table it reads from (the source's links,
 * the topic's claims, the article's claims).
 */
export function claimConditions(
  filters: Omit<ClaimFilters, "q">,
  except?: "source" | "topic" | "article",
): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filters.source !== undefined && except !== "source") {
    const role = roleOf(filters);
    const byRole = role === undefined ? Prisma.empty : Prisma.sql` AND fl."role" = ${role}`;
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "AttributionLink" fl JOIN "Source" fs ON fs."id" = fl."sourceId"
      WHERE fl."claimId" = c."id" AND fs."slug" = ${filters.source}${byRole})`);
  }
  if (filters.kind !== undefined) where.push(Prisma.sql`c."kind" = ${filters.kind}`);
  if (filters.topic !== undefined && except !== "topic") {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ClaimTopic" ct JOIN "Topic" tp ON tp."id" = ct."topicId"
      WHERE ct."claimId" = c."id" AND tp."slug" = ${filters.topic})`);
  }
  if (filters.article !== undefined && except !== "article") {
    where.push(Prisma.sql`c."articleId" = (SELECT a."id" FROM "Article" a WHERE a."slug" = ${filters.article})`);
  }
  return where;
}

/** The conditions joined with AND (`1 = 1` for none). */
export function allOf(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length === 0 ? Prisma.sql`1 = 1` : Prisma.join(conditions, " AND ");
}

/** The same filters, `q` included, as a Prisma where clause on Claim. */
export function claimWhere(filters: ClaimFilters): Prisma.ClaimWhereInput {
  const where: Prisma.ClaimWhereInput = {};
  if (filters.source !== undefined) {
    const role = roleOf(filters);
    where.links = { some: { source: { slug: filters.source }, ...(role === undefined ? {} : { role }) } };
  }
  if (filters.kind !== undefined) where.kind = filters.kind;
  if (filters.topic !== undefined) where.topics = { some: { topic: { slug: filters.topic } } };
  if (filters.article !== undefined) where.article = { slug: filters.article };
  if (filters.q !== undefined) where.OR = [{ quote: { contains: filters.q } }, { gloss: { contains: filters.q } }];
  return where;
}
