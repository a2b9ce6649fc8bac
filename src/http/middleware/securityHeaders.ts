import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * helmet's headers on every response. The CSP lets pages load scripts, styles, fonts and data
 * only from this server (the web page and /api/docs ship their assets; nothing from a CDN).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        // Swagger UI (and small UI touches) set style attributes.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        // The server speaks plain HTTP on HOST:PORT (TLS, if any, ends at a proxy); upgrading
        // its own requests to https would break every asset on a LAN address.
        "upgrade-insecure-requests": null,
      },
    },
  });
}
