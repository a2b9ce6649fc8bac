import type { RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { rateLimited } from "../../errors.js";

const WINDOW_MS = 60_000;

/**
 * Limits writes per token (keyed by the token's hash, never the token) to `perMinute` in a
 * sliding minute; a write without a token counts against its client address. Over the limit:
 * 429 `rate_limited` with `Retry-After`. Counters live in memory, per process.
 */
export function writeRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req) =>
      req.principal ? `token:${req.principal.tokenSha256}` : `ip:${ipKeyGenerator(req.ip ?? "")}`,
    handler: (_req, _res, next) => next(rateLimited(perMinute, WINDOW_MS / 1000)),
  });
}
