// Runs the real `npm run d1:check` script against the simulator and our receiver: exit 0 when
// every step passes, non-zero naming the failing step when the client certificate is swapped.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiverBridge } from "@/test-support/receiver-bridge";
import { startSimFixture, tempPki, type SimCounters, type SimFixture } from "@/test-support/d1-simulator";
import type { DevPki } from "@/sim/pki";
import { ROOT } from "./lib/local";
import { d1EnvFor } from "./lib/simulator";

let fx: SimFixture;
let other: { pki: DevPki; dir: string };
let receiver: Awaited<ReturnType<typeof startReceiverBridge>>;

beforeAll(async () => {
  [fx, other, receiver] = await Promise.all([startSimFixture(), tempPki(), startReceiverBridge()]);
});
afterAll(async () => {
  await Promise.all([fx.stop(), rm(other.dir, { recursive: true, force: true }), receiver.close()]);
});

async function runCheck(settings: Record<string, string>) {
  // A fresh shell's environment: none of the test run's D1 or database settings leak in.
  const kept = Object.entries(process.env).filter(([key]) => !/^(DATABASE_URL|TEST_DATABASE_URL|D1_|LOG_)/.test(key));
  const child = spawn(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "scripts/d1-check.ts"],
    {
      cwd: ROOT,
      env: { ...Object.fromEntries(kept), NODE_ENV: "development", LOG_LEVEL: "silent", ...settings },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stdout, stderr };
}

describe("npm run d1:check", () => {
  it("exits 0 when every step passes, and orders no card", async () => {
    const run = await runCheck({ ...d1EnvFor(fx.pki, fx.sim), PUBLIC_ORIGIN: receiver.url });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("All steps passed.");
    expect(run.stdout).toContain("OK    TLS handshake with D1 [tls]");
    expect(run.stdout).toMatch(/validTo: \d{4}-\d{2}-\d{2}T/);
    expect(run.code).toBe(0);
    expect((await fx.admin<SimCounters>("GET", "/counters")).ordersReceived).toBe(0);
  }, 60_000);

  it("exits non-zero naming the failing step when the client certificate is swapped", async () => {
    const run = await runCheck({
      ...d1EnvFor(fx.pki, fx.sim),
      D1_TLS_CERT_FILE: other.pki.issuerClient.certPath,
      D1_TLS_KEY_FILE: other.pki.issuerClient.keyPath,
      PUBLIC_ORIGIN: receiver.url,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("FAIL  TLS handshake with D1 [tls]: banking URL");
    expect(run.stdout).toContain("Failed: TLS handshake with D1 [tls].");
  }, 60_000);
});
