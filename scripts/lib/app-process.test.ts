import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { freePort } from "../../db/testing/database";
import { groupPids } from "./app-harness";
import { startApp } from "./app-process";
import { portErrorFrom } from "./ports";

let servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

/** Holds a port and, like a stuck program, accepts connections without ever answering. */
async function holdPort(port: number): Promise<void> {
  const server = createServer((socket) => sockets.add(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
}

function stubOptions(port: number, script = "") {
  return {
    command: process.execPath,
    args: ["-e", script],
    cwd: process.cwd(),
    env: process.env,
    port,
    host: "127.0.0.1",
    readyUrl: `http://127.0.0.1:${port}/api/ready`,
    timeoutMs: 15_000,
  };
}

/** A stand-in for `next start`: runs `script` with node, in the app's place. */
const stub = (script: string, port: number) => startApp(stubOptions(port, script));

describe("startApp", () => {
  it("resolves once the ready URL answers, and stop() leaves nothing of its process group", async () => {
    const port = await freePort();
    // A leader that also starts a worker, as next start does.
    const app = stub(
      `require("node:child_process").spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
       require("node:http").createServer((_, res) => res.end("ok")).listen(${port}, "127.0.0.1")`,
      port,
    );
    await app.ready;
    const pgid = app.child.pid!;
    expect(groupPids(pgid).length).toBe(2);
    await app.stop();
    // SIGKILL is delivered asynchronously.
    await vi.waitFor(() => expect(groupPids(pgid)).toEqual([]));
  });

  it("fails with the exit code when the app exits before it is ready, and stop() ends the workers it left", async () => {
    const app = stub(
      `require("node:child_process").spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
       process.exit(3)`,
      await freePort(),
    );
    await expect(app.ready).rejects.toThrow("the app exited before it was ready (exit code 3)");
    const pgid = app.child.pid!;
    expect(groupPids(pgid).length).toBe(1);
    await app.stop();
    // SIGKILL is delivered asynchronously.
    await vi.waitFor(() => expect(groupPids(pgid)).toEqual([]));
  });

  it("reports a port taken since the check as the app's port, with its setting", async () => {
    const port = await freePort();
    // Taken between the check and the app's listen; the stub exits as next does on EADDRINUSE.
    await holdPort(port);
    const app = stub("process.exit(1)", port);
    const error = await app.ready.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "EADDRINUSE", port });
    const ports = await portErrorFrom(error, [{ port, host: "127.0.0.1", what: "the app", setting: "PORT" }]);
    expect(ports?.taken[0]?.need.setting).toBe("PORT");
  });

  it("fails when the command cannot be started", async () => {
    const port = await freePort();
    const app = startApp({ ...stubOptions(port), command: "/nonexistent/next" });
    await expect(app.ready).rejects.toThrow(/ENOENT/);
  });
});
