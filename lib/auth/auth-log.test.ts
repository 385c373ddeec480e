import { CallbackRouteError, CredentialsSignin } from "@auth/core/errors";
import { describe, expect, it, vi } from "vitest";
import { authErrorChain, authLogger } from "./auth-log";

// Auth.js wraps errors as `new CallbackRouteError(error, extra)`; its types declare only Error's
// constructor, so the runtime signature is spelled out here.
const wrap = (error: Error, extra: Record<string, unknown>) =>
  new (CallbackRouteError as unknown as new (e: Error, o: Record<string, unknown>) => Error)(error, extra);

// What Auth.js logs for the token request the provider refused: its own error, whose message is
// only a link, around oauth4webapi's error carrying the provider's answer.
function refusedTokenRequest() {
  const providerAnswer = Object.assign(new Error("server responded with an error in the response body"), {
    name: "ResponseBodyError",
    code: "OAUTH_RESPONSE_BODY_ERROR",
    error: "invalid_grant",
    error_description: "grant request is invalid",
    status: 400,
    cause: { error: "invalid_grant", access_token: "at-secret" },
  });
  return wrap(providerAnswer, { provider: "oidc" });
}

describe("Auth.js errors in our log", () => {
  it("carry the root cause: the provider's error and its description", () => {
    const chain = authErrorChain(refusedTokenRequest());
    expect(chain[0]).toMatchObject({ type: "CallbackRouteError", provider: "oidc", error: "invalid_grant" });
    expect(chain.at(-1)).toMatchObject({
      code: "OAUTH_RESPONSE_BODY_ERROR",
      error: "invalid_grant",
      error_description: "grant request is invalid",
      status: 400,
    });
  });

  it("never carry tokens, authorization codes or URL queries", () => {
    const callbackError = wrap(new TypeError("Invalid URL https://idp.example/cb?code=auth-code-secret&state=s"), {
      provider: "oidc",
      code: "auth-code-secret",
      id_token: "idt-secret",
    });
    const text = JSON.stringify([authErrorChain(callbackError), authErrorChain(refusedTokenRequest())]);
    for (const secret of ["auth-code-secret", "idt-secret", "at-secret", "state=s"]) expect(text).not.toContain(secret);
    expect(text).toContain("https://idp.example/cb?…");
  });

  it("are logged with the cause in the message, and a wrong password is not an error", () => {
    const log = { error: vi.fn(), warn: vi.fn(), debug: vi.fn() };
    const logger = authLogger(log as never);
    logger.error(refusedTokenRequest());
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ event: "auth_error" }),
      expect.stringContaining("invalid_grant: grant request is invalid"),
    );
    logger.error(new CredentialsSignin());
    expect(log.error).toHaveBeenCalledTimes(1);
  });
});
