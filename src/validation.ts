import type { z } from "zod";
import type { ProblemDetail } from "./errors.js";

/** "claims[3].start" from zod's ["claims", 3, "start"]. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    "",
  );
}

/** One ProblemDetail per zod issue, naming the field and what is wrong with it. */
export function toProblemDetails(error: z.ZodError): ProblemDetail[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), code: issue.code, message: issue.message }));
}
