// Key rollover on the D1 side: during a rollover D1 holds the issuer's two public signing keys
// (an assertion under either kid is accepted) and its own two private encryption keys
// (encryptedData under either kid decrypts). A kid it does not hold is refused.
import { generateKeyPairSync } from "node:crypto";
import { CompactEncrypt, importSPKI } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevPki } from "./pki";
import type { RunningSimulator } from "./server";
import { assertion, card, d1Client, orderBody, orderUrl, startTestSimulator, tempPki, tokenForm } from "./test-helpers";

const pair = () =>
  generateKeyPairSync("ec", {
    namedCurve: "P-256",
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
const FORM = { "content-type": "application/x-www-form-urlencoded" };

describe("a simulator holding two keys of each kind", () => {
  const nextSigning = pair();
  const nextEncryption = pair();
  let pki: DevPki;
  let cleanup: () => Promise<void>;
  let sim: RunningSimulator;
  let client: ReturnType<typeof d1Client>;

  beforeAll(async () => {
    ({ pki, cleanup } = await tempPki());
    sim = await startTestSimulator(pki, {
      issuerSigningKeys: [{ kid: "sig-next", publicKeyPem: nextSigning.publicKey }],
      encryptionKeys: [{ kid: "enc-next", privateKeyPem: nextEncryption.privateKey }],
    });
    client = d1Client(pki);
  });
  afterAll(async () => {
    await client.close();
    await sim.stop();
    await cleanup();
  });

  const exchange = async (jwt: string) => client.call("POST", sim.tokenUrl, { headers: FORM, body: tokenForm(jwt) });

  it("accepts an assertion under the old and under the new kid, and refuses an unknown kid", async () => {
    expect((await exchange(await assertion(pki))).status).toBe(200);
    expect((await exchange(await assertion(pki, {}, { kid: "sig-next", keyPem: nextSigning.privateKey }))).status).toBe(
      200,
    );
    const unknown = await exchange(await assertion(pki, {}, { kid: "sig-other", keyPem: nextSigning.privateKey }));
    expect(unknown).toMatchObject({ status: 400, json: { error: "invalid_grant" } });
    // The new kid with the old key: the kid picks the key, so the signature does not verify.
    expect((await exchange(await assertion(pki, {}, { kid: "sig-next" }))).status).toBe(400);
  });

  it("decrypts card data encrypted to either of its encryption keys", async () => {
    const token = ((await exchange(await assertion(pki))).json as { access_token: string }).access_token;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const toNext = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(card())))
      .setProtectedHeader({ alg: "ECDH-ES", enc: "A256GCM", kid: "enc-next" })
      .encrypt(await importSPKI(nextEncryption.publicKey, "ECDH-ES"));
    const bodies = {
      "rot-old": await orderBody(pki, { issuerRequestId: "req-rot-old" }),
      "rot-new": await orderBody(pki, { issuerRequestId: "req-rot-new", encryptedData: toNext }),
    };
    for (const [cardId, body] of Object.entries(bodies)) {
      const reply = await client.call("POST", orderUrl(sim, cardId), { headers, body: JSON.stringify(body) });
      expect(reply.status, cardId).toBe(202);
    }
    // A kid D1 does not hold (a key already removed, or never provisioned) cannot be decrypted.
    const toUnknown = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(card())))
      .setProtectedHeader({ alg: "ECDH-ES", enc: "A256GCM", kid: "enc-removed" })
      .encrypt(await importSPKI(nextEncryption.publicKey, "ECDH-ES"));
    const mislabelled = await orderBody(pki, { issuerRequestId: "req-rot-bad", encryptedData: toUnknown });
    const reply = await client.call("POST", orderUrl(sim, "rot-bad"), { headers, body: JSON.stringify(mislabelled) });
    expect(reply).toMatchObject({ status: 400, json: { errorCode: "CRYPTO_ERROR" } });
  });
});
