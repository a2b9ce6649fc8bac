import type { Db } from "../../db/client.js";
import { compareClaims } from "../../domain/relations/compareClaims.js";
import { getContradiction, listContradictions } from "../../domain/relations/contradictionService.js";
import { Comparison, ContradictionDetail, ContradictionView } from "../../domain/relations/relationView.js";
import { type ApiRoute, one, paged, route } from "../routeTable.js";
import { Compare, GetContradiction, ListContradictions } from "../schemas/resources.js";

export function contradictionRoutes(db: Db): ApiRoute[] {
  return [
    route({
      method: "get",
      path: "/contradictions",
      summary: "Contradictions, both sides summarised; filtered by source, status, topic, article",
      access: "read",
      schema: ListContradictions,
      response: paged(ContradictionView),
      handler: ({ query }) => listContradictions(db, query),
    }),
    route({
      method: "get",
      path: "/contradictions/:id",
      summary: "One contradiction with the side-by-side comparison",
      access: "read",
      schema: GetContradiction,
      response: one(ContradictionDetail),
      errors: [422],
      handler: ({ params }) => getContradiction(db, params.id),
    }),
    route({
      method: "get",
      path: "/compare",
      summary: "Any two claims side by side: quotes, chains, hop distances, shared sources, relations",
      access: "read",
      schema: Compare,
      response: one(Comparison),
      errors: [404, 422],
      handler: ({ query }) => compareClaims(db, query.a, query.b),
    }),
  ];
}
