// Key and certificate files replaced under a running client are picked up without a restart:
// on the next use after the re-check interval, or at once on SIGHUP. Real simulator, real mTLS.
import { X509Certificate } from "node:crypto";
import { copyFile, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { issueIssuerClientCertificate, type DevPki } from "@/sim/pki";
import { createD1Client } from "./client";
import type { D1Settings } from "./config";
import { createD1ConfigSource, type D1ConfigSource } from "./reload";
import { captureLogger, startSimFixture, tempPki, type SimFixture } from "@/test-support/d1-simulator";

let fx: SimFixture;
let foreign: { pki: DevPki; dir: string };
let dir: string;
let cert: string;
let key: string;

beforeAll(async () => {
  fx = await startSimFixture();
  foreign = await tempPki();
});
afterAll(async () => {
  await fx.stop();
  await rm(foreign.dir, { recursive: true, force: true });
});

// Each test gets its own copies of the client certificate and key, which it replaces.
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "d1-reload-"));
  cert = path.join(dir, "client.crt.pem");
  key = path.join(dir, "client.key.pem");
  await copyFile(fx.pki.issuerClient.certPath, cert);
  await copyFile(fx.pki.issuerClient.keyPath, key);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function settings(recheckSeconds: number): D1Settings & { D1_FILES_RECHECK_SECONDS: number } {
  const { pki, sim } = fx;
  return {
    D1_ISSUER_ID: pki.issuerId,
    D1_BANKING_URL: sim.bankingUrl,
    D1_AUTHZ_URL: `${sim.url}/authz/v1`,
    D1_TLS_CERT_FILE: cert,
    D1_TLS_KEY_FILE: key,
    D1_TLS_CA_FILE: pki.ca.certPath,
    D1_SIGNING_KEY_FILE: pki.issuerSigning.privateKeyPath,
    D1_SIGNING_KID: pki.issuerSigning.kid,
    D1_ENCRYPTION_KEY_FILE: pki.simEncryption.publicKeyPath,
    D1_ENCRYPTION_KID: pki.simEncryption.kid,
    D1_TOKEN_AUDIENCE: undefined,
    D1_TIMEOUT_MS: 2_000,
    D1_MAX_ATTEMPTS: 1,
    D1_FILES_RECHECK_SECONDS: recheckSeconds,
  };
}

/** Replaces both files the way a secret manager does: write aside, then rename over. */
async function replacePair(from: { certPath: string; keyPath: string }): Promise<void> {
  await writeFile(`${cert}.new`, await readFile(from.certPath));
  await writeFile(`${key}.new`, await readFile(from.keyPath));
  await rename(`${key}.new`, key);
  await rename(`${cert}.new`, cert);
}

const fingerprint = async (file: string) => new X509Certificate(await readFile(file)).fingerprint256;

describe("re-reading the files on change", () => {
  let clock = 0;
  let source: D1ConfigSource;
  beforeEach(() => {
    clock = 1_000_000;
    source = createD1ConfigSource({ settings: settings(5), now: () => clock });
  });
  afterEach(() => source.close());

  it("uses a renewed client certificate on the next call, and recovers from a wrong one", async () => {
    const d1 = createD1Client(source, { sleep: () => Promise.resolve() });
    const original = await fingerprint(cert);
    expect(await d1.getProductionStatus("before-renewal")).toBeNull();
    expect(fx.sim.clientCertificates()).toContain(original);

    // Renewal: a new key and certificate from the same CA (what Thales signs for the new CSR).
    const renewed = { certPath: path.join(dir, "renewed.crt.pem"), keyPath: path.join(dir, "renewed.key.pem") };
    await issueIssuerClientCertificate(fx.pki, renewed);
    await replacePair(renewed);
    // Within the re-check interval the files are not even looked at.
    clock += 1_000;
    const before = fx.sim.clientCertificates().length;
    expect(await d1.getProductionStatus("within-interval")).toBeNull();
    expect(fx.sim.clientCertificates().slice(before)).not.toContain(await fingerprint(renewed.certPath));

    clock += 5_000;
    expect(await d1.getProductionStatus("after-renewal")).toBeNull();
    expect(fx.sim.clientCertificates().slice(before)).toContain(await fingerprint(renewed.certPath));

    // A certificate from another CA: D1 refuses the handshake, calls fail...
    await replacePair(foreign.pki.issuerClient);
    clock += 5_000;
    await expect(d1.getProductionStatus("foreign")).rejects.toMatchObject({ code: "unavailable:d1" });
    // ...and work again once the right files are back, still without a restart.
    await replacePair(renewed);
    clock += 5_000;
    expect(await d1.getProductionStatus("restored")).toBeNull();
    await d1.close();
  });

  it("keeps the last good files when a replaced file does not load, and logs why", async () => {
    const logs = captureLogger();
    source.close();
    source = createD1ConfigSource({ settings: settings(5), now: () => clock, logger: logs.logger });
    const good = source.current();
    await writeFile(key, "half-written");
    clock += 5_000;
    expect(source.current()).toBe(good);
    expect(logs.text()).toContain("config_reload_failed");
    expect(logs.text()).not.toContain("half-written");
  });

  it("waits for both files when a check falls between the new key and the new certificate", async () => {
    const good = source.current();
    const renewed = { certPath: path.join(dir, "renewed.crt.pem"), keyPath: path.join(dir, "renewed.key.pem") };
    await issueIssuerClientCertificate(fx.pki, renewed);
    await copyFile(renewed.keyPath, key);
    clock += 5_000;
    expect(source.current()).toBe(good);
    await copyFile(renewed.certPath, cert);
    clock += 5_000;
    expect(source.current().tls.cert).toBe(await readFile(renewed.certPath, "utf8"));
  });
});

describe("SIGHUP", () => {
  it("re-reads the files at once, without waiting for a change check", async () => {
    // 0: files are never checked on use, only on SIGHUP.
    const source = createD1ConfigSource({ settings: settings(0), sighup: true });
    try {
      const before = source.current();
      const renewed = { certPath: path.join(dir, "renewed.crt.pem"), keyPath: path.join(dir, "renewed.key.pem") };
      await issueIssuerClientCertificate(fx.pki, renewed);
      await replacePair(renewed);
      expect(source.current()).toBe(before);

      process.emit("SIGHUP", "SIGHUP");
      expect(source.current()).not.toBe(before);
      expect(source.current().tls.cert).toBe(await readFile(renewed.certPath, "utf8"));
    } finally {
      source.close();
    }
    expect(process.listenerCount("SIGHUP")).toBe(0);
  });
});
