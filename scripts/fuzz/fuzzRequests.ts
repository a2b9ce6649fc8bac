import { request as httpRequest } from "node:http";
import { gzipSync } from "node:zlib";
import fc from "fast-check";

/** One generated request, as sent on the wire. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

export interface FuzzFailure {
  request: FuzzRequest;
  status: number;
  reason: string;
  body: string;
}

export interface FuzzReport {
  sent: number;
  byStatus: Record<number, number>;
  failures: FuzzFailure[];
}

interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/relations/{id}. */
  path: string;
  params: { name: string; in: string }[];
}

/** Every operation /api/openapi.json describes. */
export function operationsOf(document: { paths: Record<string, Record<string, { parameters?: unknown[] }>> }) {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = ((op.parameters ?? []) as { name: string; in: string }[]).map((p) => ({ name: p.name, in: p.in }));
      operations.push({ method: method.toUpperCase(), path: `/api${path.replace(/^\/api/, "")}`, params });
    }
  }
  return operations;
}

const hostileStrings = fc.constantFrom(
  "%zz",
  "%ff",
  "%E0%A4%A",
  "%00",
  "..%2F..%2Fetc%2Fpasswd",
  "constructor",
  "__proto__",
  "toString",
  "-1",
  "0",
  "1e309",
  "9007199254740993",
  "NaN",
  "%F0%9F%98%80",
  "%E0%B8%81%E0%B8%B5",
  "claims.constructor",
  "constructor.json",
  "a".repeat(3000),
  "%27%3B--",
  "%3Cscript%3E",
);
const plainValues = fc.oneof(
  fc.constantFrom("1", "2", "3", "small-article", "test-wire", "claims.csv", "claims.jsonld", "sources.json", "true"),
  fc.integer({ min: -5, max: 100_000 }).map(String),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const pathValue = fc.oneof({ weight: 3, arbitrary: plainValues }, { weight: 2, arbitrary: hostileStrings });

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ maxLength: 20 }),
    fc.constantFrom("\u0000", "\u001b[31m", "ก\u0e35", "😀", "javascript:alert(1)", "a".repeat(2000)),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom("status", "note", "version", "text", "fromClaimId", "toClaimId", "type", "rationale"),
        fc.constantFrom("__proto__", "constructor"),
        fc.string({ maxLength: 8 }),
      ),
      tie("value"),
      { maxKeys: 5 },
    ),
  ),
})).value;

/** Request arbitraries over the documented operations (and a few methods they do not have). */
export function requestArbitrary(operations: Operation[], tokens: string[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      op: fc.constantFrom(...operations),
      otherMethod: fc.oneof(
        { weight: 7, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom("PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "POST", "GET") },
      ),
      pathValues: fc.array(pathValue, { minLength: 3, maxLength: 3 }),
      query: fc.array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(
              "limit",
              "cursor",
              "q",
              "kind",
              "source",
              "role",
              "topic",
              "status",
              "update",
              "download",
              "article",
            ),
            fc.string({ maxLength: 6 }),
          ),
          fc.oneof(plainValues, hostileStrings),
        ),
        { maxLength: 4 },
      ),
      auth: fc.oneof(
        fc.constant(undefined),
        fc.constantFrom(...tokens).map((t) => `Bearer ${t}`),
        fc.constantFrom("Bearer ct_wrong", "Bearer", "Basic YTpi", "Bearer ct_" + "x".repeat(300), "bearer  ct_a  b"),
      ),
      contentType: fc.option(
        fc.constantFrom(
          "application/json",
          "application/json; charset=utf-8",
          "application/json; charset=latin1",
          "application/json; charset=utf-16",
          "text/csv",
          "application/jsonl",
          "multipart/form-data; boundary=x",
          "text/plain",
          "application/x-www-form-urlencoded",
          "garbage",
        ),
        { freq: 5 },
      ),
      encoding: fc.option(fc.constantFrom("gzip", "gzip-real", "deflate", "br", "x-foo", "identity"), { freq: 6 }),
      ifMatch: fc.option(fc.constantFrom('"1"', '"2"', "*", '"x"', "1", 'W/"1"'), { freq: 3 }),
      body: fc.option(
        fc.oneof(
          jsonValue.map((value) => JSON.stringify(value) ?? "null"),
          fc.constantFrom("{ not json", "", "[", '{"a":1}\n{bad', "\uFEFF{}", "id,key\n1,2"),
          fc.string({ maxLength: 50 }),
        ),
        { freq: 2 },
      ),
    })
    .map(({ op, otherMethod, pathValues, query, auth, contentType, encoding, ifMatch, body }) => {
      let i = 0;
      const path = op.path.replace(/\{[^}]+\}/g, () => pathValues[i++ % pathValues.length]!);
      const search = query.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join("&");
      const headers: Record<string, string> = {};
      if (auth !== undefined) headers.authorization = auth;
      if (contentType !== null) headers["content-type"] = contentType;
      if (ifMatch !== null) headers["if-match"] = ifMatch;
      let bytes = body === null ? null : Buffer.from(body, "utf8");
      if (encoding !== null && bytes !== null) {
        if (encoding === "gzip-real") {
          bytes = gzipSync(bytes);
          headers["content-encoding"] = "gzip";
        } else headers["content-encoding"] = encoding;
      }
      return { method: otherMethod ?? op.method, path: search ? `${path}?${search}` : path, headers, body: bytes };
    });
}

/** Whether a response body is the one error shape: `{ error: { code, message, details } }`. */
export function isErrorShape(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const keys = body && typeof body === "object" ? Object.keys(body) : [];
    return (
      keys.length === 1 &&
      typeof body.error === "object" &&
      body.error !== null &&
      typeof body.error.code === "string" &&
      typeof body.error.message === "string" &&
      "details" in body.error
    );
  } catch {
    return false;
  }
}

function send(baseUrl: string, req: FuzzRequest): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, ...(req.body ? { "content-length": String(req.body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(req.body ?? undefined);
  });
}

/**
 * Sends `count` requests generated with `seed` to the server at `baseUrl`, `concurrency` at a
 * time. A failure: a 5xx, an error status without the error shape, or a connection error.
 */
export async function fuzzServer(options: {
  baseUrl: string;
  count: number;
  seed: number;
  tokens: string[];
  concurrency?: number;
}): Promise<FuzzReport> {
  const document = (await (await fetch(`${options.baseUrl}/api/openapi.json`)).json()) as Parameters<
    typeof operationsOf
  >[0];
  const requests = fc.sample(requestArbitrary(operationsOf(document), options.tokens), {
    seed: options.seed,
    numRuns: options.count,
  });
  const report: FuzzReport = { sent: 0, byStatus: {}, failures: [] };
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const req = requests[next++]!;
      let status = 0;
      let body = "";
      try {
        ({ status, body } = await send(options.baseUrl, req));
      } catch (error) {
        report.failures.push({ request: req, status: 0, reason: `connection: ${(error as Error).message}`, body: "" });
        continue;
      } finally {
        report.sent += 1;
      }
      report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      if (status >= 500) report.failures.push({ request: req, status, reason: "5xx", body: body.slice(0, 300) });
      else if (status >= 400 && req.method !== "HEAD" && !isErrorShape(body))
        report.failures.push({ request: req, status, reason: "not the error shape", body: body.slice(0, 300) });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return report;
}
