import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevPki } from "@/sim/pki";
import { D1ConfigError, loadD1Config, type D1Settings } from "./config";
import { tempPki } from "@/test-support/d1-simulator";

let pki: DevPki;
let dir: string;

beforeAll(async () => {
  ({ pki, dir } = await tempPki());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const settings = (over: Partial<D1Settings> = {}): D1Settings => ({
  D1_ISSUER_ID: pki.issuerId,
  D1_BANKING_URL: "https://127.0.0.1:8443/banking/v1/",
  D1_AUTHZ_URL: "https://127.0.0.1:8443/authz/v1",
  D1_TLS_CERT_FILE: pki.issuerClient.certPath,
  D1_TLS_KEY_FILE: pki.issuerClient.keyPath,
  D1_TLS_CA_FILE: pki.ca.certPath,
  D1_SIGNING_KEY_FILE: pki.issuerSigning.privateKeyPath,
  D1_SIGNING_KID: pki.issuerSigning.kid,
  D1_ENCRYPTION_KEY_FILE: pki.simEncryption.publicKeyPath,
  D1_ENCRYPTION_KID: pki.simEncryption.kid,
  D1_TOKEN_AUDIENCE: undefined,
  D1_TIMEOUT_MS: 10_000,
  D1_MAX_ATTEMPTS: 4,
  ...over,
});

describe("loadD1Config", () => {
  it("reads every file and keeps the settings", () => {
    const config = loadD1Config(settings({ D1_TOKEN_AUDIENCE: "https://api.d1.thalescloud.io" }));
    expect(config.issuerId).toBe(pki.issuerId);
    expect(config.bankingUrl).toBe("https://127.0.0.1:8443/banking/v1");
    expect(config.tls.cert).toContain("BEGIN CERTIFICATE");
    expect(config.tls.key).toContain("PRIVATE KEY");
    expect(config.tls.ca).toContain("BEGIN CERTIFICATE");
    expect(config.signing).toEqual({
      privateKeyPem: expect.stringContaining("PRIVATE KEY"),
      kid: pki.issuerSigning.kid,
    });
    expect(config.encryption).toEqual({
      publicKeyPem: expect.stringContaining("PUBLIC KEY"),
      kid: pki.simEncryption.kid,
    });
    expect(config.audience).toBe("https://api.d1.thalescloud.io");
    expect(config).toMatchObject({ timeoutMs: 10_000, maxAttempts: 4 });
  });

  it("leaves the CA out when no CA file is set, so the system roots apply", () => {
    expect(loadD1Config(settings({ D1_TLS_CA_FILE: undefined })).tls.ca).toBeUndefined();
  });

  it("names every missing setting", () => {
    const run = () => loadD1Config(settings({ D1_ISSUER_ID: undefined, D1_SIGNING_KID: undefined }));
    expect(run).toThrow(D1ConfigError);
    expect(run).toThrow(/D1_ISSUER_ID, D1_SIGNING_KID/);
  });

  it("names the setting whose file cannot be read", () => {
    expect(() => loadD1Config(settings({ D1_TLS_KEY_FILE: path.join(dir, "nope.pem") }))).toThrow(
      /D1_TLS_KEY_FILE: cannot read .*nope\.pem \(ENOENT\)/,
    );
  });

  it("refuses keys of the wrong kind", async () => {
    expect(() => loadD1Config(settings({ D1_SIGNING_KEY_FILE: pki.issuerSigning.publicKeyPath }))).toThrow(
      /D1_SIGNING_KEY_FILE: expected a PKCS#8/,
    );
    // A TLS certificate is not the encryption key either.
    expect(() => loadD1Config(settings({ D1_ENCRYPTION_KEY_FILE: pki.ca.certPath }))).toThrow(/D1_ENCRYPTION_KEY_FILE/);
    expect(() => loadD1Config(settings({ D1_ENCRYPTION_KEY_FILE: pki.simEncryption.privateKeyPath }))).toThrow(
      /D1_ENCRYPTION_KEY_FILE: expected an SPKI PEM public key/,
    );
    const junk = path.join(dir, "junk.pem");
    await writeFile(junk, "not a key");
    expect(() => loadD1Config(settings({ D1_ENCRYPTION_KEY_FILE: junk }))).toThrow(
      /D1_ENCRYPTION_KEY_FILE: expected an SPKI PEM public key/,
    );
    await writeFile(junk, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    expect(() => loadD1Config(settings({ D1_ENCRYPTION_KEY_FILE: junk }))).toThrow(/does not parse/);
  });
});
