#!/usr/bin/env node
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { AppError } from "../errors.js";
import { COMMANDS, USAGE } from "./commands.js";

/** `claimtrail COMMAND [options]`: exit 0 on success, 1 with a one-line reason on stderr otherwise. */
async function main(argv: string[]): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(USAGE);
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`claimtrail: unknown command "${name}" (see claimtrail --help)\n`);
    return 1;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...command.options, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(command.help);
    return 0;
  }
  return command.run(values, positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`claimtrail: ${describe(error)}\n`);
    process.exitCode = 1;
  },
);

const MAX_DETAILS = 20;

function describe(error: unknown): string {
  if (error instanceof AppError) {
    // A big import can have thousands of problems: the first ones say what is wrong.
    const shown = Array.isArray(error.details) ? error.details.slice(0, MAX_DETAILS) : [];
    const more =
      Array.isArray(error.details) && error.details.length > MAX_DETAILS
        ? `\n  ... and ${error.details.length - MAX_DETAILS} more`
        : "";
    const details =
      shown.map((d: { path?: string; message?: string }) => `\n  ${d.path ?? ""}: ${d.message ?? ""}`).join("") + more;
    return `${error.message}${details}`;
  }
  if (error instanceof ZodError) {
    return `invalid input: ${error.issues.map((issue) => `${issue.path.join(".") || "(arguments)"}: ${issue.message}`).join("; ")}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
