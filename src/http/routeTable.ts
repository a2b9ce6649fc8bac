import type { Request, RequestHandler, Response, Router } from "express";
import type { z } from "zod";
import type { Role } from "../domain/access/roles.js";
import { methodNotAllowed } from "../errors.js";
import { handle, type RequestSchema } from "./handle.js";

/**
 * Who may call a route: anyone (`public`: the API's own description), anyone who may read
 * (a reader token when READS_REQUIRE_TOKEN is on), or a token with this role or higher.
 */
export type Access = "public" | "read" | Role;

export type Method = "get" | "post" | "put" | "patch" | "delete";

/**
 * One API route: how Express mounts it and how the OpenAPI document describes it, from the
 * same zod schema. Every route under /api is one of these, listed in src/http/apiRoutes.ts.
 */
export interface RouteSpec<S extends RequestSchema> {
  method: Method;
  /** Express path below /api, e.g. "/relations/:id". */
  path: string;
  /** One line for the docs. */
  summary: string;
  description?: string;
  access: Access;
  /** Validates params, query, body and headers; the document's request part comes from it. */
  schema: S;
  /** Status of a success (default 200). */
  status?: number;
  /** The success body's schema, for the docs only (responses are built by presenters). */
  response?: z.ZodType;
  /**
   * Media type of the success body when it is not JSON; the handler then sends it itself
   * (`res.type("csv").send(...)`, or awaits a stream to its end) and returns nothing.
   */
  produces?: string;
  /** Media type of the request body when it is not JSON (documented; parse it with `before`). */
  consumes?: string;
  /** Middleware run after the access guards, before the body is parsed: e.g. a finer role check, `express.raw()`. */
  before?: RequestHandler[];
  /** Error statuses this route gives beyond the ones its access, params and method imply. */
  errors?: number[];
  handler: (input: z.infer<S>, req: Request, res: Response) => Promise<unknown> | unknown;
}

export type ApiRoute = RouteSpec<RequestSchema>;

/** Declares a route; the handler's input is typed by the schema. */
export function route<S extends RequestSchema>(spec: RouteSpec<S>): ApiRoute {
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
    router[spec.method](
      spec.path,
      ...guards(spec),
      ...(spec.before ?? []),
      ...parseBody(spec),
      handle(spec.schema, spec.handler, spec.status),
    );
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
