import type { RequestHandler } from "express";
import type { Db } from "../../db/client.js";
import { findPrincipal, type Principal } from "../../domain/access/tokenService.js";
import { unauthorized } from "../../errors.js";

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
 * or revoked token: 401, with the same body either way.
 */
export function authenticate(db: Db): RequestHandler {
  return async (req, res, next) => {
    const header = req.get("authorization");
    if (header === undefined) return next();
    const token = BEARER.exec(header)?.[1];
    const principal = token === undefined ? null : await findPrincipal(db, token);
    if (!principal) {
      res.set("WWW-Authenticate", 'Bearer realm="claimtrail"');
      return next(unauthorized());
    }
    req.principal = principal;
    next();
  };
}
