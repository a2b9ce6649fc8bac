import type { RequestHandler } from "express";
import type { Db } from "../../db/client.js";
import { findPrincipal, type Principal } from "../../domain/access/tokenService.js";
import { unauthorized } from "../../errors.js";
import { type AuthFailureLimit, tooManyFailedAuthentications } from "./authFailureLimit.js";

declare module "express-serve-static-core" {
  interface Request {
    /** The token's owner, once `authenticate` has accepted a bearer token. */
    principal?: Principal;
  }
}

const BEARER = /^Bearer[ ]+([^ ]+)[ ]*$/i;

/**
 * Reads `Authorization: Bearer <token>` and sets `req.principal`. No header: passes through
 * without one (`requireRole` decides whether that is enough). A malformed header or an unknown
 * or revoked token: 401, with the same body either way. An address with too many failures in
 * the last minute gets 429 with Retry-After before its token is looked up.
 */
export function authenticate(db: Db, failures?: AuthFailureLimit): RequestHandler {
  return async (req, res, next) => {
    const header = req.get("authorization");
    if (header === undefined) return next();
    const address = req.ip ?? req.socket.remoteAddress ?? "";
    const wait = failures?.retryAfterSeconds(address) ?? 0;
    if (wait > 0) {
      res.set("Retry-After", String(wait));
      return next(tooManyFailedAuthentications());
    }
    const token = BEARER.exec(header)?.[1];
    const principal = token === undefined ? null : await findPrincipal(db, token);
    if (!principal) {
      failures?.recordFailure(address);
      res.set("WWW-Authenticate", 'Bearer realm="claimtrail"');
      return next(unauthorized());
    }
    req.principal = principal;
    next();
  };
}
