import { readFileSync } from "node:fs";
import { decodeProtectedHeader, importSPKI, jwtVerify } from "jose";
import { importPKCS8 } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createD1Client } from "./client";
import { createD1Dispatcher } from "./dispatcher";
import { isRetryableD1Error } from "./errors";
import { REFRESH_MARGIN_MS, signAssertion } from "./token";
import { captureLogger, recordRequests, startSimFixture, type SimFixture } from "@/test-support/d1-simulator";

let fx: SimFixture;

beforeAll(async () => {
  fx = await startSimFixture();
});
afterAll(() => fx.stop());

function client(overrides: Parameters<SimFixture["config"]>[0] = {}, options: { now?: () => number } = {}) {
  const config = fx.config(overrides);
  const recorded = recordRequests(createD1Dispatcher(config));
  const logs = captureLogger();
  const d1 = createD1Client(config, { dispatcher: recorded.dispatcher, logger: logs.logger, ...options });
  const tokenFetches = () => recorded.requests.filter((r) => r.path.endsWith("/oauth2/token")).length;
  return { d1, requests: recorded.requests, tokenFetches, logs };
}

describe("assertion", () => {
  it("is ES256 with kid and typ JWT, iss = sub = issuerId, a short exp, aud and a unique jti", async () => {
    const key = await importPKCS8(readFileSync(fx.pki.issuerSigning.privateKeyPath, "utf8"), "ES256");
    const nowMs = Date.now();
    const claims = { issuerId: fx.pki.issuerId, kid: "kid-1", audience: "https://api.d1.thalescloud.io", nowMs };
    const [a, b] = [await signAssertion(key, claims), await signAssertion(key, claims)];
    expect(decodeProtectedHeader(a)).toEqual({ alg: "ES256", kid: "kid-1", typ: "JWT" });
    const publicKey = await importSPKI(readFileSync(fx.pki.issuerSigning.publicKeyPath, "utf8"), "ES256");
    const { payload } = await jwtVerify(a, publicKey, { algorithms: ["ES256"], audience: claims.audience });
    expect(payload.iss).toBe(fx.pki.issuerId);
    expect(payload.sub).toBe(fx.pki.issuerId);
    expect(payload.iat).toBe(Math.floor(nowMs / 1000));
    expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(15 * 60);
    const { payload: other } = await jwtVerify(b, publicKey);
    expect(other.jti).toBeTruthy();
    expect(other.jti).not.toBe(payload.jti);
  });
});

describe("token client", () => {
  it("fetches one token for many concurrent calls and reuses it afterwards", async () => {
    const { d1, tokenFetches, requests } = client();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => d1.getProductionStatus(`unknown-${i}`)));
    expect(results).toEqual(Array(12).fill(null));
    expect(tokenFetches()).toBe(1);
    await d1.getProductionStatus("unknown-again");
    expect(tokenFetches()).toBe(1);
    expect(requests.filter((r) => r.path.includes("/productionStatus"))).toHaveLength(13);
    await d1.close();
  });

  it("fetches a new token shortly before the old one expires", async () => {
    let now = Date.now();
    const { d1, tokenFetches } = client({}, { now: () => now });
    const first = await d1.tokens.get();
    now += 900_000 - REFRESH_MARGIN_MS - 1_000; // still inside the reuse window
    expect(await d1.tokens.get()).toBe(first);
    expect(tokenFetches()).toBe(1);
    now += 2_000; // within the last minute of the 900 s token
    await d1.tokens.get();
    expect(tokenFetches()).toBe(2);
    await d1.close();
  });

  it("invalidate drops the cached token, but not a newer one when given a stale token", async () => {
    const { d1, tokenFetches } = client();
    const first = await d1.tokens.get();
    d1.tokens.invalidate(first);
    const second = await d1.tokens.get();
    expect(tokenFetches()).toBe(2);
    d1.tokens.invalidate(first); // a late 401 for the old token
    expect(await d1.tokens.get()).toBe(second);
    expect(tokenFetches()).toBe(2);
    await d1.close();
  });

  it("reports a refused assertion as a credentials problem that a job may retry later", async () => {
    const { d1, tokenFetches, logs } = client({ signing: { ...fx.config().signing, kid: "not-provisioned" } });
    const error = await d1.getProductionStatus("card-1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("unauthorized:d1");
    expect((error as AppError).detail).toMatchObject({
      operation: "token",
      httpStatus: 400,
      d1Error: "invalid_grant: unknown kid: not-provisioned",
    });
    expect(isRetryableD1Error(error)).toBe(true);
    // A refusal is not retried within the call: the same assertion would be refused again.
    expect(tokenFetches()).toBe(1);
    expect(logs.text()).not.toMatch(/eyJ/);
    await d1.close();
  });
});
