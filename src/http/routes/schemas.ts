import { z } from "zod";
import { claimSheetJsonSchema } from "../../domain/sheets/claimSheetSchema.js";
import { type ApiRoute, raw, route } from "../routeTable.js";

const NoQuery = z.object({ query: z.strictObject({}) });

/** GET /api/schemas/claim-sheet.json: the claim sheet's JSON Schema, generated from the zod schema. */
export function schemaRoutes(): ApiRoute[] {
  return [
    route({
      method: "get",
      path: "/schemas/claim-sheet.json",
      summary: "The claim sheet's JSON Schema (what POST /api/articles takes and claims.json exports)",
      access: "read",
      schema: NoQuery,
      response: raw(
        "application/schema+json",
        z.looseObject({ $schema: z.string() }).meta({ description: "A JSON Schema (draft 2020-12)" }),
      ),
      handler: (_input, _req, res) =>
        void res.type("application/schema+json").send(JSON.stringify(claimSheetJsonSchema(), null, 2)),
    }),
  ];
}
