import { z } from "zod";
import { claimSheetJsonSchema } from "../../domain/sheets/claimSheetSchema.js";
import { type Urls, VOCABULARY_PATH } from "../../urls.js";
import { type ApiRoute, raw, route } from "../routeTable.js";

const NoQuery = z.object({ query: z.strictObject({}) });

/** claimtrail's own linked-data terms, which the Web Annotation export names as `claimtrail:TERM`. */
const TERMS = [
  {
    term: "bodySha256",
    label: "body SHA-256",
    comment:
      "The SHA-256 (hex) of the article's exact body as stored: the text every claim's code-point offsets count in.",
  },
] as const;

/** The vocabulary document: each term as an rdf:Property with its label and meaning, in JSON-LD. */
function vocabularyDocument(links: Urls) {
  return {
    "@context": {
      rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      rdfs: "http://www.w3.org/2000/01/rdf-schema#",
      claimtrail: links.vocabulary(),
    },
    "@id": links.absolute(VOCABULARY_PATH),
    "@graph": TERMS.map((t) => ({
      "@id": `claimtrail:${t.term}`,
      "@type": "rdf:Property",
      "rdfs:label": t.label,
      "rdfs:comment": t.comment,
    })),
  };
}

const VocabularyDocument = z
  .looseObject({
    "@context": z.looseObject({ claimtrail: z.string() }),
    "@id": z.string(),
    "@graph": z.array(
      z.strictObject({
        "@id": z.string(),
        "@type": z.literal("rdf:Property"),
        "rdfs:label": z.string(),
        "rdfs:comment": z.string(),
      }),
    ),
  })
  .meta({ description: "A JSON-LD document of rdf:Property terms" });

/** GET /api/schemas/claim-sheet.json (the claim sheet's JSON Schema) and GET /api/schemas/vocabulary. */
export function schemaRoutes(links: Urls): ApiRoute[] {
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
    route({
      method: "get",
      path: VOCABULARY_PATH,
      summary: "claimtrail's own linked-data terms (claimtrail:bodySha256 in annotations.jsonld), as JSON-LD",
      access: "read",
      schema: NoQuery,
      response: raw("application/ld+json", VocabularyDocument),
      handler: (_input, _req, res) =>
        void res.type("application/ld+json").send(JSON.stringify(vocabularyDocument(links), null, 2)),
    }),
  ];
}
