import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../db/testing/database";
import { loadEnv } from "../../lib/env";
import { portErrorFrom, portsNeeded } from "./ports";
import { startLocalSimulator } from "./simulator";

const dataDir = mkdtempSync(path.join(tmpdir(), "bii-local-sim-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("startLocalSimulator", () => {
  it("listens on SIM_PORT and SIM_ADMIN_PORT and points the app's D1 URLs at them", async () => {
    const env = loadEnv({ SIM_PORT: String(await freePort()), SIM_ADMIN_PORT: String(await freePort()) });
    const local = await startLocalSimulator({
      dataDir,
      appUrl: "http://127.0.0.1:1",
      port: env.SIM_PORT,
      adminPort: env.SIM_ADMIN_PORT,
      logLevel: "silent",
    });
    try {
      expect(local.sim.adminUrl).toBe(`http://127.0.0.1:${env.SIM_ADMIN_PORT}`);
      expect(local.appEnv).toMatchObject({
        D1_BANKING_URL: `https://127.0.0.1:${env.SIM_PORT}/banking/v1`,
        D1_AUTHZ_URL: `https://127.0.0.1:${env.SIM_PORT}/authz/v1`,
      });
      // The app's settings with the simulator pass start-up's check on simulated card data.
      expect(loadEnv(local.appEnv).CARD_SYSTEM_ALLOW_SIMULATED).toBe(true);
    } finally {
      await local.stop();
    }
  });

  it("fails on a taken SIM_ADMIN_PORT with an error that names the setting", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const taken = (holder.address() as { port: number }).port;
    try {
      const env = loadEnv({ SIM_PORT: String(await freePort()), SIM_ADMIN_PORT: String(taken) });
      const error = await startLocalSimulator({
        dataDir,
        appUrl: "http://127.0.0.1:1",
        port: env.SIM_PORT,
        adminPort: env.SIM_ADMIN_PORT,
        logLevel: "silent",
      }).catch((e: unknown) => e);
      const ports = await portErrorFrom(error, portsNeeded(env));
      expect(ports?.taken.map((t) => [t.need.port, t.need.setting])).toEqual([[taken, "SIM_ADMIN_PORT"]]);
      // The D1 port it had opened is closed again.
      await new Promise<void>((resolve, reject) => {
        const probe = createServer().once("error", reject);
        probe.listen(env.SIM_PORT, "127.0.0.1", () => probe.close(() => resolve()));
      });
    } finally {
      holder.close();
    }
  });
});
