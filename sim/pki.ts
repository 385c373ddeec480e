// Development PKI for the D1 simulator: a throw-away CA, TLS certificates for both mTLS
// directions, the issuer's ES256 assertion key and the simulator's JWE key. Pure JS (WebCrypto
// + @peculiar/x509) so nobody needs openssl. Files live under .data/ and are never committed.
import { generateKeyPairSync, createPrivateKey, type KeyObject } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import "./reflect-shim";
import * as x509 from "@peculiar/x509";
import { calculateJwkThumbprint, exportJWK, importSPKI, type JWK } from "jose";

x509.cryptoProvider.set(globalThis.crypto);

const EC = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGNING_ALG = { name: "ECDSA", hash: "SHA-256" } as const;
const DAY_MS = 86_400_000;

export interface DevPki {
  dir: string;
  issuerId: string;
  manifestPath: string;
  ca: { certPath: string; keyPath: string };
  /** HTTPS server certificate of the simulator (SAN localhost, 127.0.0.1, ::1). */
  simServer: { certPath: string; keyPath: string };
  /** The issuer's (our app's) mTLS client certificate for calls to D1. */
  issuerClient: { certPath: string; keyPath: string; commonName: string };
  /** The simulator's mTLS client certificate for notifications it POSTs to the issuer. */
  simClient: { certPath: string; keyPath: string; commonName: string };
  /** The issuer's ES256 key for E1 assertions; D1 holds only the public half. */
  issuerSigning: { kid: string; privateKeyPath: string; publicKeyPath: string };
  /** The simulator's ("D1's") P-256 key that `encryptedData` is encrypted to. */
  simEncryption: { kid: string; privateKeyPath: string; publicKeyPath: string; publicJwk: JWK };
}

export interface EnsureDevPkiOptions {
  dir: string;
  issuerId: string;
  /** Validity of generated certificates; defaults to 365 days. */
  validityDays?: number;
}

async function writeAtomic(file: string, content: string, mode: number): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, content, { mode });
  await chmod(tmp, mode);
  await rename(tmp, file);
}

function newEcKeyPem(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", {
    namedCurve: "P-256",
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return { privatePem: privateKey, publicPem: publicKey };
}

async function toSigningKeys(privatePem: string): Promise<CryptoKeyPair> {
  const priv: KeyObject = createPrivateKey(privatePem);
  const pubJwk = priv.export({ format: "jwk" });
  delete pubJwk.d;
  const privateKey = await globalThis.crypto.subtle.importKey(
    "pkcs8",
    priv.export({ type: "pkcs8", format: "der" }),
    EC,
    false,
    ["sign"],
  );
  const publicKey = await globalThis.crypto.subtle.importKey("jwk", pubJwk, EC, true, ["verify"]);
  return { privateKey, publicKey };
}

async function keyId(publicPem: string, prefix: string): Promise<string> {
  const jwk = await exportJWK(await importSPKI(publicPem, "ES256", { extractable: true }));
  return `${prefix}-${(await calculateJwkThumbprint(jwk)).slice(0, 16)}`;
}

/** A certificate that will outlive tomorrow, signed by the CA currently on disk. */
async function certUsable(certPath: string, caCertPem: string | undefined): Promise<boolean> {
  if (!existsSync(certPath)) return false;
  const cert = new x509.X509Certificate(await readFile(certPath, "utf8"));
  if (cert.notAfter.getTime() < Date.now() + DAY_MS) return false;
  if (!caCertPem) return true;
  const ca = new x509.X509Certificate(caCertPem);
  return cert.issuer === ca.subject && (await cert.verify({ publicKey: ca.publicKey, signatureOnly: true }));
}

interface LeafSpec {
  certPath: string;
  keyPath: string;
  subject: string;
  usage: "server" | "client";
}

async function issueLeaf(spec: LeafSpec, caPem: string, caKeyPem: string, days: number): Promise<void> {
  const ca = new x509.X509Certificate(caPem);
  const caKeys = await toSigningKeys(caKeyPem);
  const leaf = newEcKeyPem();
  const leafKeys = await toSigningKeys(leaf.privatePem);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
    new x509.ExtendedKeyUsageExtension(
      [spec.usage === "server" ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth],
      false,
    ),
    await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(ca.publicKey),
  ];
  if (spec.usage === "server") {
    extensions.push(
      new x509.SubjectAlternativeNameExtension([
        { type: "dns", value: "localhost" },
        { type: "ip", value: "127.0.0.1" },
        { type: "ip", value: "::1" },
      ]),
    );
  }
  const cert = await x509.X509CertificateGenerator.create({
    subject: spec.subject,
    issuer: ca.subject,
    publicKey: leafKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: SIGNING_ALG,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + days * DAY_MS),
    extensions,
  });
  await writeAtomic(spec.keyPath, leaf.privatePem, 0o600);
  await writeAtomic(spec.certPath, cert.toString("pem") + "\n", 0o644);
}

async function issueCa(certPath: string, keyPath: string, days: number): Promise<void> {
  const key = newEcKeyPem();
  const keys = await toSigningKeys(key.privatePem);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: "CN=Branch Instant Issuance DEV CA (not for production), O=D1 simulator",
    keys,
    signingAlgorithm: SIGNING_ALG,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + days * 3 * DAY_MS),
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  await writeAtomic(keyPath, key.privatePem, 0o600);
  await writeAtomic(certPath, cert.toString("pem") + "\n", 0o644);
}

async function ensureKeyPair(privateKeyPath: string, publicKeyPath: string): Promise<string> {
  if (!existsSync(privateKeyPath) || !existsSync(publicKeyPath)) {
    const pair = newEcKeyPem();
    await writeAtomic(privateKeyPath, pair.privatePem, 0o600);
    await writeAtomic(publicKeyPath, pair.publicPem, 0o644);
  }
  return readFile(publicKeyPath, "utf8");
}

/**
 * Creates whatever is missing under `dir` and returns every path and key id. Safe to call on
 * every start: existing keys are kept (so kids stay stable); certificates are re-issued only
 * when missing, expiring, issued by a CA that is no longer on disk, or for another issuerId.
 */
export async function ensureDevPki(options: EnsureDevPkiOptions): Promise<DevPki> {
  const dir = path.resolve(options.dir);
  const days = options.validityDays ?? 365;
  const { issuerId } = options;
  if (!/^[A-Za-z0-9]{10}$/.test(issuerId)) throw new Error(`issuerId must be 10 alphanumeric characters: ${issuerId}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const p = (name: string) => path.join(dir, name);

  const ca = { certPath: p("ca.crt.pem"), keyPath: p("ca.key.pem") };
  if (!existsSync(ca.keyPath) || !(await certUsable(ca.certPath, undefined))) {
    await issueCa(ca.certPath, ca.keyPath, days);
  }
  const caPem = await readFile(ca.certPath, "utf8");
  const caKeyPem = await readFile(ca.keyPath, "utf8");

  const issuerCn = `TLSMA-EC/${issuerId}-PPR`;
  const simClientCn = "TLSMA-EC/D1-SIMULATOR-PPR";
  const leaves: LeafSpec[] = [
    {
      certPath: p("sim-server.crt.pem"),
      keyPath: p("sim-server.key.pem"),
      subject: "CN=localhost, O=D1 simulator",
      usage: "server",
    },
    {
      certPath: p("issuer-client.crt.pem"),
      keyPath: p("issuer-client.key.pem"),
      subject: `CN=${issuerCn}, O=Issuer ${issuerId}`,
      usage: "client",
    },
    {
      certPath: p("sim-client.crt.pem"),
      keyPath: p("sim-client.key.pem"),
      subject: `CN=${simClientCn}, O=D1 simulator`,
      usage: "client",
    },
  ];
  for (const leaf of leaves) {
    const usable = existsSync(leaf.keyPath) && (await certUsable(leaf.certPath, caPem));
    const subjectMatches =
      usable &&
      new x509.X509Certificate(await readFile(leaf.certPath, "utf8")).subject ===
        new x509.Name(leaf.subject).toString();
    if (!usable || !subjectMatches) await issueLeaf(leaf, caPem, caKeyPem, days);
  }

  const signing = { privateKeyPath: p("issuer-signing.key.pem"), publicKeyPath: p("issuer-signing.pub.pem") };
  const signingKid = await keyId(await ensureKeyPair(signing.privateKeyPath, signing.publicKeyPath), "issuer-sig");
  const enc = { privateKeyPath: p("sim-encryption.key.pem"), publicKeyPath: p("sim-encryption.pub.pem") };
  const encPublicPem = await ensureKeyPair(enc.privateKeyPath, enc.publicKeyPath);
  const encKid = await keyId(encPublicPem, "d1-sim-enc");
  const publicJwk = {
    ...(await exportJWK(await importSPKI(encPublicPem, "ECDH-ES", { extractable: true }))),
    kid: encKid,
    use: "enc",
    alg: "ECDH-ES",
  };

  const pki: DevPki = {
    dir,
    issuerId,
    manifestPath: p("pki.json"),
    ca,
    simServer: { certPath: leaves[0]!.certPath, keyPath: leaves[0]!.keyPath },
    issuerClient: { certPath: leaves[1]!.certPath, keyPath: leaves[1]!.keyPath, commonName: issuerCn },
    simClient: { certPath: leaves[2]!.certPath, keyPath: leaves[2]!.keyPath, commonName: simClientCn },
    issuerSigning: { kid: signingKid, ...signing },
    simEncryption: { kid: encKid, ...enc, publicJwk },
  };
  const manifest = JSON.stringify({ ...pki, note: "Development PKI generated by sim/pki.ts. Never commit." }, null, 2);
  const current = existsSync(pki.manifestPath) ? await readFile(pki.manifestPath, "utf8") : "";
  if (current !== manifest + "\n") await writeAtomic(pki.manifestPath, manifest + "\n", 0o644);
  return pki;
}

/**
 * Another issuer mTLS client certificate (new key, same subject) from the dev CA in `pki`, written
 * to the given paths: a certificate renewal for drills and tests (docs/key-rotation.md).
 */
export async function issueIssuerClientCertificate(
  pki: DevPki,
  out: { certPath: string; keyPath: string },
  validityDays = 365,
): Promise<void> {
  const spec: LeafSpec = {
    ...out,
    subject: `CN=${pki.issuerClient.commonName}, O=Issuer ${pki.issuerId}`,
    usage: "client",
  };
  await issueLeaf(spec, await readFile(pki.ca.certPath, "utf8"), await readFile(pki.ca.keyPath, "utf8"), validityDays);
}
