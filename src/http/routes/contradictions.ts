import type { Db } from "../../db/client.js";
import { compareClaims } from "../../domain/relations/compareClaims.js";
import { getContradiction, listContradictions } from "../../domain/relations/contradictionService.js";
import { type ApiRoute, route } from "../routeTable.js";
import { Compare, GetContradiction, ListContradictions } from "../schemas/resources.js";

export function contradictionRoutes(db: Db): ApiRoute[] {
  return [
    route({
      method: "get",
      path: "/contradictions",
      summary: "Contradictions, both sides summarised; filtered by source, status, topic, article",
      access: "read",
      schema: ListContradictions,
      handler: ({ query }) => listContradictions(db, query),
    }),
    route({
      method: "get",
      path: "/contradictions/:id",
      summary: "One contradiction with the side-by-side comparison",
      access: "read",
      schema: GetContradiction,
      handler: async ({ params }) => ({ data: await getContradiction(db, params.id) }),
    }),
    route({
      method: "get",
      path: "/compare",
      summary: "Any two claims side by side: quotes, chains, hop distances, shared sources, relations",
      access: "read",
      schema: Compare,
      handler: async ({ query }) => ({ data: await compareClaims(db, query.a, query.b) }),
    }),
  ];
}
