import type { ErrorRequestHandler } from "express";
import { ZodError } from "zod";
import { alreadyExists, isDatabaseBusy, isUniqueViolation } from "../../db/errors.js";
import {
  AppError,
  busy,
  clientError,
  internalError,
  malformedBody,
  malformedJson,
  malformedUrl,
  notFound,
  payloadTooLarge,
  unsupportedCharset,
  unsupportedEncoding,
  validationError,
} from "../../errors.js";
import { Prisma } from "../../generated/prisma/client.js";
import { toProblemDetails } from "../../validation.js";

/** Seconds a client is told to wait after a 503 `busy`. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

/** Turns any error into `{ error: { code, message, details } }` with its HTTP status. The one place that does. */
export function errorHandler(log: (message: string, error: unknown) => void = defaultLog): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const appError = toAppError(error);
    if (appError.status >= 500 && appError.code !== "busy") log("unhandled error", error);
    if (appError.code === "busy") res.set("Retry-After", String(BUSY_RETRY_AFTER_SECONDS));
    if (res.headersSent) {
      // A stream already started: the status is gone, so the connection is cut instead of a truncated 200.
      res.destroy();
      return;
    }
    res.status(appError.status).json({
      error: { code: appError.code, message: appError.message, details: appError.details ?? null },
    });
  };
}

/** Maps anything thrown to an AppError; a library error carrying a 4xx status keeps that status. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(toProblemDetails(error));
  if (isDatabaseBusy(error)) return busy();
  if (isUniqueViolation(error)) return alreadyExists();
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return notFound("record", "requested");
  }
  const status = clientStatus(error);
  if (status === undefined) return internalError();
  const fields = error as { type?: unknown; limit?: unknown; charset?: unknown; encoding?: unknown };
  switch (fields.type) {
    case "entity.parse.failed":
      return malformedJson();
    case "entity.too.large":
      return payloadTooLarge(typeof fields.limit === "number" ? fields.limit : 0);
    case "charset.unsupported":
      return unsupportedCharset(String(fields.charset ?? ""));
    case "encoding.unsupported":
      return unsupportedEncoding(String(fields.encoding ?? ""));
  }
  // Express's router throws a URIError with status 400 for a path parameter it cannot decode.
  if (error instanceof URIError) return malformedUrl();
  if (status === 400) return malformedBody();
  return clientError(status, (error as { expose?: boolean }).expose ? String((error as Error).message) : "bad request");
}

/** The 4xx status an error carries (`status` or `statusCode`, as http-errors sets them), if any. */
function clientStatus(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const value = typeof status === "number" ? status : statusCode;
  return typeof value === "number" && Number.isInteger(value) && value >= 400 && value < 500 ? value : undefined;
}

function defaultLog(message: string, error: unknown): void {
  console.error(message, error);
}
