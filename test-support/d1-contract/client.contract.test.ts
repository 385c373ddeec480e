// Our D1 client (lib/d1) against the contract fixtures, with no simulator involved: a plain
// HTTP stand-in records what the client sends and answers with the fixtures' responses.
import {
  compactDecrypt,
  decodeJwt,
  decodeProtectedHeader,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  jwtVerify,
  type CryptoKey,
} from "jose";
import { Agent } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createD1Client, type D1Client } from "@/lib/d1/client";
import type { D1Config } from "@/lib/d1/config";
import { D1_DOCUMENTED_ERROR_CODES } from "@/lib/d1/errors";
import { AppError } from "@/lib/errors";
import { orderInput, TEST_ISSUER } from "@/test-support/d1-simulator";
import { exampleAt, loadFixture, pathOf, problems, schemaAt } from "./contract";
import { startFakeD1 } from "./fake-d1";

const e1Request = loadFixture("e1-token-request.json");
const e1Response = loadFixture("e1-token-response.json");
const e2Request = loadFixture("e2-order-request.json");
const e2Jwe = loadFixture("e2-encrypted-data.json");
const e2Response = loadFixture("e2-order-response.json");
const e3 = loadFixture("e3-production-status.json");
const errors = loadFixture("errors.json") as ReturnType<typeof loadFixture> & {
  cases: { status: number; body: { errorCode?: string; error?: string } }[];
};

const TOKEN_PATH = "/authz/v1/oauth2/token";
let fake: Awaited<ReturnType<typeof startFakeD1>>;
let dispatcher: Agent;
let signingPublic: CryptoKey;
let encryptionPrivate: CryptoKey;
let config: D1Config;
let d1: D1Client;

beforeAll(async () => {
  fake = await startFakeD1();
  dispatcher = new Agent();
  const signing = await generateKeyPair("ES256", { extractable: true });
  const encryption = await generateKeyPair("ECDH-ES", { crv: "P-256", extractable: true });
  signingPublic = signing.publicKey;
  encryptionPrivate = encryption.privateKey;
  config = {
    issuerId: TEST_ISSUER,
    bankingUrl: `${fake.url}/banking/v1`,
    authzUrl: `${fake.url}/authz/v1`,
    tls: { cert: "unused", key: "unused" },
    signing: { privateKeyPem: await exportPKCS8(signing.privateKey), kid: "issuer-signing-key-1" },
    encryption: { publicKeyPem: await exportSPKI(encryption.publicKey), kid: "d1-encryption-key-1" },
    audience: "https://api.d1.thalescloud.io",
    timeoutMs: 2_000,
    maxAttempts: 1,
    retry: { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 10 },
  };
  fake.answer(TOKEN_PATH, { status: 200, body: e1Response.body });
});
afterEach(() => {
  d1?.tokens.invalidate();
  fake.requests.length = 0;
});
afterAll(async () => {
  await d1?.close();
  await dispatcher.close();
  await fake.close();
});

function client(): D1Client {
  d1 ??= createD1Client(config, { dispatcher });
  return d1;
}

describe("E1 token request (d1-api.md §5.2)", () => {
  it("sends the documented form and a JWT assertion with the documented header and claims", async () => {
    const token = await client().tokens.get();
    expect(token).toBe(exampleAt(e1Response, "body.access_token"));

    const [sent] = fake.requests;
    expect(sent).toMatchObject({ method: e1Request.method, path: pathOf(e1Request, {}) });
    expect(problems(schemaAt(e1Request, "headers"), sent!.headers)).toEqual([]);
    const form = Object.fromEntries(new URLSearchParams(sent!.body));
    expect(problems(schemaAt(e1Request, "form"), form)).toEqual([]);

    const assertion = String(form.assertion);
    expect(problems(schemaAt(e1Request, "assertion.header"), decodeProtectedHeader(assertion))).toEqual([]);
    const claims = decodeJwt(assertion);
    expect(problems(schemaAt(e1Request, "assertion.payload"), claims)).toEqual([]);
    // The relations the table states: iss = sub = issuerId, exp at most 15 minutes ahead.
    expect(claims.iss).toBe(TEST_ISSUER);
    expect(claims.sub).toBe(claims.iss);
    const now = Math.floor(Date.now() / 1000);
    expect(claims.exp! - now).toBeGreaterThan(0);
    expect(claims.exp! - now).toBeLessThanOrEqual(15 * 60);
    await expect(jwtVerify(assertion, signingPublic, { algorithms: ["ES256"] })).resolves.toBeDefined();
  });
});

describe("E2 order request (d1-api.md §6, §7)", () => {
  it("sends only documented fields, the documented headers, and a JWE with the documented header and plaintext", async () => {
    const cardId = String(e2Request.cardId);
    fake.answer("/operations:production", { status: e2Response.status as number, body: e2Response.body });
    const result = await client().orderInstantCard(
      orderInput(cardId, {
        consumerId: "consumer-42",
        cardData: { pan: "4111111111111111", exp: "2906", name: "JANE DOE", panSequenceNumber: "00" },
      }),
    );
    expect(result).toMatchObject({ status: 202, operationId: exampleAt(e2Response, "body.operationId") });

    const sent = fake.requests.find((r) => r.path.includes("/physicalCards/"))!;
    expect(sent.method).toBe(e2Request.method);
    expect(sent.path).toBe(pathOf(e2Request, { issuerId: TEST_ISSUER, cardId }));
    expect(problems(schemaAt(e2Request, "headers"), sent.headers)).toEqual([]);
    const body = JSON.parse(sent.body) as { encryptedData: string };
    expect(problems(schemaAt(e2Request, "body"), body)).toEqual([]);

    const header = decodeProtectedHeader(body.encryptedData);
    expect(problems(schemaAt(e2Jwe, "header"), header)).toEqual([]);
    expect(header.kid).toBe(config.encryption.kid);
    const { plaintext } = await compactDecrypt(body.encryptedData, encryptionPrivate);
    expect(problems(schemaAt(e2Jwe, "plaintext"), JSON.parse(new TextDecoder().decode(plaintext)))).toEqual([]);
  });

  it("reads the documented 202 without an operationId (it is optional)", async () => {
    fake.answer("/operations:production", { status: 202, body: {} });
    const result = await client().orderInstantCard(orderInput("card-no-opid"));
    expect(result).toMatchObject({ status: 202, alreadyOrdered: false });
    expect(result).not.toHaveProperty("operationId");
  });
});

describe("E3 production status (d1-api.md §8)", () => {
  it("sends the documented GET and reads the documented operations", async () => {
    const cardId = String(exampleAt(e3, "body.operations.0.cardId"));
    fake.answer("/productionStatus", { status: e3.status as number, body: e3.body });
    const status = await client().getProductionStatus(cardId);
    expect(status).toEqual(e3.body);
    const sent = fake.requests.find((r) => r.path.includes("/productionStatus"))!;
    expect(sent).toMatchObject({ method: e3.method, path: pathOf(e3, { issuerId: TEST_ISSUER, cardId }), body: "" });
  });
});

describe("D1 errors (d1-api.md §9)", () => {
  it("the fixtures list every code the client knows, and each case is a documented error body", () => {
    const codes = new Set(errors.cases.map((c) => c.body.errorCode).filter(Boolean));
    expect([...codes].sort()).toEqual([...D1_DOCUMENTED_ERROR_CODES].sort());
    for (const c of errors.cases) expect(problems(schemaAt(errors, "errorBodyShape"), c.body)).toEqual([]);
  });

  it.each(errors.cases.map((c) => [`${c.status} ${c.body.errorCode ?? "(no code)"}`, c] as const))(
    "keeps D1's errorCode and error of %s and gives documented codes their own sentence",
    async (_name, c) => {
      fake.answer("/operations:production", { status: c.status, body: c.body });
      // A refused order is checked with E3 first (the card may exist already); D1 does not know
      // this one, so the refusal stands.
      fake.answer("/productionStatus", { status: 404, body: {} });
      const error = await client()
        .orderInstantCard(orderInput("card-error"))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(AppError);
      const detail = (error as AppError).detail ?? {};
      expect(detail.d1ErrorCode).toBe(c.body.errorCode);
      expect(detail.d1Error).toBe(c.body.error);
      expect(detail.httpStatus).toBe(c.status);
      if (c.body.errorCode && c.status === 400) {
        expect((error as AppError).message).not.toBe(
          "D1 did not accept the order. Contact support with the job reference.",
        );
      }
    },
  );
});
