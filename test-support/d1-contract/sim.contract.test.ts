// The simulator (sim/) against the same contract fixtures as the client: it accepts the
// fixtures' requests and answers in their shape, and what it sends us (E5, E6) has the shape of
// the fixtures. So client and simulator cannot drift into agreeing on the same mistake.
import { readFileSync } from "node:fs";
import { CompactEncrypt, importPKCS8, importSPKI, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/sim/server";
import { d1Client, silentLogger, tempPki } from "@/sim/test-helpers";
import { startSimulator } from "@/sim/server";
import type { DevPki } from "@/sim/pki";
import { waitFor } from "@/test-support/d1-simulator";
import { exampleAt, loadFixture, pathOf, problems, schemaAt } from "./contract";
import { startFakeD1 } from "./fake-d1";

const e1Request = loadFixture("e1-token-request.json");
const e1Response = loadFixture("e1-token-response.json");
const e2Request = loadFixture("e2-order-request.json");
const e2Jwe = loadFixture("e2-encrypted-data.json");
const e2Response = loadFixture("e2-order-response.json");
const e3 = loadFixture("e3-production-status.json");
const e5 = loadFixture("e5-notification-requested.json");
const e6Request = loadFixture("e6-token-request.json");
const e6Response = loadFixture("e6-token-response.json");
const errors = loadFixture("errors.json");

let pki: DevPki;
let cleanup: () => Promise<void>;
let sim: RunningSimulator;
let issuer: Awaited<ReturnType<typeof startFakeD1>>;
let client: ReturnType<typeof d1Client>;
let token: string;

beforeAll(async () => {
  ({ pki, cleanup } = await tempPki());
  // Our side, played by a recorder answering with the fixtures: E6 token endpoint and E5 receiver.
  issuer = await startFakeD1();
  issuer.answer("/oauth2/token", { status: 200, body: e6Response.body });
  issuer.answer("/cards", { status: 204 });
  sim = await startSimulator({
    pki,
    port: 0,
    adminPort: false,
    timings: { readyMs: 5, doneMs: 10, offlineTimeoutMs: 20 },
    logger: silentLogger,
    notify: {
      baseUrl: issuer.url,
      tokenUrl: `${issuer.url}${pathOf(e6Request, {})}`,
      clientId: "d1-client",
      clientSecret: "secret",
      scope: String(exampleAt(e6Request, "form.scope")),
      baseDelayMs: 5,
    },
  });
  client = d1Client(pki);
});
afterAll(async () => {
  await client?.close();
  await sim?.stop();
  await issuer?.close();
  await cleanup?.();
});

describe("simulator E1 (d1-api.md §5.2)", () => {
  it("accepts the fixture's form and assertion, and answers the documented token body", async () => {
    const now = Math.floor(Date.now() / 1000);
    const example = exampleAt(e1Request, "assertion.payload") as Record<string, unknown>;
    const assertion = await new SignJWT({ ...example, iss: pki.issuerId, sub: pki.issuerId, iat: now, exp: now + 300 })
      .setProtectedHeader({
        ...(exampleAt(e1Request, "assertion.header") as { alg: string }),
        kid: pki.issuerSigning.kid,
      })
      .sign(await importPKCS8(readFileSync(pki.issuerSigning.privateKeyPath, "utf8"), "ES256"));
    const form = { ...(e1Request.form as Record<string, string>), assertion };
    const reply = await client.call(e1Request.method as string, `${sim.url}${pathOf(e1Request, {})}`, {
      headers: e1Request.headers as Record<string, string>,
      body: new URLSearchParams(form).toString(),
    });
    expect(reply.status).toBe(e1Response.status);
    expect(problems(schemaAt(e1Response, "body"), reply.json)).toEqual([]);
    token = (reply.json as { access_token: string }).access_token;
  });
});

describe("simulator E2, E3, E5, E6 (d1-api.md §6–§11)", () => {
  const cardId = String(e2Request.cardId);

  it("accepts the fixture's order with a JWE built from the fixture's header and plaintext", async () => {
    const encryptedData = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(e2Jwe.plaintext)))
      .setProtectedHeader({ ...(e2Jwe.header as { alg: string; enc: string }), kid: pki.simEncryption.kid })
      .encrypt(await importSPKI(readFileSync(pki.simEncryption.publicKeyPath, "utf8"), "ECDH-ES"));
    // Only the values the simulator is configured with change: its station and the real JWE.
    const body = { ...(e2Request.body as object), persoStation: "BR001-PS-01", encryptedData };
    const reply = await client.call(
      e2Request.method as string,
      `${sim.url}${pathOf(e2Request, { issuerId: pki.issuerId, cardId })}`,
      {
        headers: { ...(e2Request.headers as Record<string, string>), authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      },
    );
    expect(reply.status, JSON.stringify(reply.json)).toBe(e2Response.status);
    expect(problems(schemaAt(e2Response, "body"), reply.json)).toEqual([]);
  });

  it("notifies in the shape of the E5 fixture, with a bearer from an E6 request in the shape of its fixture", async () => {
    const notifications = () => issuer.requests.filter((r) => r.path.endsWith("/cards"));
    await waitFor(() => notifications().some((r) => r.body.includes("CARD_PROD_DONE")), 5_000, "CARD_PROD_DONE");
    for (const call of notifications()) {
      expect(call.method).toBe(e5.method);
      expect(call.path).toBe(pathOf(e5, { issuerId: pki.issuerId }));
      expect(problems(schemaAt(e5, "headers"), call.headers)).toEqual([]);
      expect(problems(schemaAt(e5, "body"), JSON.parse(call.body))).toEqual([]);
      expect(call.headers.authorization).toBe(`Bearer ${String(exampleAt(e6Response, "body.access_token"))}`);
    }
    const tokenCall = issuer.requests.find((r) => r.path.endsWith("/oauth2/token"))!;
    expect(tokenCall.method).toBe(e6Request.method);
    expect(problems(schemaAt(e6Request, "headers"), tokenCall.headers)).toEqual([]);
    expect(problems(schemaAt(e6Request, "form"), Object.fromEntries(new URLSearchParams(tokenCall.body)))).toEqual([]);
  });

  it("answers E3 in the shape of the fixture", async () => {
    const reply = await client.call(
      e3.method as string,
      `${sim.url}${pathOf(e3, { issuerId: pki.issuerId, cardId })}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(reply.status).toBe(e3.status);
    expect(problems(schemaAt(e3, "body"), reply.json)).toEqual([]);
  });

  it("refuses in D1's documented error body", async () => {
    for (const over of [
      { persoStation: "NOT-REGISTERED" },
      { services: { issuance: "NEW" } },
      { encryptedData: "x.y.z" },
    ]) {
      const reply = await client.call(
        "POST",
        `${sim.url}${pathOf(e2Request, { issuerId: pki.issuerId, cardId: "card-refused" })}`,
        {
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ ...(e2Request.body as object), ...over }),
        },
      );
      expect(reply.status).toBe(400);
      expect(problems(schemaAt(errors, "errorBodyShape"), reply.json)).toEqual([]);
      expect((reply.json as { errorCode: string }).errorCode).toMatch(
        /^(FIELD_INVALID_FORMAT|FIELD_INVALID_VALUE|CRYPTO_ERROR|PARSING_ERROR)$/,
      );
    }
  });
});
