import type { Db } from "../../db/client.js";
import { listSourceClaims } from "../../domain/claims/claimService.js";
import { ListedClaim, SearchInfo } from "../../domain/claims/claimView.js";
import { getSource, listSources } from "../../domain/sources/sourceService.js";
import { SourceDetail, SourceView } from "../../domain/sources/sourceView.js";
import { type ApiRoute, one, paged, route } from "../routeTable.js";
import { GetSource, ListSourceClaims, ListSources } from "../schemas/resources.js";

export function sourceRoutes(db: Db): ApiRoute[] {
  return [
    route({
      method: "get",
      path: "/sources",
      summary: "The sources directory: by name (any stored form), sorted as stored, by name or by claims",
      access: "read",
      schema: ListSources,
      response: paged(SourceView),
      handler: ({ query }) => listSources(db, query),
    }),
    route({
      method: "get",
      path: "/sources/:slug",
      summary: "One source, with its affiliates (by slug, or by a name only one source has)",
      access: "read",
      schema: GetSource,
      response: one(SourceDetail),
      handler: ({ params }) => getSource(db, params.slug),
    }),
    route({
      method: "get",
      path: "/sources/:slug/claims",
      summary: "A source's claims as speaker, reporter, relay or publisher",
      access: "read",
      schema: ListSourceClaims,
      response: paged(ListedClaim, { search: SearchInfo.optional() }),
      handler: ({ params, query }) => listSourceClaims(db, params.slug, query),
    }),
  ];
}
