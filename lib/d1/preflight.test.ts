// The pre-flight check against the real simulator (mTLS, dev PKI) and our real receiver route:
// every step passes on a good set-up, and each broken piece is named by its own step.
import { generateKeyPairSync, X509Certificate } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { d1EnvFor } from "@/scripts/lib/simulator";
import { startReceiverBridge } from "@/test-support/receiver-bridge";
import { startSimFixture, tempPki, type SimFixture, type SimCounters } from "@/test-support/d1-simulator";
import { createSimLogger } from "@/sim/logger";
import { ensureDevPki, type DevPki } from "@/sim/pki";
import { startSimulator } from "@/sim/server";
import { runPreflight, type PreflightReport, type PreflightSettings } from "./preflight";

let fx: SimFixture;
let other: { pki: DevPki; dir: string };
let receiver: Awaited<ReturnType<typeof startReceiverBridge>>;

beforeAll(async () => {
  [fx, other, receiver] = await Promise.all([startSimFixture(), tempPki(), startReceiverBridge()]);
});
afterAll(async () => {
  await Promise.all([fx.stop(), rm(other.dir, { recursive: true, force: true }), receiver.close()]);
});

function settings(over: Partial<PreflightSettings> = {}): PreflightSettings {
  return {
    ...(d1EnvFor(fx.pki, fx.sim) as unknown as PreflightSettings),
    D1_TIMEOUT_MS: 3_000,
    D1_MAX_ATTEMPTS: 1,
    PUBLIC_ORIGIN: receiver.url,
    ...over,
  };
}

const byId = (report: PreflightReport) => Object.fromEntries(report.steps.map((s) => [s.id, s]));
const statuses = (report: PreflightReport) => Object.fromEntries(report.steps.map((s) => [s.id, s.status]));

describe("D1 pre-flight check", () => {
  it("passes every step against the simulator and orders no card", async () => {
    const report = await runPreflight({ settings: settings() });
    expect(statuses(report)).toEqual({
      settings: "ok",
      files: "ok",
      expiry: "ok",
      tls: "ok",
      token: "ok",
      jwe: "ok",
      status: "ok",
      receiver: "ok",
      "card-system": "ok",
    });
    expect(report.ok).toBe(true);
    const steps = byId(report);
    expect(steps.status!.message).toContain("404");
    expect(steps.receiver!.details.httpStatus).toBe("401");
    const notAfter = new X509Certificate(readFileSync(fx.pki.issuerClient.certPath)).validTo;
    expect(steps.expiry!.details.validTo).toBe(new Date(notAfter).toISOString());
    const counters = await fx.admin<SimCounters>("GET", "/counters");
    expect(counters.ordersReceived).toBe(0);
    expect(counters.operationsCreated).toBe(0);
  });

  it("names the TLS step when the client certificate comes from another CA", async () => {
    const report = await runPreflight({
      settings: settings({
        D1_TLS_CERT_FILE: other.pki.issuerClient.certPath,
        D1_TLS_KEY_FILE: other.pki.issuerClient.keyPath,
      }),
    });
    const steps = byId(report);
    expect(report.ok).toBe(false);
    expect(steps.files!.status).toBe("ok");
    expect(steps.tls!.status).toBe("fail");
    expect(steps.tls!.message).toContain("D1 refused our client certificate");
    expect(steps.token!.message).toBe("Skipped because the TLS handshake with the authz URL failed.");
    expect(steps.status!.status).toBe("skip");
    expect(steps.jwe!.status).toBe("ok");
    expect(steps.receiver!.status).toBe("ok");
  });

  it("names the files step when the certificate does not belong to the key", async () => {
    const report = await runPreflight({ settings: settings({ D1_TLS_CERT_FILE: other.pki.issuerClient.certPath }) });
    const steps = byId(report);
    expect(steps.files!.status).toBe("fail");
    expect(steps.files!.message).toContain("does not belong to the key");
    expect(steps.expiry!.status).toBe("ok");
    expect(steps.tls!.message).toMatch(/^Skipped because/);
  });

  it("names the TLS step when the CA file does not trust D1's server certificate", async () => {
    const report = await runPreflight({ settings: settings({ D1_TLS_CA_FILE: other.pki.ca.certPath }) });
    expect(byId(report).tls!.status).toBe("fail");
    expect(byId(report).tls!.message).toContain("D1_TLS_CA_FILE");
  });

  it("warns when the client certificate expires within 30 days, and fails once it has", async () => {
    const notAfter = new Date(new X509Certificate(readFileSync(fx.pki.issuerClient.certPath)).validTo);
    const soon = await runPreflight({
      settings: settings(),
      now: () => new Date(notAfter.getTime() - 10 * 86_400_000 - 60_000),
    });
    expect(byId(soon).expiry!.status).toBe("warn");
    expect(byId(soon).expiry!.message).toContain("in 10 days");
    expect(soon.ok).toBe(true);
    const late = await runPreflight({ settings: settings(), now: () => new Date(notAfter.getTime() + 60_000) });
    expect(byId(late).expiry!.status).toBe("fail");
  });

  it("warns, and passes every other step, with a real certificate that expires in 10 days", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "d1-preflight-short-"));
    const pki = await ensureDevPki({ dir, issuerId: fx.pki.issuerId, validityDays: 10 });
    const sim = await startSimulator({ pki, port: 0, adminPort: 0, logger: createSimLogger("silent") });
    try {
      const report = await runPreflight({
        settings: { ...settings(), ...(d1EnvFor(pki, sim) as unknown as Partial<PreflightSettings>) },
      });
      const { expiry, ...others } = byId(report);
      expect(expiry!.status).toBe("warn");
      expect(expiry!.message).toMatch(/expires on \d{4}-\d{2}-\d{2}, in 9 days: send Thales a new CSR now/);
      expect(Object.values(others).map((s) => s.status)).toEqual(Array(8).fill("ok"));
      expect(report.ok).toBe(true);
    } finally {
      await sim.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("fails the JWE step for a key that is not P-256", async () => {
    const file = path.join(other.dir, "p384.pub.pem");
    const { publicKey } = generateKeyPairSync("ec", {
      namedCurve: "P-384",
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    writeFileSync(file, publicKey);
    const report = await runPreflight({ settings: settings({ D1_ENCRYPTION_KEY_FILE: file }) });
    expect(byId(report).jwe!.status).toBe("fail");
    expect(byId(report).jwe!.message).toContain("P-256");
    // The token step loads the whole config, which refuses the key too: it says why it skipped.
    expect(byId(report).token!.message).toContain("D1_ENCRYPTION_KEY_FILE");
  });

  it("fails the receiver step when the receiver accepts a call without credentials", async () => {
    const open: Server = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((resolve) => open.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(open.address() as AddressInfo).port}`;
    const report = await runPreflight({ settings: settings({ PUBLIC_ORIGIN: url }) });
    await new Promise((resolve) => open.close(resolve));
    expect(byId(report).receiver!.status).toBe("fail");
    expect(byId(report).receiver!.message).toContain("ACCEPTED");
  });

  it("names the missing settings and still runs the steps that do not need them", async () => {
    const report = await runPreflight({
      settings: settings({ D1_SIGNING_KID: undefined, D1_BANKING_URL: undefined }),
    });
    const steps = byId(report);
    expect(steps.settings!.message).toBe("Set D1_BANKING_URL, D1_SIGNING_KID.");
    expect(steps.files!.status).toBe("ok");
    expect(steps.jwe!.status).toBe("ok");
    expect(steps.token!.status).toBe("skip");
  });

  it("fails the card system step when the card system does not answer", async () => {
    const report = await runPreflight({
      settings: settings(),
      cardSystem: { name: "Bank card system", ping: () => Promise.reject(new Error("ECONNREFUSED")) },
    });
    expect(byId(report)["card-system"]!.status).toBe("fail");
    expect(byId(report)["card-system"]!.message).toContain("Bank card system did not answer");
  });
});
