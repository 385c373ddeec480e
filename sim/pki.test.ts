import { X509Certificate } from "node:crypto";
import { readFileSync, rmSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDevPki, type DevPki } from "./pki";
import { tempPki } from "./test-helpers";

describe("ensureDevPki", () => {
  let pki: DevPki;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ pki, cleanup } = await tempPki()));
  afterAll(() => cleanup());

  it("writes private keys with mode 0600 and a manifest with the kids", () => {
    for (const file of [
      pki.ca.keyPath,
      pki.simServer.keyPath,
      pki.issuerClient.keyPath,
      pki.simClient.keyPath,
      pki.issuerSigning.privateKeyPath,
      pki.simEncryption.privateKeyPath,
    ]) {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, "utf8")).toContain("-----BEGIN PRIVATE KEY-----");
    }
    const manifest = JSON.parse(readFileSync(pki.manifestPath, "utf8")) as DevPki;
    expect(manifest.issuerSigning.kid).toBe(pki.issuerSigning.kid);
    expect(manifest.simEncryption.kid).toBe(pki.simEncryption.kid);
    expect(manifest.simEncryption.publicJwk).toMatchObject({ kty: "EC", crv: "P-256", kid: pki.simEncryption.kid });
    expect(readFileSync(pki.issuerSigning.publicKeyPath, "utf8")).toContain("-----BEGIN PUBLIC KEY-----");
  });

  it("issues certificates chained to the dev CA with the right names and usages", () => {
    const ca = new X509Certificate(readFileSync(pki.ca.certPath));
    const server = new X509Certificate(readFileSync(pki.simServer.certPath));
    const issuer = new X509Certificate(readFileSync(pki.issuerClient.certPath));
    const simClient = new X509Certificate(readFileSync(pki.simClient.certPath));
    expect(ca.ca).toBe(true);
    for (const cert of [server, issuer, simClient]) expect(cert.verify(ca.publicKey)).toBe(true);
    expect(server.subjectAltName).toContain("DNS:localhost");
    expect(server.subjectAltName).toContain("IP Address:127.0.0.1");
    expect(server.checkIP("::1")).toBe("::1");
    expect(issuer.subject).toContain("CN=TLSMA-EC/ISSUER0001-PPR");
    expect(issuer.keyUsage).toContain("1.3.6.1.5.5.7.3.2");
    expect(server.keyUsage).toContain("1.3.6.1.5.5.7.3.1");
    expect(simClient.keyUsage).toContain("1.3.6.1.5.5.7.3.2");
  });

  it("is idempotent: a second call changes nothing", async () => {
    const before = statSync(pki.issuerClient.certPath).mtimeMs;
    const again = await ensureDevPki({ dir: pki.dir, issuerId: "ISSUER0001" });
    expect(again).toEqual(pki);
    expect(statSync(pki.issuerClient.certPath).mtimeMs).toBe(before);
  });

  it("recreates only what is missing, keeping keys and kids", async () => {
    const caBefore = readFileSync(pki.ca.certPath, "utf8");
    rmSync(pki.simClient.certPath);
    const again = await ensureDevPki({ dir: pki.dir, issuerId: "ISSUER0001" });
    expect(readFileSync(again.simClient.certPath, "utf8")).toContain("BEGIN CERTIFICATE");
    expect(readFileSync(again.ca.certPath, "utf8")).toBe(caBefore);
    expect(again.issuerSigning.kid).toBe(pki.issuerSigning.kid);
  });

  it("re-issues the issuer client certificate for another issuerId and refuses a bad one", async () => {
    const other = await ensureDevPki({ dir: pki.dir, issuerId: "ISSUER0002" });
    expect(new X509Certificate(readFileSync(other.issuerClient.certPath)).subject).toContain("TLSMA-EC/ISSUER0002-PPR");
    await expect(ensureDevPki({ dir: pki.dir, issuerId: "SHORT" })).rejects.toThrow(/10/);
    await ensureDevPki({ dir: pki.dir, issuerId: "ISSUER0001" });
  });
});
