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
  new AppError(422, "invalid_claim_sheet", `the claim sheet has ${details.length} problem(s); nothing was written`, details);

export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);

export const internalError = () => new AppError(500, "internal_error", "something went wrong on our side");
