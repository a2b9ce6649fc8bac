import type { Db } from "../../db/client.js";
import { proposeClaimSheet } from "../../domain/extraction/extractionService.js";
import { type ApiRoute, one, route } from "../routeTable.js";
import { ExtractionBody, ExtractRequest } from "../schemas/extract.js";

/** POST /api/extract: proposes a claim sheet (claims, sources, chains, contradictions) for a raw text. */
export function extractRoutes(db: Db): ApiRoute[] {
  return [
    route({
      method: "post",
      path: "/extract",
      summary: "Propose a claim sheet for a raw Thai or English news text (nothing is written)",
      description:
        "Returns `{ data: { sheet, proposals, storedContradictions } }`: `sheet` is a claim sheet in the import format " +
        "(spans in code points into `text`) whose `relations` carry the proposed candidates (contradicts within the text; " +
        "contradicts and supports, 'same statement relayed', to stored claims as `article-slug/key`); `proposals` gives " +
        "each claim's cue, stance, confidence, rule and explanation, and each relation's rule.",
      access: "read",
      schema: ExtractRequest,
      response: one(ExtractionBody),
      handler: ({ body }) => proposeClaimSheet(db, body.text, body),
    }),
  ];
}
