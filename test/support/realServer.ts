import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../src/cli/claimtrail.mjs", import.meta.url));

export interface SpawnedServer {
  child: ChildProcess;
  /** http://127.0.0.1:PORT, once the server says it is serving. */
  baseUrl: string;
  port: number;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** `claimtrail serve` in its own process on a free port, as `npm start` runs it. */
export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", SEED_ON_EMPTY: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      const match = / at http:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
      if (match) resolve(Number(match[1]));
    });
    void exited.then((code) => reject(new Error(`server exited with ${code} before serving:\n${stderr}`)));
  });
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, stderr: () => stderr, exited };
}

/** Runs `claimtrail serve` to its end and gives its exit code and output. */
export function runServer(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: { ...process.env, HOST: "127.0.0.1", SEED_ON_EMPTY: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr, stdout })));
}
