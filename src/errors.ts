/**
 * The one error model. Every failure a client can see is an AppError with a stable snake_case
 * `code`; src/http/middleware/errorHandler.ts turns it into HTTP, the CLI into a one-line reason.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export interface ProblemDetail {
  path: string;
  code: string;
  message: string;
}

export const notFound = (resource: string, id: string | number) =>
  new AppError(404, "not_found", `${resource} ${JSON.stringify(String(id))} was not found`);

export const routeNotFound = (method: string, path: string) =>
  new AppError(404, "not_found", `no route for ${method} ${path}`);

export const validationError = (details: ProblemDetail[], message = "the request is not valid") =>
  new AppError(400, "validation_error", message, details);

export const malformedJson = () => new AppError(400, "malformed_json", "the request body is not valid JSON");

export const payloadTooLarge = (limitBytes: number) =>
  new AppError(413, "payload_too_large", `the request body is larger than the limit of ${limitBytes} bytes`);

export const invalidSheet = (details: ProblemDetail[]) =>
  new AppError(
    422,
    "invalid_claim_sheet",
    `the claim sheet has ${details.length} problem(s); nothing was written`,
    details,
  );

export const malformedUrl = () => new AppError(400, "malformed_url", "the URL has a malformed percent-encoding");

export const malformedBody = () =>
  new AppError(400, "malformed_body", "the request body could not be read as its headers describe it");

export const unsupportedCharset = (charset: string) =>
  new AppError(415, "unsupported_charset", `the charset ${JSON.stringify(charset)} is not supported; send UTF-8`);

export const unsupportedEncoding = (encoding: string) =>
  new AppError(
    415,
    "unsupported_encoding",
    `the Content-Encoding ${JSON.stringify(encoding)} is not supported; send identity, gzip, deflate or br`,
  );

export const methodNotAllowed = (method: string, path: string, allowed: string[]) =>
  new AppError(405, "method_not_allowed", `${method} is not allowed on ${path}; use ${allowed.join(", ")}`);

/** An error from a library that carries its own 4xx status, without a code of ours. */
export const clientError = (status: number, message: string) =>
  new AppError(status, STATUS_CODES[status] ?? "bad_request", message);

const STATUS_CODES: Record<number, string> = {
  400: "bad_request",
  404: "not_found",
  405: "method_not_allowed",
  406: "not_acceptable",
  408: "request_timeout",
  411: "length_required",
  413: "payload_too_large",
  414: "uri_too_long",
  415: "unsupported_media_type",
  416: "range_not_satisfiable",
  431: "request_header_fields_too_large",
};

/** The database is locked by another writer for longer than a request waits: try again shortly. */
export const busy = () => new AppError(503, "busy", "the database is busy with another write; try again shortly");

export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);

export const internalError = () => new AppError(500, "internal_error", "something went wrong on our side");

/** The same for a missing, unknown or revoked token: the response never says whether a token exists. */
export const unauthorized = () => new AppError(401, "unauthorized", "a valid bearer token is required");

export const forbidden = (needed: string) => new AppError(403, "forbidden", `this needs the ${needed} role or higher`);

export const unprocessable = (code: string, message: string, details?: unknown) =>
  new AppError(422, code, message, details);

export const preconditionRequired = () =>
  new AppError(
    428,
    "precondition_required",
    'send the version you read, as If-Match: "<version>" or "version" in the body',
  );

export const rateLimited = (limit: number, windowSeconds: number) =>
  new AppError(
    429,
    "rate_limited",
    `more than ${limit} writes in ${windowSeconds} seconds with this token; try again later`,
  );
