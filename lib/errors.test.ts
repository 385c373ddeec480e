import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { msg } from "./i18n/message";

describe("AppError", () => {
  it("maps the type to an HTTP status and keeps a sentence a person can act on", () => {
    const cases = [
      ["unauthorized:route", 401],
      ["forbidden:action", 403],
      ["not_found:job", 404],
      ["conflict:branch", 409],
      ["rate_limit:auth", 429],
      ["unavailable:d1", 503],
      ["invalid:action", 400],
    ] as const;
    for (const [code, status] of cases) {
      const error = new AppError(code);
      expect(error.status).toBe(status);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("never puts log-only detail or the cause into the JSON a browser sees", () => {
    const error = new AppError("unavailable:d1", {
      detail: { d1ErrorCode: "CRYPTO_ERROR" },
      cause: new Error("socket hang up at 10.0.0.1"),
    });
    const json = JSON.stringify(error.toJSON());
    expect(json).not.toContain("CRYPTO_ERROR");
    expect(json).not.toContain("10.0.0.1");
    expect(error.toJSON()).toEqual({ code: "unavailable:d1", message: expect.stringContaining("card service") });
  });

  it("carries field errors for forms", () => {
    const error = new AppError("invalid:action", { fieldErrors: { code: [msg("Validation.branch.code")] } });
    expect(error.toJSON().fieldErrors).toEqual({ code: ["Use 2 to 16 letters, digits or hyphens, e.g. BR042."] });
    expect(error.toBody("de").fieldErrors).toEqual({
      code: ["Verwenden Sie 2 bis 16 Buchstaben, Ziffern oder Bindestriche, z. B. BR042."],
    });
  });
});
