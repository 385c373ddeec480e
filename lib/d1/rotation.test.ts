// Key rollover (docs/key-rotation.md) against the real simulator: two signing keys and two D1
// encryption keys configured, the selected one used, D1 (the simulator) holding both.
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeProtectedHeader } from "jose";
import type { Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createD1Client } from "./client";
import { D1ConfigError, loadD1Config, type D1Config, type D1Settings } from "./config";
import { createD1Dispatcher } from "./dispatcher";
import { orderInput, startSimFixture, type SimFixture } from "@/test-support/d1-simulator";

const NEXT_SIGNING_KID = "issuer-sig-next";
const NEXT_ENCRYPTION_KID = "d1-enc-next";

let fx: SimFixture;
let dir: string;
const files = { signingNext: "", encryptionNext: "" };

function ecPair() {
  return generateKeyPairSync("ec", {
    namedCurve: "P-256",
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "d1-rotation-"));
  const signing = ecPair();
  const encryption = ecPair();
  files.signingNext = path.join(dir, "signing-next.key.pem");
  files.encryptionNext = path.join(dir, "d1-encryption-next.pub.pem");
  await writeFile(files.signingNext, signing.privateKey);
  await writeFile(files.encryptionNext, encryption.publicKey);
  // D1 during the rollover: both public signing keys, both private encryption keys.
  fx = await startSimFixture({
    issuerSigningKeys: [{ kid: NEXT_SIGNING_KID, publicKeyPem: signing.publicKey }],
    encryptionKeys: [{ kid: NEXT_ENCRYPTION_KID, privateKeyPem: encryption.privateKey }],
  });
});
afterAll(async () => {
  await fx.stop();
  await rm(dir, { recursive: true, force: true });
});

function settings(over: Partial<D1Settings> = {}): D1Settings {
  const { pki, sim } = fx;
  return {
    D1_ISSUER_ID: pki.issuerId,
    D1_BANKING_URL: sim.bankingUrl,
    D1_AUTHZ_URL: `${sim.url}/authz/v1`,
    D1_TLS_CERT_FILE: pki.issuerClient.certPath,
    D1_TLS_KEY_FILE: pki.issuerClient.keyPath,
    D1_TLS_CA_FILE: pki.ca.certPath,
    D1_SIGNING_KEY_FILE: pki.issuerSigning.privateKeyPath,
    D1_SIGNING_KID: pki.issuerSigning.kid,
    D1_SIGNING_KEY_FILE_NEXT: files.signingNext,
    D1_SIGNING_KID_NEXT: NEXT_SIGNING_KID,
    D1_ENCRYPTION_KEY_FILE: pki.simEncryption.publicKeyPath,
    D1_ENCRYPTION_KID: pki.simEncryption.kid,
    D1_ENCRYPTION_KEY_FILE_NEXT: files.encryptionNext,
    D1_ENCRYPTION_KID_NEXT: NEXT_ENCRYPTION_KID,
    D1_TOKEN_AUDIENCE: undefined,
    D1_TIMEOUT_MS: 2_000,
    D1_MAX_ATTEMPTS: 1,
    ...over,
  };
}

/** A client whose requests' bodies are kept, to read the kid of the assertion and of the JWE. */
function capturingClient(config: D1Config) {
  const bodies: { path: string; body: string }[] = [];
  const capture: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
    bodies.push({ path: opts.path, body: typeof opts.body === "string" ? opts.body : "" });
    return dispatch(opts, handler);
  };
  const dispatcher = createD1Dispatcher(config).compose(capture);
  const d1 = createD1Client({ ...config, retry: { baseDelayMs: 1, maxDelayMs: 2 } }, { dispatcher });
  const assertionKids = () =>
    bodies
      .filter((b) => b.path.endsWith("/oauth2/token"))
      .map((b) => decodeProtectedHeader(new URLSearchParams(b.body).get("assertion")!).kid);
  const jweKids = () =>
    bodies
      .filter((b) => b.path.includes("operations:production"))
      .map((b) => decodeProtectedHeader((JSON.parse(b.body) as { encryptedData: string }).encryptedData).kid);
  return { d1, assertionKids, jweKids };
}

describe("loading a rollover configuration", () => {
  it("uses the current keys until told, and keeps the next ones loaded beside them", () => {
    const config = loadD1Config(settings());
    expect(config.signing.kid).toBe(fx.pki.issuerSigning.kid);
    expect(config.encryption.kid).toBe(fx.pki.simEncryption.kid);
    expect(config.rollover?.signing?.kid).toBe(NEXT_SIGNING_KID);
    expect(config.rollover?.encryption?.kid).toBe(NEXT_ENCRYPTION_KID);
  });

  it("switches each pair on its own with _ACTIVE=next; the old key becomes the standby", () => {
    const config = loadD1Config(settings({ D1_SIGNING_ACTIVE: "next" }));
    expect(config.signing.kid).toBe(NEXT_SIGNING_KID);
    expect(config.rollover?.signing?.kid).toBe(fx.pki.issuerSigning.kid);
    expect(config.encryption.kid).toBe(fx.pki.simEncryption.kid);
    expect(loadD1Config(settings({ D1_ENCRYPTION_ACTIVE: "next" })).encryption.kid).toBe(NEXT_ENCRYPTION_KID);
  });

  it("has no rollover block without _NEXT settings", () => {
    const plain = settings({
      D1_SIGNING_KEY_FILE_NEXT: undefined,
      D1_SIGNING_KID_NEXT: undefined,
      D1_ENCRYPTION_KEY_FILE_NEXT: undefined,
      D1_ENCRYPTION_KID_NEXT: undefined,
    });
    expect(loadD1Config(plain).rollover).toBeUndefined();
    expect(() => loadD1Config({ ...plain, D1_ENCRYPTION_ACTIVE: "next" })).toThrow(
      /D1_ENCRYPTION_ACTIVE=next needs the _NEXT key file and kid/,
    );
  });

  it("names what is wrong with a _NEXT pair", () => {
    expect(() => loadD1Config(settings({ D1_SIGNING_KID_NEXT: undefined }))).toThrow(
      /D1_SIGNING_KEY_FILE_NEXT and D1_SIGNING_KID_NEXT are set together/,
    );
    expect(() => loadD1Config(settings({ D1_ENCRYPTION_KID_NEXT: fx.pki.simEncryption.kid }))).toThrow(
      /D1_ENCRYPTION_KID_NEXT must differ from D1_ENCRYPTION_KID/,
    );
    // The next signing key must be a private key, the next encryption key D1's public key.
    expect(() => loadD1Config(settings({ D1_SIGNING_KEY_FILE_NEXT: files.encryptionNext }))).toThrow(D1ConfigError);
    expect(() => loadD1Config(settings({ D1_ENCRYPTION_KEY_FILE_NEXT: files.signingNext }))).toThrow(
      /D1_ENCRYPTION_KEY_FILE_NEXT: expected an SPKI PEM public key/,
    );
  });
});

describe("signing the assertion during a rollover", () => {
  it("signs with the current kid before the switch and with the next kid after it; D1 accepts both", async () => {
    for (const [active, kid] of [
      ["current", fx.pki.issuerSigning.kid],
      ["next", NEXT_SIGNING_KID],
    ] as const) {
      const { d1, assertionKids } = capturingClient(loadD1Config(settings({ D1_SIGNING_ACTIVE: active })));
      expect(await d1.getProductionStatus(`unknown-${active}`)).toBeNull();
      expect(assertionKids()).toEqual([kid]);
      await d1.close();
    }
  });

  it("a D1 that does not know the next key yet refuses it (why Thales is told before the switch)", async () => {
    const other = await startSimFixture();
    try {
      const config = loadD1Config(settings({ D1_SIGNING_ACTIVE: "next" }));
      const d1 = createD1Client({ ...other.config(), signing: config.signing, maxAttempts: 1 });
      const err = (await d1.getProductionStatus("card-1").catch((e: unknown) => e)) as AppError;
      await d1.close();
      expect(err).toBeInstanceOf(AppError);
      expect(err.detail).toMatchObject({ operation: "token", httpStatus: 400 });
    } finally {
      await other.stop();
    }
  });

  it("drops the cached token when the signing key changes under a running client", async () => {
    let config = loadD1Config(settings());
    const bodies: string[] = [];
    const capture: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
      if (opts.path.endsWith("/oauth2/token") && typeof opts.body === "string") bodies.push(opts.body);
      return dispatch(opts, handler);
    };
    const d1 = createD1Client(
      { current: () => config, reload: () => true, close: () => undefined },
      { dispatcher: createD1Dispatcher(config).compose(capture) },
    );
    await d1.getProductionStatus("cached-1");
    await d1.getProductionStatus("cached-2");
    expect(bodies).toHaveLength(1);
    config = loadD1Config(settings({ D1_SIGNING_ACTIVE: "next" }));
    await d1.getProductionStatus("cached-3");
    expect(bodies).toHaveLength(2);
    expect(decodeProtectedHeader(new URLSearchParams(bodies[1]).get("assertion")!).kid).toBe(NEXT_SIGNING_KID);
    await d1.close();
  });
});

describe("encrypting card data during a rollover", () => {
  it("encrypts to the selected D1 key, and D1 decrypts with either of its two keys", async () => {
    for (const [active, kid] of [
      ["current", fx.pki.simEncryption.kid],
      ["next", NEXT_ENCRYPTION_KID],
    ] as const) {
      const { d1, jweKids } = capturingClient(loadD1Config(settings({ D1_ENCRYPTION_ACTIVE: active })));
      const result = await d1.orderInstantCard(orderInput(`rot-${active}-${Date.now()}`));
      expect(result.operationId).toBeTruthy();
      expect(jweKids()).toEqual([kid]);
      await d1.close();
    }
  });
});
