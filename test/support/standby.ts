import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Debian's PostgreSQL programs, of the newest version installed. */
const BIN = join(
  "/usr/lib/postgresql",
  readdirSync("/usr/lib/postgresql")
    .sort((a, b) => Number(a) - Number(b))
    .at(-1) ?? "15",
  "bin",
);

export interface Standby {
  port: number;
  /** `url` (a database of the primary) on the standby. */
  urlOf(url: string): string;
  stop(): void;
}

/** Runs a PostgreSQL program as the `postgres` user (the server refuses to run as root). */
function asPostgres(program: string, args: string[]): string {
  const quoted = [join(BIN, program), ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(" ");
  return execFileSync("su", ["postgres", "-c", quoted], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * A streaming hot standby of the local primary: `pg_basebackup -R` into a temp folder, then a
 * second server on `port` replaying the primary's WAL, readable but not writable. For the
 * replica test; stop() ends it and removes the folder.
 */
export function startStandby(port: number): Standby {
  const dir = mkdtempSync(join(tmpdir(), "claimtrail-standby-"));
  const { uid, gid } = statSync("/var/lib/postgresql");
  chownSync(dir, uid, gid);
  const data = join(dir, "data");
  asPostgres("pg_basebackup", ["-h", "/var/run/postgresql", "-D", data, "-R", "-X", "stream", "-c", "fast"]);
  // Debian keeps the primary's configuration outside its data folder: the standby gets its own,
  // with max_connections no lower than the primary's (else recovery stops).
  const connections = execFileSync("su", ["postgres", "-c", "psql -tAc 'SHOW max_connections'"], {
    encoding: "utf8",
  }).trim();
  writeFileSync(
    join(data, "postgresql.conf"),
    `port = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nhot_standby = on\nmax_connections = ${connections}\nshared_buffers = 32MB\n`,
  );
  writeFileSync(join(data, "pg_hba.conf"), "local all all peer\nhost all all 127.0.0.1/32 scram-sha-256\n");
  for (const file of ["postgresql.conf", "pg_hba.conf"]) {
    chownSync(join(data, file), uid, gid);
    chmodSync(join(data, file), 0o600);
  }
  try {
    asPostgres("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "start"]);
  } catch (error) {
    const log = readFileSync(join(dir, "log"), "utf8");
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the standby did not start: ${(error as Error).message}\n${log}`);
  }
  return {
    port,
    urlOf: (url) => url.replace(/@([^/:]+)(:\d+)?\//, `@127.0.0.1:${port}/`),
    stop() {
      try {
        asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
