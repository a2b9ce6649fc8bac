import type { RequestHandler } from "express";
import { z } from "zod";
import type { Paged } from "../domain/pagination.js";
import { validationError } from "../errors.js";
import { toProblemDetails } from "../validation.js";
import type { ApiRoute } from "./routeTable.js";

/**
 * What a route validates: its path parameters, query string, body and (where it reads any)
 * headers, in one zod schema. Header names are lower case, as Node gives them.
 */
export type RequestSchema = z.ZodType<{ params?: unknown; query?: unknown; body?: unknown; headers?: unknown }>;

/**
 * Wraps a route: validates params, query, body and headers with one zod schema (400 with every issue's
 * path on failure), calls the handler with the parsed input and sends what it returns in the
 * route's envelope: `{ data }`, or `{ data, page }` for a paged list. Handlers never read raw
 * `req.body`, never build the envelope and never send errors themselves.
 */
export function handle(spec: ApiRoute): RequestHandler {
  const { schema, handler, response } = spec;
  // Only schemas that declare `headers` see them, so a strict top-level schema never trips on them.
  const readsHeaders = schema instanceof z.ZodObject && "headers" in schema.shape;
  const readsBody = schema instanceof z.ZodObject && "body" in schema.shape;
  const bodyType = spec.consumes ?? "application/json";
  return async (req, res) => {
    // No parser took the body: none was sent, or one of a type this route does not read (a form).
    if (readsBody && req.body === undefined) {
      const sent = req.get("content-type");
      const message = sent ? `is ${sent.split(";")[0]}; send it as ${bodyType}` : `is missing; send it as ${bodyType}`;
      throw validationError([{ path: "body", code: "unsupported_body", message }]);
    }
    const input = {
      params: req.params,
      query: req.query,
      body: req.body,
      ...(readsHeaders ? { headers: req.headers } : {}),
    };
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw validationError(toProblemDetails(parsed.error));
    const result = await handler(parsed.data, req, res);
    if (response.envelope === "none" || res.headersSent) return;
    const status = spec.statusOf?.(result) ?? spec.status ?? 200;
    if (response.envelope === "page") {
      const { items, page, ...extras } = result as Paged<unknown>;
      res.status(status).json({ data: items, page, ...extras });
    } else {
      res.status(status).json({ data: result });
    }
  };
}
