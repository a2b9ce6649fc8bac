import { z } from "zod";
import { copyDatabase } from "../db/copyDatabase.js";
import { redactedUrl } from "../db/url.js";
import { validationError } from "../errors.js";
import { type Command, UsageError } from "./command.js";

const HELP = `claimtrail copy --from URL --to URL

Copies a whole database, every row of every table (ids, review history, API tokens), from one
database URL to another: file:... (SQLite) or postgres://... (PostgreSQL), either way round.
The target is migrated first and must be empty; the copy is one transaction on the target, so
a failure leaves it as it was. E.g. moving a desk to PostgreSQL:

  claimtrail copy --from file:./data/claimtrail.db --to postgres://desk@db1/claimtrail
`;

const Url = z.string().regex(/^(file:|postgres(ql)?:\/\/)/, "must be a file: or postgres:// URL");
const Options = z.strictObject({
  from: Url.or(z.undefined()).refine((v) => v !== undefined, "--from is required"),
  to: Url.or(z.undefined()).refine((v) => v !== undefined, "--to is required"),
});

/** `claimtrail copy --from URL --to URL`: moves a desk between databases (see copyDatabase). */
export function copyCommand(): Command {
  return {
    summary: "copy a whole database to another (SQLite or PostgreSQL), into an empty target",
    help: HELP,
    options: { from: { type: "string" }, to: { type: "string" } },
    async run(values, positionals) {
      const parsed = Options.safeParse(values);
      if (positionals.length > 0) throw new UsageError("copy takes no arguments");
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]!.message);
      const { from, to } = parsed.data as { from: string; to: string };
      if (from === to)
        throw validationError([{ path: "to", code: "same_database", message: "must differ from --from" }]);
      const { rows } = await copyDatabase(from, to);
      for (const [table, count] of Object.entries(rows)) process.stdout.write(`${table.padEnd(16)} ${count}\n`);
      process.stdout.write(`copied ${redactedUrl(from)} to ${redactedUrl(to)}\n`);
      return 0;
    },
  };
}
