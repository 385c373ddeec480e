// Runs the real `npm start` script up to its first failure: a taken port (found before anything
// starts), a database that refuses connections, and simulated card data with a real D1.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../db/testing/database";
import { groupPids } from "./lib/app-harness";
import { ROOT } from "./lib/local";

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

async function holdPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

/** The environment without the test run's settings, as in a fresh shell (NODE_ENV: the default). */
function cleanEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(
    ([key]) =>
      !/^(DATABASE_URL|TEST_DATABASE_URL|AUTH_|D1_|SIM_|CARD_SYSTEM|LOG_|PORT$|HOST$|EMBEDDED_PG_PORT$|DEMO_MODE$)/.test(
        key,
      ),
  );
  return { ...Object.fromEntries(kept), NODE_ENV: "development", ...settings };
}

async function runStart(settings: Record<string, string>) {
  // Its own process group, to check afterwards that nothing it started is left.
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: ROOT,
    env: cleanEnv(settings),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  // What it started must be gone too; a process already on its way out may take a moment.
  let left = groupPids(child.pid!);
  for (let i = 0; i < 30 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    left = groupPids(child.pid!);
  }
  return { code, stdout, stderr, left };
}

describe("npm start", () => {
  it("stops before starting anything when a port is taken, naming the port, its holder and its setting", async () => {
    const taken = await holdPort();
    const result = await runStart({
      EMBEDDED_PG_PORT: String(taken),
      SIM_PORT: String(await freePort()),
      SIM_ADMIN_PORT: String(await freePort()),
      PORT: String(await freePort()),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Start-up failed while checking the ports:");
    expect(result.stderr).toContain(
      `Port ${taken} is already in use: the embedded PostgreSQL cannot listen on 127.0.0.1:${taken} (setting EMBEDDED_PG_PORT).`,
    );
    expect(result.stderr).toContain(`(pid ${process.pid}`);
    expect(result.stderr).toMatch(/EMBEDDED_PG_PORT=\d+ npm start/);
    expect(result.stdout).not.toContain("Starting the embedded PostgreSQL");
    expect(result.left).toEqual([]);
  }, 60_000);

  it("names the failing step and its reason when the database refuses connections", async () => {
    const closed = await freePort();
    const result = await runStart({
      DATABASE_URL: `postgres://issuance:secret@localhost:${closed}/issuance`,
      SIM_PORT: String(await freePort()),
      SIM_ADMIN_PORT: String(await freePort()),
      PORT: String(await freePort()),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`Start-up failed while migrating the database: [^]*ECONNREFUSED [^]*${closed}`),
    );
    expect(result.stderr).not.toMatch(/^undefined$/m);
    expect(result.left).toEqual([]);
  }, 60_000);

  it("refuses simulated card data with a real D1, naming the setting, before starting anything", async () => {
    const result = await runStart({
      D1_BANKING_URL: "https://api.d1-stg.thalescloud.io/banking/v1",
      SIM_PORT: String(await freePort()),
      SIM_ADMIN_PORT: String(await freePort()),
      PORT: String(await freePort()),
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Start-up failed while reading the settings:");
    expect(result.stderr).toMatch(/CARD_SYSTEM: is simulated[^]*CARD_SYSTEM_ALLOW_SIMULATED=true/);
    expect(result.stdout).not.toContain("Starting the embedded PostgreSQL");
    expect(result.left).toEqual([]);
  }, 60_000);
});
