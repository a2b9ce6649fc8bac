import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../src/cli/claimtrail.mjs", import.meta.url));

/** Runs the `claimtrail` bin in `cwd` on the database at `databaseUrl`, as a user would. */
export function runClaimtrail(databaseUrl: string, cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
