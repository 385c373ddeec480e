// A session cookie that cannot be decrypted (garbage, tampered, or signed with an AUTH_SECRET
// since rotated) is an expected event: Auth.js clears the cookie and the visitor signs in. Auth.js
// reports it as an error with a stack on every request that carries it; we note it once at warn,
// without the stack, and only at debug after that.
import { log } from "@/lib/log";

type Logger = Pick<typeof log, "warn" | "debug">;

const UNREADABLE_MESSAGES = new Set(["Invalid JWT", "no matching decryption secret"]);

/** Auth.js's JWTSessionError whose cause is the cookie itself, not our callbacks or the database. */
export function isUnreadableSessionCookie(error: unknown): boolean {
  if (!(error instanceof Error) || (error as { type?: string }).type !== "JWTSessionError") return false;
  const cause = (error.cause as { err?: unknown } | undefined)?.err;
  if (!(cause instanceof Error)) return false;
  const code = (cause as { code?: unknown }).code;
  // jose's decryption errors: ERR_JWE_INVALID, ERR_JWE_DECRYPTION_FAILED, ERR_JWT_EXPIRED, …
  return (typeof code === "string" && /^ERR_JW[ETSK]_/.test(code)) || UNREADABLE_MESSAGES.has(cause.message);
}

export function createUnreadableSessionReporter(logger: Logger = log) {
  let seen = 0;
  /** True when `error` was an unreadable session cookie and has been logged. */
  return (error: unknown): boolean => {
    if (!isUnreadableSessionCookie(error)) return false;
    const cause = (error as Error & { cause: { err: Error & { code?: string } } }).cause.err;
    const entry = { event: "session_cookie_unreadable", reason: cause.code ?? cause.message };
    if (seen++ === 0) logger.warn(entry, "unreadable session cookie ignored (further ones are logged at debug)");
    else logger.debug({ ...entry, count: seen }, "unreadable session cookie ignored");
    return true;
  };
}

export const reportUnreadableSession = createUnreadableSessionReporter();
