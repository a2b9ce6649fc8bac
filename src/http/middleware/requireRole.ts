import type { RequestHandler } from "express";
import { type Role, roleAllows } from "../../domain/access/roles.js";
import { forbidden, unauthorized } from "../../errors.js";

/** 401 without an accepted token, 403 when its role is below `role`. Goes after `authenticate`. */
export function requireRole(role: Role): RequestHandler {
  return (req, res, next) => {
    if (!req.principal) {
      res.set("WWW-Authenticate", 'Bearer realm="claimtrail"');
      return next(unauthorized());
    }
    if (!roleAllows(req.principal.role, role)) return next(forbidden(role));
    next();
  };
}
