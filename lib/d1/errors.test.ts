import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { d1ResponseError, isRetryableD1Error, parseD1ErrorBody, refusedField, retryAfterMs } from "./errors";
import { backoffDelay, parseRetryAfter } from "./http";

const ctx = { operation: "order" as const, cardId: "card-1" };

describe("d1ResponseError", () => {
  it("keeps D1's errorCode and error in detail and says what the teller can do", () => {
    const error = d1ResponseError(400, { errorCode: "FIELD_INVALID_VALUE", error: "persoStation" }, ctx);
    expect(error.code).toBe("invalid:d1");
    expect(error.message).toBe(
      "The personalization station is not registered at D1. Choose another station or ask your manager.",
    );
    expect(error.detail).toMatchObject({
      d1ErrorCode: "FIELD_INVALID_VALUE",
      d1Error: "persoStation",
      httpStatus: 400,
      cardId: "card-1",
    });
  });

  it("answers a code D1 does not document with the sentence of its status, keeping the code", () => {
    // A code D1 adds later, or one the simulator invents: no guess from its name or its text.
    for (const [status, message] of [
      [400, /D1 did not accept the order\. Contact support/],
      [403, /does not allow this order/],
      [404, /does not know this card/],
      [409, /already has an order/],
      [422, /D1 did not accept the order\. Contact support/],
    ] as const) {
      const error = d1ResponseError(status, { errorCode: "STATION_NOT_REGISTERED", error: "persoStation" }, ctx);
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/station/i);
      expect(error.detail).toMatchObject({ d1ErrorCode: "STATION_NOT_REGISTERED", d1Error: "persoStation" });
    }
  });

  it("reads every plausible error body: none, {error} alone, OAuth style, not JSON", () => {
    expect(parseD1ErrorBody(undefined)).toEqual({});
    expect(parseD1ErrorBody("Bad Request")).toEqual({});
    expect(parseD1ErrorBody({ error: "Internal Server Error" })).toEqual({ error: "Internal Server Error" });
    expect(parseD1ErrorBody({ error: "invalid_grant", error_description: "unknown kid" })).toEqual({
      error: "invalid_grant: unknown kid",
    });
    expect(parseD1ErrorBody({ errorCode: 7, error: ["x"] })).toEqual({});
    expect(d1ResponseError(400, undefined, ctx).message).toMatch(/D1 did not accept the order/);
    expect(d1ResponseError(401, { errorCode: "AUTHORIZER_UNAUTHORIZED", error: "token expired" }, ctx).code).toBe(
      "unauthorized:d1",
    );
  });

  it("reads the refused field from a bare name, a JSON path or an encryptedData prefix", () => {
    expect(refusedField("persoStation")).toBe("persoStation");
    expect(refusedField("$.persoStation")).toBe("persoStation");
    expect(refusedField("/services/issuance")).toBe("services.issuance");
    expect(refusedField("encryptedData.pan")).toBe("pan");
    expect(refusedField("the station is unknown")).toBeUndefined();
    expect(refusedField(undefined)).toBeUndefined();
    expect(d1ResponseError(400, { errorCode: "FIELD_INVALID_VALUE", error: "$.persoStation" }, ctx).message).toMatch(
      /station is not registered/,
    );
    expect(d1ResponseError(400, { errorCode: "PARSING_ERROR", error: "encryptedData" }, ctx).message).toMatch(
      /could not read the card data/,
    );
  });

  it("names the refused field", () => {
    expect(d1ResponseError(400, { errorCode: "FIELD_INVALID_FORMAT", error: "name" }, ctx).message).toMatch(
      /name on the card/,
    );
    expect(d1ResponseError(400, { errorCode: "FIELD_INVALID_VALUE", error: "exp" }, ctx).message).toMatch(
      /expiry date/,
    );
    expect(
      d1ResponseError(400, { errorCode: "FIELD_INVALID_VALUE", error: "paymentApplication.odaKeyIndex" }, ctx).message,
    ).toMatch(/"paymentApplication\.odaKeyIndex".*administrator/);
    expect(d1ResponseError(400, { errorCode: "FIELD_INVALID_VALUE", error: "persoStation" }, ctx).message).toMatch(
      /station is not registered/,
    );
    expect(d1ResponseError(400, { errorCode: "CRYPTO_ERROR", error: "x" }, ctx).message).toMatch(
      /could not be encrypted for D1.*support/,
    );
  });

  it("masks anything that looks like a PAN in D1's error text", () => {
    expect(parseD1ErrorBody({ errorCode: "X", error: "bad pan 4111111111111111" }).error).toBe("bad pan …1111");
  });
});

describe("isRetryableD1Error", () => {
  it("retries outages, credential problems and unknown errors, and stops on refusals of the order", () => {
    expect(isRetryableD1Error(new AppError("unavailable:d1"))).toBe(true);
    expect(isRetryableD1Error(new AppError("unauthorized:d1"))).toBe(true);
    expect(isRetryableD1Error(new AppError("internal:d1"))).toBe(true);
    expect(isRetryableD1Error(new Error("socket hang up"))).toBe(true);
    for (const code of [
      "bad_request:d1",
      "invalid:d1",
      "forbidden:d1",
      "not_found:d1",
      "conflict:d1",
      "too_large:d1",
    ] as const) {
      expect(isRetryableD1Error(new AppError(code))).toBe(false);
    }
  });

  it("exposes a Retry-After the call did not wait for", () => {
    expect(retryAfterMs(new AppError("unavailable:d1", { detail: { retryAfterMs: 60_000 } }))).toBe(60_000);
    expect(retryAfterMs(new AppError("unavailable:d1"))).toBeUndefined();
  });
});

describe("retry timing helpers", () => {
  it("parses Retry-After seconds and dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(["0"])).toBe(0);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it("draws full-jitter delays below a doubling, capped ceiling", () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 0 };
    expect(backoffDelay(1, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(4, policy, () => 0)).toBe(0);
  });
});
