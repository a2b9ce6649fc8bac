import type { Db } from "../../db/client.js";
import { StatementCarriers } from "../../domain/claims/carrierView.js";
import { getClaim, listClaims } from "../../domain/claims/claimService.js";
import { ClaimDetail, ClaimFacets, ListedClaim, SearchInfo } from "../../domain/claims/claimView.js";
import { traceStatementCarriers } from "../../domain/claims/statementCarriers.js";
import { type ApiRoute, one, paged, route } from "../routeTable.js";
import { GetClaim, ListClaims } from "../schemas/resources.js";

export function claimRoutes(db: Db): ApiRoute[] {
  return [
    route({
      method: "get",
      path: "/claims",
      summary: "Claims, filtered by source, role, kind, topic, article or text",
      access: "read",
      schema: ListClaims,
      response: paged(ListedClaim, { search: SearchInfo.optional(), facets: ClaimFacets.optional() }),
      handler: ({ query }) => listClaims(db, query),
    }),
    route({
      method: "get",
      path: "/claims/:id",
      summary: "One claim with its chains, stances and relations",
      access: "read",
      schema: GetClaim,
      response: one(ClaimDetail),
      handler: ({ params }) => getClaim(db, params.id),
    }),
    route({
      method: "get",
      path: "/claims/:id/carriers",
      summary: "Every outlet that carried this claim's statement, oldest article first",
      description:
        "The claim and the claims of the same speaker in other articles joined to it by supports relations that are not dismissed " +
        "(the same statement relayed by another outlet), each with its article, publisher and outlets; firstCarrier is who carried it first.",
      access: "read",
      schema: GetClaim,
      response: one(StatementCarriers),
      handler: ({ params }) => traceStatementCarriers(db, params.id),
    }),
  ];
}
