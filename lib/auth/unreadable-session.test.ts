// The errors Auth.js reports for a garbage session cookie (its own decode, wrapped as it does in
// its session action): one warning without a stack, then only debug lines; a failure of our own
// session callbacks stays an error. e2e/request-edge.api.ts checks the wiring in the running app.
import { JWTSessionError } from "@auth/core/errors";
import { decode } from "@auth/core/jwt";
import { describe, expect, it, vi } from "vitest";
import { createUnreadableSessionReporter, isUnreadableSessionCookie } from "./unreadable-session";

// Auth.js wraps the original error (its typings only admit a message).
const wrapped = (cause: Error) => new (JWTSessionError as unknown as new (cause: Error) => JWTSessionError)(cause);

async function sessionErrorFor(token: string): Promise<JWTSessionError> {
  const secret = "test-secret-test-secret-test-secret-0123";
  try {
    const payload = await decode({ token, secret, salt: "authjs.session-token" });
    if (!payload) throw new Error("Invalid JWT");
  } catch (error) {
    return wrapped(error as Error);
  }
  throw new Error(`${token} decoded`);
}

describe("an unreadable session cookie", () => {
  it("is logged once at warn without a stack, then at debug", async () => {
    const logger = { warn: vi.fn(), debug: vi.fn() };
    const report = createUnreadableSessionReporter(logger);
    for (const token of ["garbage", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..AAAA.BBBB.CCCC", "garbage"]) {
      const error = await sessionErrorFor(token);
      expect(isUnreadableSessionCookie(error), token).toBe(true);
      expect(report(error)).toBe(true);
    }
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.debug).toHaveBeenCalledTimes(2);
    const [entry] = logger.warn.mock.calls[0]!;
    expect(entry).toMatchObject({ event: "session_cookie_unreadable" });
    expect(JSON.stringify(entry)).not.toMatch(/stack|\n\s+at /);
    expect(entry).not.toHaveProperty("err");
  });

  it("does not hide a failure of our own session callbacks", () => {
    const ours = wrapped(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
    expect(isUnreadableSessionCookie(ours)).toBe(false);
    const logger = { warn: vi.fn(), debug: vi.fn() };
    expect(createUnreadableSessionReporter(logger)(ours)).toBe(false);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
