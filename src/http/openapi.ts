import { OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { Urls } from "../urls.js";
import { type ApiRoute, openApiPath, responseBody } from "./routeTable.js";
import { ERROR_STATUS_DESCRIPTIONS, ErrorBody } from "./schemas/errors.js";

export interface OpenApiOptions {
  readsRequireToken: boolean;
  /** Paths are written under urls.apiPrefix, the server is PUBLIC_URL. */
  urls: Urls;
}

type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

/**
 * The OpenAPI 3.1 document of the given routes, built from the same zod schemas that validate
 * their requests, with each route's access (bearer token and role) and its possible errors.
 */
export function buildOpenApiDocument(routes: readonly ApiRoute[], options: OpenApiOptions): OpenApiDocument {
  const definitions = routes.map((spec) => ({ type: "route" as const, route: routeConfig(spec, options) }));
  const document = new OpenApiGeneratorV31(definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "claimtrail API",
      version: "1",
      description:
        "Claims of news articles with their exact quotes, attribution chains and the relations between them, under review. " +
        "Writes need `Authorization: Bearer <token>` (see `claimtrail token create`).",
    },
    servers: [{ url: options.urls.root }],
  });
  document.components = {
    ...document.components,
    securitySchemes: {
      bearerToken: { type: "http", scheme: "bearer", description: "A token from `claimtrail token create` (ct_...)" },
    },
  };
  return document;
}

function routeConfig(spec: ApiRoute, options: OpenApiOptions): RouteConfig {
  const parts = requestParts(spec);
  const needsToken = spec.access === "read" ? options.readsRequireToken : spec.access !== "public";
  const success = spec.status ?? 200;
  const errors = new Set([400, ...(spec.access === "public" ? [] : [401]), ...(spec.errors ?? [])]);
  if (spec.access === "reviewer" || spec.access === "admin") errors.add(403);
  if (spec.path.includes(":")) errors.add(404);
  if (spec.method !== "get") for (const status of [413, 429]) errors.add(status);
  return {
    method: spec.method,
    path: options.urls.path(openApiPath(spec.path)),
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.path.split("/")[1] ?? "api"],
    "x-access": spec.access,
    ...(spec.elevated ? { "x-access-elevated": { role: spec.elevated.role, when: spec.elevated.description } } : {}),
    ...(needsToken ? { security: [{ bearerToken: [] }] } : {}),
    request: {
      ...(parts.params ? { params: parts.params } : {}),
      ...(parts.query ? { query: parts.query } : {}),
      ...(parts.headers ? { headers: parts.headers } : {}),
      ...(parts.body
        ? { body: { required: true, content: { [spec.consumes ?? "application/json"]: { schema: parts.body } } } }
        : {}),
    },
    responses: {
      [success]: {
        description: spec.summary,
        content: {
          [spec.response.envelope === "none" ? spec.response.mediaType : "application/json"]: {
            schema: responseBody(spec.response),
          },
        },
      },
      ...Object.fromEntries(
        [...errors]
          .sort((a, b) => a - b)
          .map((status) => [
            status,
            {
              description: ERROR_STATUS_DESCRIPTIONS[status] ?? "error",
              content: { "application/json": { schema: ErrorBody } },
            },
          ]),
      ),
    },
  };
}

type Part = z.ZodObject | undefined;

/** The params, query, headers and body schemas inside a route's one request schema. */
function requestParts(spec: ApiRoute): { params: Part; query: Part; headers: Part; body: z.ZodType | undefined } {
  if (!(spec.schema instanceof z.ZodObject)) {
    throw new Error(
      `${spec.method.toUpperCase()} ${spec.path}: the request schema must be a z.object({ params, query, body, headers })`,
    );
  }
  const shape = spec.schema.shape as Record<string, z.ZodType | undefined>;
  const object = (name: string): Part => {
    const part = shape[name];
    if (part === undefined) return undefined;
    if (!(part instanceof z.ZodObject))
      throw new Error(`${spec.method.toUpperCase()} ${spec.path}: "${name}" must be a z.object`);
    return Object.keys(part.shape).length > 0 ? part : undefined;
  };
  return { params: object("params"), query: object("query"), headers: object("headers"), body: shape.body };
}
