// What Auth.js reports goes to our log with its cause. Auth.js wraps the real failure (an
// identity provider's `invalid_grant`, a TLS error, a refused certificate) in errors whose own
// message is only a link, and keeps the cause in a plain object pino does not follow. Only
// fields known to be safe are copied: never tokens, codes, cookies or the provider's response.
// @auth/core/errors, not next-auth: the same classes, without pulling next/server into tests.
import { CredentialsSignin } from "@auth/core/errors";
import type { Logger } from "pino";

/**
 * Fields of an error's `cause` object that say what went wrong and carry no secret. Not `code`:
 * Auth.js copies the provider's redirect parameters into causes, and there `code` is the
 * authorization code. Node's and oauth4webapi's own `code` (ECONNREFUSED, …) is on the error.
 */
const SAFE_CAUSE_FIELDS = ["error", "error_description", "error_uri", "status", "provider", "providerId"];
const MAX_DEPTH = 6;
const MAX_MESSAGE = 300;

export type AuthErrorStep = { type: string; message?: string } & Record<string, string | number>;

// Messages may quote a URL with an authorization code or state in its query: drop queries.
const scrub = (message: string) =>
  message.replace(/(https?:\/\/[^\s?#"']+)[?#][^\s"']*/g, "$1?…").slice(0, MAX_MESSAGE);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The chain from Auth.js's error down to the root cause, one step per error. */
export function authErrorChain(error: unknown): AuthErrorStep[] {
  const chain: AuthErrorStep[] = [];
  let current: unknown = error;
  while (current instanceof Error && chain.length < MAX_DEPTH) {
    // Auth.js errors name their type in `type`: class names are minified in the build.
    const authType = (current as { type?: unknown }).type;
    const step: AuthErrorStep = { type: typeof authType === "string" ? authType : current.name || "Error" };
    // Auth.js's own messages are only "Read more at https://errors.authjs.dev#…".
    if (current.message && !current.message.startsWith("Read more at")) step.message = scrub(current.message);
    const cause: unknown = current.cause;
    let next: unknown = cause;
    if (isObject(cause) && !(cause instanceof Error)) {
      for (const field of SAFE_CAUSE_FIELDS) {
        const value = cause[field];
        if (typeof value === "string") step[field] = scrub(value);
        else if (typeof value === "number") step[field] = value;
      }
      next = cause.err;
    }
    // oauth4webapi puts the provider's answer on the error itself (ResponseBodyError).
    const own = current as unknown as Record<string, unknown>;
    for (const field of ["error", "error_description", "status", "code"] as const) {
      if (step[field] !== undefined) continue;
      const value = own[field];
      if (typeof value === "string") step[field] = scrub(value);
      else if (typeof value === "number") step[field] = value;
    }
    chain.push(step);
    current = next;
  }
  return chain;
}

/** The `logger` option of Auth.js, writing to pino with the cause of every error. */
export function authLogger(log: Pick<Logger, "error" | "warn" | "debug">) {
  return {
    error(error: Error) {
      // A wrong password is an expected event, logged by sign-in.ts with its context.
      if (error instanceof CredentialsSignin) return;
      const chain = authErrorChain(error);
      const root = chain.at(-1);
      const summary = [root?.type, root?.error, root?.error_description ?? root?.message].filter(Boolean).join(": ");
      log.error({ event: "auth_error", authError: chain }, `auth error: ${chain[0]?.type ?? "unknown"} (${summary})`);
    },
    warn(code: string) {
      log.warn({ event: "auth_warning", code }, "auth warning");
    },
    debug() {},
  };
}
