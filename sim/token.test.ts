import { generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DevPki } from "./pki";
import type { RunningSimulator } from "./server";
import { assertion, d1Client, ISSUER, startTestSimulator, tempPki, tokenForm } from "./test-helpers";
import { TokenService } from "./token-service";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

describe("E1 token endpoint and mTLS", () => {
  let pki: DevPki;
  let otherPki: DevPki;
  let sim: RunningSimulator;
  let client: ReturnType<typeof d1Client>;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    const a = await tempPki();
    const b = await tempPki();
    pki = a.pki;
    otherPki = b.pki;
    cleanups.push(a.cleanup, b.cleanup);
    sim = await startTestSimulator(pki);
    client = d1Client(pki);
  });
  afterAll(async () => {
    await client.close();
    await sim.stop();
    for (const c of cleanups) await c();
  });

  const postToken = async (body: string, headers: Record<string, string> = FORM) =>
    client.call("POST", sim.tokenUrl, { headers, body });

  it("refuses a TLS connection without a client certificate", async () => {
    const anonymous = d1Client(pki, null);
    // The server ends the handshake; undici sees the socket closed before any HTTP answer.
    await expect(
      anonymous.call("POST", sim.tokenUrl, { headers: FORM, body: tokenForm(await assertion(pki)) }),
    ).rejects.toMatchObject({ code: "UND_ERR_SOCKET" });
    await anonymous.close();
  });

  it("refuses a client certificate from another CA", async () => {
    const stranger = d1Client(pki, otherPki.issuerClient);
    await expect(stranger.call("GET", `${sim.url}/anything`)).rejects.toMatchObject({ code: "UND_ERR_SOCKET" });
    await stranger.close();
  });

  it("issues a 900 s bearer token for a valid assertion (form and JSON bodies)", async () => {
    const form = await postToken(tokenForm(await assertion(pki)));
    expect(form.status).toBe(200);
    expect(form.json).toMatchObject({
      token_type: "Bearer",
      expires_in: 900,
      scope: expect.any(String),
      access_token: expect.any(String),
    });
    const json = await postToken(
      JSON.stringify({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: await assertion(pki) }),
      { "content-type": "application/json" },
    );
    expect(json.status).toBe(200);
  });

  const refusals: Array<[string, () => Promise<string>, RegExp]> = [
    [
      "a bad signature",
      async () => {
        const { privateKey } = generateKeyPairSync("ec", {
          namedCurve: "P-256",
          privateKeyEncoding: { type: "pkcs8", format: "pem" },
          publicKeyEncoding: { type: "spki", format: "pem" },
        });
        return assertion(pki, {}, { keyPem: privateKey });
      },
      /signature/,
    ],
    ["an unknown kid", () => assertion(pki, {}, { kid: "nobody" }), /unknown kid/],
    ["iss different from sub", () => assertion(pki, { sub: "ISSUER0002" }), /iss and sub/],
    ["another issuer", () => assertion(pki, { iss: "ISSUER0009", sub: "ISSUER0009" }), /unknown issuer/],
    [
      "exp more than 15 minutes ahead",
      () => assertion(pki, { exp: Math.floor(Date.now() / 1000) + 20 * 60 }),
      /15 minutes/,
    ],
    ["an expired assertion", () => assertion(pki, { exp: Math.floor(Date.now() / 1000) - 60 }), /expired/],
  ];
  it.each(refusals)("refuses %s with 400 invalid_grant", async (_what, make, reason) => {
    const reply = await postToken(tokenForm(await make()));
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(reason) });
  });

  it("refuses a missing or wrong grant_type and a missing assertion", async () => {
    expect((await postToken("assertion=x")).json).toMatchObject({ error: "invalid_request" });
    expect((await postToken("grant_type=client_credentials&assertion=x")).json).toMatchObject({
      error: "unsupported_grant_type",
    });
    const noAssertion = await postToken("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer");
    expect(noAssertion.status).toBe(400);
    expect(noAssertion.json).toMatchObject({
      error: "invalid_request",
      error_description: expect.stringMatching(/assertion/),
    });
  });

  it("refuses an assertion signed with a non-ES256 algorithm", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "HS256", kid: pki.issuerSigning.kid })).toString("base64url");
    const payload = Buffer.from(
      JSON.stringify({ iss: ISSUER, sub: ISSUER, exp: Math.floor(Date.now() / 1000) + 60 }),
    ).toString("base64url");
    const reply = await postToken(tokenForm(`${header}.${payload}.c2ln`));
    expect(reply.json).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/ES256/) });
  });

  it("answers 405 for GET on the token endpoint and 404 JSON for an unknown route", async () => {
    expect((await client.call("GET", sim.tokenUrl)).status).toBe(405);
    const unknown = await client.call("GET", `${sim.url}/banking/v1/nothing`);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ errorCode: "SIM_NOT_FOUND" });
  });
});

describe("bearer token check", () => {
  afterEach(() => vi.useRealTimers());

  it("accepts its own token, refuses missing (401, no code), garbage and expired ones (AUTHORIZER_UNAUTHORIZED)", async () => {
    const { pki, cleanup } = await tempPki();
    const { readFileSync } = await import("node:fs");
    const service = new TokenService(ISSUER, [
      { kid: pki.issuerSigning.kid, publicKeyPem: readFileSync(pki.issuerSigning.publicKeyPath, "utf8") },
    ]);
    const issued = await service.exchange({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      assertion: await assertion(pki),
    });
    await expect(service.authenticate(`Bearer ${issued.access_token}`)).resolves.toBe(ISSUER);
    await expect(service.authenticate(undefined)).rejects.toMatchObject({ status: 401, errorCode: undefined });
    await expect(service.authenticate("Bearer not.a.jwt")).rejects.toMatchObject({
      status: 401,
      errorCode: "AUTHORIZER_UNAUTHORIZED",
    });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 901_000);
    await expect(service.authenticate(`Bearer ${issued.access_token}`)).rejects.toMatchObject({
      status: 401,
      errorCode: "AUTHORIZER_UNAUTHORIZED",
      message: expect.stringMatching(/expired/),
    });
    vi.useRealTimers();
    await cleanup();
  });
});
