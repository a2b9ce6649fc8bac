import type { ErrorRequestHandler } from "express";
import { ZodError } from "zod";
import {
  AppError,
  conflict,
  internalError,
  malformedJson,
  notFound,
  payloadTooLarge,
  validationError,
} from "../../errors.js";
import { Prisma } from "../../generated/prisma/client.js";
import { toProblemDetails } from "../../validation.js";

/** Turns any error into `{ error: { code, message, details } }` with its HTTP status. The one place that does. */
export function errorHandler(log: (message: string, error: unknown) => void = defaultLog): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const appError = toAppError(error);
    if (appError.status >= 500) log("unhandled error", error);
    res.status(appError.status).json({
      error: { code: appError.code, message: appError.message, details: appError.details ?? null },
    });
  };
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(toProblemDetails(error));
  if (isBodyParserError(error)) {
    if (error.type === "entity.parse.failed") return malformedJson();
    if (error.type === "entity.too.large") return payloadTooLarge(error.limit ?? 0);
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return notFound("record", "requested");
    if (error.code === "P2002")
      return conflict("already_exists", "a record with the same unique fields already exists");
  }
  return internalError();
}

function isBodyParserError(error: unknown): error is { type: string; limit?: number } {
  return (
    typeof error === "object" &&
    error !== null &&
    "type" in error &&
    typeof (error as { type: unknown }).type === "string"
  );
}

function defaultLog(message: string, error: unknown): void {
  console.error(message, error);
}
