// The one message the SSO confirmation popup sends to the dual-control form that opened it
// (window.postMessage, our own origin as the target; the form accepts it only from its popup).
import { isSsoFailure, type SsoFailure } from "./messages";

export const SSO_MESSAGE_TYPE = "bii:second-signer";

export type SsoMessage =
  | { type: typeof SSO_MESSAGE_TYPE; ok: true; assertionId: string; name: string }
  | { type: typeof SSO_MESSAGE_TYPE; ok: false; failure: SsoFailure };

/** The message, if `data` is one; anything else a page may post is ignored. */
export function readSsoMessage(data: unknown): SsoMessage | null {
  if (!data || typeof data !== "object") return null;
  const m = data as Record<string, unknown>;
  if (m.type !== SSO_MESSAGE_TYPE) return null;
  if (m.ok === true && typeof m.assertionId === "string" && typeof m.name === "string") {
    return { type: SSO_MESSAGE_TYPE, ok: true, assertionId: m.assertionId, name: m.name };
  }
  if (m.ok === false && isSsoFailure(m.failure)) return { type: SSO_MESSAGE_TYPE, ok: false, failure: m.failure };
  return null;
}
