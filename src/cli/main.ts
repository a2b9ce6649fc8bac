#!/usr/bin/env node
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { AppError } from "../errors.js";
import { UsageError, usageOf } from "./command.js";
import { COMMANDS, USAGE } from "./commands.js";

/**
 * `claimtrail COMMAND [options]`: exit 0 on success; 2 when called wrongly (a one-line reason and
 * the command's usage on stderr); 1 when the work failed (a one-line reason, then any details).
 */
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
    return 2;
  }
  try {
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
    return await command.run(values, positionals);
  } catch (error) {
    const usage = usageProblem(name, error);
    if (usage === undefined) throw error;
    process.stderr.write(`claimtrail: ${usage}\nusage: ${usageOf(command.help)}\n`);
    return 2;
  }
}

/** What was wrong with how `command` was called, if that is what `error` says; else undefined. */
function usageProblem(command: string, error: unknown): string | undefined {
  if (error instanceof UsageError) return error.message;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_")) {
    // Node's own text quotes the flag oddly and suggests `--`: name the flag, plainly.
    const flag = /'(-[^' ]+)/.exec((error as Error).message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${flag} for ${command}`;
    if (/argument missing/.test((error as Error).message)) return `${flag} needs a value`;
    if (/does not take an argument/.test((error as Error).message)) return `${flag} takes no value`;
    return (error as Error).message;
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0]!;
    const field = issue.path[0];
    return field === undefined || field === "positionals"
      ? `${command} ${issue.message}`
      : `invalid --${String(field)}: ${issue.message}`;
  }
  return undefined;
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
