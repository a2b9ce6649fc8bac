import { z } from "zod";

/** Every error response: `{ error: { code, message, details } }` (src/http/middleware/errorHandler.ts). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable snake_case code to switch on, e.g. stale_version" }),
      message: z.string(),
      details: z
        .unknown()
        .nullable()
        .meta({ description: "Per-field problems for 400, the current state for 409 stale_version" }),
    }),
  })
  .meta({ id: "Error" });

/** What each error status means across the API, for the docs. */
export const ERROR_STATUS_DESCRIPTIONS: Record<number, string> = {
  400: "validation_error or malformed_json: details name each field and its problem",
  401: "unauthorized: no token, or a token that is unknown or revoked (the same answer either way)",
  403: "forbidden: the token's role is too low",
  404: "not_found",
  409: "conflict (e.g. stale_version with details.current, relation_exists)",
  413: "payload_too_large",
  422: "well-formed, but breaks a domain rule (e.g. self_relation)",
  428: "precondition_required: send If-Match or version",
  429: "rate_limited: too many writes with this token; see Retry-After",
};
