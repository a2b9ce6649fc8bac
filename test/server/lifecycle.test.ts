import { connect, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runServer, spawnServer } from "../support/realServer.js";
import { createTestDb, type TestDb } from "../support/testDb.js";

let test: TestDb;
beforeAll(() => {
  test = createTestDb();
});
afterAll(() => test.close());

/** A raw HTTP request whose body is sent in two halves, the second only when asked. */
function halfSentRequest(port: number, body: string) {
  const socket: Socket = connect(port, "127.0.0.1");
  let received = "";
  socket.on("data", (chunk) => (received += chunk.toString("utf8")));
  const closed = new Promise<string>((resolve) => socket.once("close", () => resolve(received)));
  const half = Math.floor(body.length / 2);
  const opened = new Promise<void>((resolve) =>
    socket.once("connect", () => {
      socket.write(
        `POST /api/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`,
      );
      resolve();
    }),
  );
  return { opened, closed, finish: () => socket.write(body.slice(half)) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("claimtrail serve", { timeout: 240_000 }, () => {
  it("exits 1 with one line naming the port and PORT when the port is taken", async () => {
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const port = (squatter.address() as { port: number }).port;
    try {
      const { code, stderr, stdout } = await runServer({ DATABASE_URL: test.url, PORT: String(port) });
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).not.toContain("serving");
      const lines = stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`port ${port}`);
      expect(lines[0]).toContain("PORT");
    } finally {
      squatter.close();
    }
  });

  it("on SIGTERM lets a request in flight finish, refuses new connections, then exits 0", async () => {
    const server = await spawnServer({ DATABASE_URL: test.url });
    const inFlight = halfSentRequest(server.port, JSON.stringify({ text: "Kyodo said the talks would resume." }));
    await inFlight.opened;
    await pause(200);
    server.child.kill("SIGTERM");
    await pause(300);
    await expect(fetch(`${server.baseUrl}/api/articles`)).rejects.toThrow();
    inFlight.finish();
    const response = await inFlight.closed;
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(response).toContain('"sheet"');
    expect(await server.exited).toBe(0);
  });

  it("cuts a request still open after SHUTDOWN_GRACE_MS and exits 0", async () => {
    const server = await spawnServer({ DATABASE_URL: test.url, SHUTDOWN_GRACE_MS: "400" });
    const stuck = halfSentRequest(server.port, JSON.stringify({ text: "never finished" }));
    await stuck.opened;
    await pause(200);
    const signalled = Date.now();
    server.child.kill("SIGINT");
    expect(await stuck.closed).toBe("");
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(350);
    expect(await server.exited).toBe(0);
  });
});
