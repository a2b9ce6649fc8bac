import { z } from "zod";
import { loadSeed } from "../../seed/loadSeed.js";
import { loadConfig } from "../config.js";
import { applyMigrations } from "../db/migrate.js";
import { redactedUrl } from "../db/url.js";
import { collectStats } from "../domain/stats/collectStats.js";
import { startServer } from "../server.js";
import { type Command, withDb } from "./command.js";
import { copyCommand } from "./copyCommand.js";
import { extractCommand } from "./extractCommand.js";
import {
  EXPORT_HELP,
  FILTER_OPTIONS,
  IMPORT_HELP,
  runExport,
  runImport,
  runSchema,
  SCHEMA_HELP,
} from "./sheetCommands.js";
import { tokenCommand } from "./tokenCommand.js";

const NoPositionals = z.array(z.string()).max(0, "takes no arguments");

export const COMMANDS: Record<string, Command> = {
  serve: {
    summary: "apply migrations, seed an empty database, serve the API",
    help: `claimtrail serve

Applies migrations, loads the seed article into an empty database (unless SEED_ON_EMPTY=false)
and serves the API on HOST:PORT (default 127.0.0.1:3000). SIGTERM or SIGINT stops it gracefully:
requests in flight get up to SHUTDOWN_GRACE_MS (10 s) to finish. Configuration: see .env.example.
`,
    options: {},
    async run(_values, positionals) {
      NoPositionals.parse(positionals);
      const running = await startServer(loadConfig());
      // Stop accepting, let requests in flight finish (up to SHUTDOWN_GRACE_MS), close the database.
      await new Promise<void>((resolve) => {
        const stop = () => void running.shutdown().then(resolve);
        process.once("SIGTERM", stop);
        process.once("SIGINT", stop);
      });
      return 0;
    },
  },
  migrate: {
    summary: "create the database if needed and apply pending migrations",
    help: `claimtrail migrate

Creates the database named by DATABASE_URL (and its folder) if needed and applies the
committed migrations: on SQLite those in prisma/migrations with prisma migrate deploy, on
PostgreSQL (a postgres:// DATABASE_URL) those in prisma/postgresql/migrations.
`,
    options: {},
    async run(_values, positionals) {
      NoPositionals.parse(positionals);
      const { databaseUrl } = loadConfig();
      await applyMigrations(databaseUrl);
      process.stdout.write(`migrated ${redactedUrl(databaseUrl)}\n`);
      return 0;
    },
  },
  seed: {
    summary: "load the seed article (a no-op when it is already there)",
    help: `claimtrail seed

Loads the seed claim sheet (seed/infoquest-kim-putin-2023-09-20.json) into the configured
database. An article already stored (same body SHA-256) is reported, not duplicated.
`,
    options: {},
    async run(_values, positionals) {
      NoPositionals.parse(positionals);
      const result = await withDb(loadSeed);
      process.stdout.write(`${result.status}: ${result.articleSlug} (${result.claims} claims)\n`);
      return 0;
    },
  },
  import: {
    summary: "import claim sheets (JSON, JSONL) or claim rows (CSV), all or nothing",
    help: IMPORT_HELP,
    options: { update: { type: "boolean" }, article: { type: "string" } },
    run: (values, positionals) => withDb((db) => runImport(db, values, positionals)),
  },
  export: {
    summary: "export claims, sources, contradictions or annotations (csv, xlsx, json, jsonl, jsonld)",
    help: EXPORT_HELP,
    options: { format: { type: "string" }, out: { type: "string" }, "base-url": { type: "string" }, ...FILTER_OPTIONS },
    run: (values, positionals) => withDb((db) => runExport(db, values, positionals)),
  },
  schema: {
    summary: "print the claim sheet's JSON Schema",
    help: SCHEMA_HELP,
    options: { out: { type: "string" } },
    async run(values, positionals) {
      NoPositionals.parse(positionals);
      return runSchema(values);
    },
  },
  stats: {
    summary: "count articles, sources, claims and relations",
    help: `claimtrail stats [--json]

Prints how many articles, sources, claims, propositions and relations (by type and status) the
configured database holds.
`,
    options: { json: { type: "boolean" } },
    async run(values, positionals) {
      NoPositionals.parse(positionals);
      const stats = await withDb(collectStats);
      if (values.json) {
        process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
      } else {
        for (const [name, count] of Object.entries(stats.counts)) process.stdout.write(`${name.padEnd(14)} ${count}\n`);
        for (const row of stats.relations)
          process.stdout.write(`${`${row.type}/${row.status}`.padEnd(28)} ${row.count}\n`);
      }
      return 0;
    },
  },
  extract: extractCommand(withDb),
  token: tokenCommand(withDb),
  copy: copyCommand(),
};

export const USAGE = `claimtrail: source-attribution claim tracker for fact-checkers

Usage: claimtrail COMMAND [options]   (claimtrail COMMAND --help for each)

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`)
  .join("\n")}
`;
