import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { d1ResponseError, isRetryableD1Error, parseD1ErrorBody, retryAfterMs } from "./errors";
import { backoffDelay, parseRetryAfter } from "./http";

const ctx = { operation: "order" as const, cardId: "card-1" };

describe("d1ResponseError", () => {
  it("keeps D1's errorCode and error in detail and says what the teller can do", () => {
    const error = d1ResponseError(400, { errorCode: "SIM_UNKNOWN_PERSO_STATION", error: "persoStation" }, ctx);
    expect(error.code).toBe("bad_request:d1");
    expect(error.message).toBe(
      "The personalization station is not registered at D1. Choose another station or ask your manager.",
    );
    expect(error.detail).toMatchObject({
      d1ErrorCode: "SIM_UNKNOWN_PERSO_STATION",
      d1Error: "persoStation",
      httpStatus: 400,
      cardId: "card-1",
    });
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
