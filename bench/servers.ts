import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a server as a child process (so the load generator runs in another process) and
 * resolves once it prints the port it listens on. `portPattern` captures the port.
 */
export function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  portPattern: RegExp,
  { typescript = true, timeoutMs = 600_000 }: { typescript?: boolean; timeoutMs?: number } = {},
): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [...(typescript ? ["--import", "tsx"] : []), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = portPattern.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      child.stderr!.off("data", onData);
      child.stdout!.resume();
      child.stderr!.resume();
      resolve({
        url: `http://127.0.0.1:${match[1]}`,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
            setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
          }),
      });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

let built = false;

/** claimtrail's own server as `npm start` runs it (compiled to dist/), on the benchmark database, on a free port. */
export function startClaimtrail(databaseUrl: string): Promise<RunningServer> {
  if (!built) {
    execFileSync(
      process.execPath,
      [createRequire(import.meta.url).resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: PROJECT_ROOT,
        stdio: "inherit",
      },
    );
    built = true;
  }
  return startChild(
    ["dist/src/cli/main.js", "serve"],
    { DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", SEED_ON_EMPTY: "false" },
    /serving .* at http:\/\/127\.0\.0\.1:(\d+)\//,
    { typescript: false },
  );
}

/** The raw-driver baseline (better-sqlite3, or pg) on the same database. */
export function startBaseline(databaseUrl: string): Promise<RunningServer> {
  return startChild(["bench/baselineServer.ts", databaseUrl], {}, /listening (\d+)/);
}
