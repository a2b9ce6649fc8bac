import type { Db } from "../../db/client.js";
import { SourceKind } from "../vocabulary.js";
import type { KnownSource } from "./types.js";

/** A stored claim a new article's claims are compared with. */
export interface StoredClaim {
  id: number;
  key: string;
  quote: string;
  kind: string;
  articleSlug: string;
  /** Slug of the speaker of its first chain ("" if it has none). */
  speaker: string;
  /** A denial by kind or by a stance on a proposition. */
  denies: boolean;
}

/** Every stored source with every stored name, for recognition in a new text. */
export async function findKnownSources(db: Db): Promise<KnownSource[]> {
  const rows = await db.source.findMany({
    select: { slug: true, name: true, kind: true, names: { select: { name: true }, orderBy: { position: "asc" } } },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    kind: SourceKind.catch("group").parse(row.kind),
    names: row.names.map((n) => n.name),
  }));
}

/** The most recent stored claims (newest first), at most `take`, with their speaker and stance. */
export async function findRecentClaims(db: Db, take: number): Promise<StoredClaim[]> {
  const rows = await db.claim.findMany({
    select: {
      id: true,
      key: true,
      quote: true,
      kind: true,
      article: { select: { slug: true } },
      links: { where: { chain: 0, position: 0 }, select: { source: { select: { slug: true } } } },
      stances: { select: { stance: true } },
    },
    orderBy: { id: "desc" },
    take,
  });
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    quote: row.quote,
    kind: row.kind,
    articleSlug: row.article.slug,
    speaker: row.links[0]?.source.slug ?? "",
    denies: row.kind === "denial" || row.stances.some((s) => s.stance === "denies"),
  }));
}
