import type { Request, Response } from "express";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import {
  getRelation,
  proposeRelation,
  relationHistory,
  reviewRelation,
} from "../../domain/relations/relationService.js";
import { RelationEventView, RelationView } from "../../domain/relations/relationView.js";
import { preconditionRequired, unauthorized } from "../../errors.js";
import { type ApiRoute, one, route } from "../routeTable.js";
import { GetRelation, ProposeRelation, ReviewRelation, relationETag } from "../schemas/relations.js";

/** The reviewer is whoever owns the token, never a name from the body. */
function actorOf(req: Request): string {
  if (!req.principal) throw unauthorized();
  return req.principal.name;
}

function withETag(res: Response, relation: RelationView): RelationView {
  res.set("ETag", relationETag(relation.version));
  return relation;
}

export function relationRoutes(db: Db): ApiRoute[] {
  return [
    route({
      method: "post",
      path: "/relations",
      summary: "Propose a relation between two claims",
      access: "reviewer",
      schema: ProposeRelation,
      status: 201,
      response: one(RelationView),
      errors: [404, 409, 422],
      handler: async ({ body }, req, res) => withETag(res, await proposeRelation(db, body, actorOf(req))),
    }),
    route({
      method: "get",
      path: "/relations/:id",
      summary: "One relation, with its version as ETag",
      access: "read",
      schema: GetRelation,
      response: one(RelationView),
      handler: async ({ params }, _req, res) => withETag(res, await getRelation(db, params.id)),
    }),
    route({
      method: "post",
      path: "/relations/:id/review",
      summary: "Review a relation: set its status, with a note",
      description:
        'Send the version you read as If-Match: "<version>" (or "version" in the body). A stale version gets 409 stale_version with the current relation in details.current; neither gets 428.',
      access: "reviewer",
      schema: ReviewRelation,
      response: one(RelationView),
      errors: [409, 428],
      handler: async ({ params, headers, body }, req, res) => {
        const expectedVersion = headers["if-match"] ?? body.version;
        if (expectedVersion === undefined) throw preconditionRequired();
        const review = { status: body.status, note: body.note, expectedVersion };
        return withETag(res, await reviewRelation(db, params.id, review, actorOf(req)));
      },
    }),
    route({
      method: "get",
      path: "/relations/:id/history",
      summary: "A relation's review history, oldest first",
      access: "read",
      schema: GetRelation,
      response: one(z.array(RelationEventView)),
      handler: ({ params }) => relationHistory(db, params.id),
    }),
  ];
}
