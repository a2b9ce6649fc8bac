import { z } from "zod";
import { Role } from "../domain/access/roles.js";
import { createApiToken, listApiTokens, revokeApiToken } from "../domain/access/tokenService.js";
import { type Command, UsageError, type WithDb } from "./command.js";

const HELP = `claimtrail token create --name NAME --role reader|reviewer|admin
claimtrail token list [--json]
claimtrail token revoke NAME|ID        (or --name NAME)

create prints the new token on stdout, once: only its SHA-256 is stored, so it cannot be shown
again. The name is what review history records as the reviewer; names are never reused.
list shows every token (never the token itself), revoke stops one working at once.
`;

const Create = z.strictObject({
  name: z.string({ error: "--name is required" }),
  role: z.enum(Role.options, { error: "--role must be reader, reviewer or admin" }),
});
const Revoke = z.string({ error: "name the token to revoke: token revoke NAME" }).min(1);

/** The input, or a UsageError: one line, its first problem (the usage follows it). */
function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]!.message);
  return parsed.data;
}

/** `claimtrail token create|list|revoke`: manages API tokens through the token service. */
export function tokenCommand(withDb: WithDb): Command {
  return {
    summary: "create, list or revoke API tokens",
    help: HELP,
    options: { name: { type: "string" }, role: { type: "string" }, json: { type: "boolean" } },
    async run(values, positionals) {
      const [action, ...rest] = positionals;
      if (action === "create") {
        parse(z.array(z.string()).max(0, "token create takes no arguments besides --name and --role"), rest);
        const input = parse(Create, { name: values.name, role: values.role });
        const { token, record } = await withDb((db) => createApiToken(db, input));
        process.stderr.write(
          `created ${record.role} token "${record.name}" (id ${record.id}); it is shown only this once:\n`,
        );
        process.stdout.write(`${token}\n`);
        return 0;
      }
      if (action === "list") {
        const tokens = await withDb(listApiTokens);
        if (values.json) {
          process.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
          return 0;
        }
        for (const t of tokens) {
          const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? "never"}`;
          process.stdout.write(
            `${String(t.id).padStart(4)}  ${t.name.padEnd(24)} ${t.role.padEnd(9)} created ${t.createdAt}  ${state}\n`,
          );
        }
        if (tokens.length === 0)
          process.stderr.write("no tokens yet: claimtrail token create --name NAME --role reviewer\n");
        return 0;
      }
      if (action === "revoke") {
        const nameOrId = parse(Revoke, rest[0] ?? values.name);
        const token = await withDb((db) => revokeApiToken(db, nameOrId));
        process.stdout.write(`revoked ${token.role} token "${token.name}" (id ${token.id}) at ${token.revokedAt}\n`);
        return 0;
      }
      throw new UsageError(
        action === undefined ? "token needs create, list or revoke" : `unknown token action "${action}"`,
      );
    },
  };
}
