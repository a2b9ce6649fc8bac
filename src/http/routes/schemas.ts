import { Router } from "express";
import { notFound } from "../../errors.js";
import { claimSheetJsonSchema } from "../../domain/sheets/claimSheetSchema.js";
import { handle } from "../handle.js";
import { GetSchema } from "../schemas/imports.js";

const SCHEMAS: Record<string, () => unknown> = { "claim-sheet.json": claimSheetJsonSchema };

/** GET /api/schemas/claim-sheet.json: the claim sheet's JSON Schema, generated from the zod schema. */
export function schemaRoutes(): Router {
  const router = Router();
  router.get(
    "/schemas/:name",
    handle(GetSchema, ({ params }, _req, res) => {
      const schema = SCHEMAS[params.name];
      if (!schema) throw notFound("schema", params.name);
      res.type("application/schema+json").send(JSON.stringify(schema(), null, 2));
    }),
  );
  return router;
}
