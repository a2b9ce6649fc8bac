import type { Request, RequestHandler, Response } from "express";
import { z } from "zod";
import { validationError } from "../errors.js";
import { toProblemDetails } from "../validation.js";

/**
 * What a route validates: its path parameters, query string, body and (where it reads any)
 * headers, in one zod schema. Header names are lower case, as Node gives them.
 */
export type RequestSchema = z.ZodType<{ params?: unknown; query?: unknown; body?: unknown; headers?: unknown }>;

/**
 * Wraps a route: validates params, query, body and headers with one zod schema (400 with every issue's
 * path on failure), calls the handler with the parsed input and sends what it returns as JSON.
 * Handlers never read raw `req.body` and never send errors themselves.
 */
export function handle<S extends RequestSchema>(
  schema: S,
  handler: (input: z.infer<S>, req: Request, res: Response) => Promise<unknown> | unknown,
  status = 200,
): RequestHandler {
  // Only schemas that declare `headers` see them, so a strict top-level schema never trips on them.
  const readsHeaders = schema instanceof z.ZodObject && "headers" in schema.shape;
  return async (req, res) => {
    const input = {
      params: req.params,
      query: req.query,
      body: req.body,
      ...(readsHeaders ? { headers: req.headers } : {}),
    };
    const parsed = schema.safeParse(input);
    if (!parsed.success) throw validationError(toProblemDetails(parsed.error));
    const body = await handler(parsed.data, req, res);
    if (!res.headersSent) res.status(status).json(body);
  };
}
