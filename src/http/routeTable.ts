import type { Request, RequestHandler, Response, Router } from "express";
import { z } from "zod";
import type { Role } from "../domain/access/roles.js";
import type { Paged } from "../domain/pagination.js";
import { methodNotAllowed } from "../errors.js";
import { handle, type RequestSchema } from "./handle.js";

/**
 * Who may call a route: anyone (`public`: the API's own description), anyone who may read
 * (a reader token when READS_REQUIRE_TOKEN is on), or a token with this role or higher.
 */
export type Access = "public" | "read" | Role;

export type Method = "get" | "post" | "put" | "patch" | "delete";

/** What a success body is: `handle()` builds the JSON envelope; a raw body the handler sends itself. */
export type ResponseSpec<T = unknown> =
  | { envelope: "data"; data: z.ZodType<T> }
  | { envelope: "page"; item: z.ZodType; extras: z.ZodRawShape }
  | { envelope: "none"; mediaType: string; body: z.ZodType };

/** `{ data }`: the handler returns the value of `data`. */
export const one = <T>(data: z.ZodType<T>): ResponseSpec<T> => ({ envelope: "data", data });

/**
 * `{ data: [...], page: { limit, nextCursor } }`: the handler returns a `Paged` list. `extras`
 * are further top-level keys of the body (e.g. `search`), which the handler returns beside `items`.
 */
export const paged = <T, X extends object = object>(
  item: z.ZodType<T>,
  extras: z.ZodRawShape = {},
): ResponseSpec<Paged<T> & X> => ({ envelope: "page", item, extras });

/** A body the handler sends itself (`res.type(...).send(...)`, or a stream), in this media type. */
export const raw = (mediaType: string, body: z.ZodType): ResponseSpec<void> => ({ envelope: "none", mediaType, body });

export const PageBody = z
  .strictObject({
    limit: z.int(),
    nextCursor: z.string().nullable().meta({ description: "Pass as ?cursor= for the next page; null on the last" }),
  })
  .meta({ id: "Page" });

/** The whole success body a response spec promises: what the docs show and the contract test parses. */
export function responseBody(response: ResponseSpec): z.ZodType {
  if (response.envelope === "data") return z.strictObject({ data: response.data });
  if (response.envelope === "page")
    return z.strictObject({ data: z.array(response.item), page: PageBody, ...response.extras });
  return response.body;
}

/**
 * One API route: how Express mounts it and how the OpenAPI document describes it, from the
 * same zod schema. Every route under /api is one of these, listed in src/http/apiRoutes.ts.
 */
export interface RouteSpec<S extends RequestSchema, T = unknown> {
  method: Method;
  /** Express path below /api, e.g. "/relations/:id". */
  path: string;
  /** One line for the docs. */
  summary: string;
  description?: string;
  access: Access;
  /** A higher role some requests of this route need, e.g. `?update=true` replacing stored data. */
  elevated?: { role: Role; when: (req: Request) => boolean; description: string };
  /** Validates params, query, body and headers; the document's request part comes from it. */
  schema: S;
  /** Status of a success (default 200). */
  status?: number;
  /** What a success body is: `one(Schema)`, `paged(ItemSchema)` or `raw(mediaType, Schema)`. */
  response: ResponseSpec<T>;
  /** The status of this success when it depends on the result (e.g. 201 created, 200 already there). */
  statusOf?: (result: T) => number;
  /** Media type of the request body when it is not JSON (documented; parse it with `before`). */
  consumes?: string;
  /** Middleware run after the access guards, before the body is parsed: e.g. a finer role check, `express.raw()`. */
  before?: RequestHandler[];
  /** Error statuses this route gives beyond the ones its access, params and method imply. */
  errors?: number[];
  /** Returns the response's value (a domain value; `handle()` wraps it), or nothing for a raw body. */
  handler: (input: z.infer<S>, req: Request, res: Response) => Promise<T> | T;
}

export type ApiRoute = RouteSpec<RequestSchema>;

/** Declares a route; the handler's input is typed by the schema, its result by the response. */
export function route<S extends RequestSchema, T>(spec: RouteSpec<S, T>): ApiRoute {
  return spec as unknown as ApiRoute;
}

/**
 * Mounts each route on `router` behind the guards its access needs, its own `before` checks,
 * then the body parsers (so no body is read for a request the guards refuse), then its
 * validated handler.
 */
export function mountRoutes(
  router: Router,
  routes: readonly ApiRoute[],
  guards: (route: ApiRoute) => RequestHandler[],
  parseBody: (route: ApiRoute) => RequestHandler[] = () => [],
): void {
  for (const spec of routes) {
    router[spec.method](spec.path, ...guards(spec), ...(spec.before ?? []), ...parseBody(spec), handle(spec));
  }
  // A known path asked with a method it does not have: 405 with Allow, after every route had its turn.
  const methodsByPath = new Map<string, string[]>();
  for (const spec of routes) {
    const methods = methodsByPath.get(spec.path) ?? [];
    methods.push(spec.method.toUpperCase(), ...(spec.method === "get" ? ["HEAD"] : []));
    methodsByPath.set(spec.path, methods);
  }
  for (const [path, methods] of methodsByPath) {
    router.all(path, (req, res, next) => {
      res.set("Allow", methods.join(", "));
      next(methodNotAllowed(req.method, req.path, methods));
    });
  }
}

/** "/relations/:id" as OpenAPI writes it: "/relations/{id}". */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}
