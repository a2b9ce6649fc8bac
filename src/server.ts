import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { loadSeed } from "../seed/loadSeed.js";
import { buildApp } from "./app.js";
import type { Config } from "./config.js";
import { CLI_BUSY_TIMEOUT_MS, createDb, SERVER_BUSY_TIMEOUT_MS } from "./db/client.js";
import { applyMigrations } from "./db/migrate.js";
import { redactedUrl } from "./db/url.js";
import { importThread } from "./domain/sheets/importThread.js";

export interface RunningServer {
  server: Server;
  /** Stops accepting, lets in-flight requests finish for up to SHUTDOWN_GRACE_MS, closes the database. */
  shutdown(): Promise<void>;
}

/** The port is taken: a one-line reason naming the port and the variable that moves it. */
export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(`port ${port} on ${host} is already in use by another program; set PORT to a free port (e.g. PORT=3001)`);
    this.name = "PortInUseError";
  }
}

/**
 * Prepares the database (migrations, and the seed article when it is empty) and listens.
 * Resolves once the server is accepting connections; rejects with PortInUseError (database
 * closed again) when the port is taken.
 */
export async function startServer(config: Config, log: (line: string) => void = console.error): Promise<RunningServer> {
  await applyMigrations(config.databaseUrl);
  const db = createDb(config.databaseUrl, {
    replicaUrls: config.readReplicaUrls,
    busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS,
  });
  try {
    if (config.seedOnEmpty && (await db.article.count()) === 0) {
      const seeded = await loadSeed(db);
      log(
        `seeded ${seeded.articleSlug}: ${seeded.claims} claims, ${seeded.relations} relations (+${seeded.derivedContradictions} derived)`,
      );
    }
    // The import thread waits for another writer's lock as a CLI does: its waits block no request.
    const importer = importThread({ databaseUrl: config.databaseUrl, busyTimeoutMs: CLI_BUSY_TIMEOUT_MS });
    const server = createServer(buildApp({ config, db, importer }));
    answerClientErrors(server);
    await listen(server, config);
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    log(`claimtrail serving ${redactedUrl(config.databaseUrl)} at http://${config.host}:${port}/`);
    let closing: Promise<void> | undefined;
    const shutdown = () => {
      closing ??= closeGracefully(server, config.shutdownGraceMs)
        .then(() => importer.close())
        .then(() => db.$disconnect());
      return closing;
    };
    return { server, shutdown };
  } catch (error) {
    await db.$disconnect();
    throw error;
  }
}

function listen(server: Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortInUseError(config.host, config.port) : error);
    server.once("error", onError);
    server.listen(config.port, config.host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

/**
 * Closes the listening socket at once, lets requests in flight finish (idle keep-alive
 * connections are closed as they become idle) and cuts whatever is still open after `graceMs`:
 * a streaming export then ends with its connection closed, never as a complete-looking file.
 */
export function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idleSweep);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

const HEADER_TOO_LARGE = JSON.stringify({
  error: {
    code: "request_header_fields_too_large",
    message: "the request line or headers are larger than the server accepts (16 KiB)",
    details: null,
  },
});
const BAD_REQUEST = JSON.stringify({
  error: { code: "bad_request", message: "the request is not valid HTTP", details: null },
});

/**
 * Node answers requests it cannot parse itself (no Express involved): too-large headers (431)
 * and malformed HTTP (400). Give those the same JSON error body as every other error.
 */
export function answerClientErrors(server: Server): void {
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (error.code === "ECONNRESET" && socket.bytesWritten === 0)) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const body = tooLarge ? HEADER_TOO_LARGE : BAD_REQUEST;
    socket.end(
      `HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}
