// Authenticates D1's calls to us (E5 notifications, E6 token) in the mode the tenant has
// (lib/notifications/auth-mode.ts). CPU only, everything precomputed once: the receiver's hot
// path keeps its single database round trip.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";
import { env, type ServerEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { msg, type Message } from "@/lib/i18n/message";
import { forwardedClientAddress, normalizeAddress } from "@/lib/http/client-address";
import { log } from "@/lib/log";
import { normalizeDn, TRUSTED_PROXY_SECRET_HEADER, usesMtls, usesOauth, type NotifyAuthMode } from "./auth-mode";
import { verifyD1Token } from "./token";

export type { NotifyAuthMode } from "./auth-mode";

type Settings = Pick<
  ServerEnv,
  | "D1_NOTIFY_AUTH"
  | "D1_NOTIFY_CLIENT_CERT_HEADER"
  | "D1_NOTIFY_CLIENT_SUBJECT_HEADER"
  | "D1_NOTIFY_CLIENT_SUBJECT"
  | "TRUSTED_PROXY_SECRET"
  | "TRUSTED_PROXY_ADDRESSES"
>;

export type NotifyAuth = {
  /** Undefined: neither mTLS nor OAuth is configured, and D1 notifications are off. */
  mode: NotifyAuthMode | undefined;
  /** Why the proxy's client-certificate headers cannot be trusted, or null when they say D1. */
  mtlsRefusal(request: Request): string | null;
};

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Built from settings validated by lib/env.ts (which refuses mTLS without a subject or proxy trust). */
export function createNotifyAuth(settings: Settings): NotifyAuth {
  const mode = settings.D1_NOTIFY_AUTH;
  const subject = settings.D1_NOTIFY_CLIENT_SUBJECT ? normalizeDn(settings.D1_NOTIFY_CLIENT_SUBJECT) : null;
  const secret = settings.TRUSTED_PROXY_SECRET ? digest(settings.TRUSTED_PROXY_SECRET) : null;
  let proxies: BlockList | null = null;
  for (const entry of settings.TRUSTED_PROXY_ADDRESSES) {
    proxies ??= new BlockList();
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) proxies.addAddress(address, family);
    else proxies.addSubnet(address, Number(prefix), family);
  }

  function mtlsRefusal(request: Request): string | null {
    if (!subject || (!secret && !proxies)) return "mTLS is not configured";
    const h = request.headers;
    // Both proxy checks that are configured must pass; either alone tells us who set the headers.
    if (secret) {
      const sent = h.get(TRUSTED_PROXY_SECRET_HEADER);
      if (sent === null || !timingSafeEqual(digest(sent), secret)) return "not from the trusted proxy (secret)";
    }
    if (proxies) {
      // The socket's peer: the right-most X-Forwarded-For entry (lib/http/server-limits.ts).
      const peer = normalizeAddress(forwardedClientAddress(h.get("x-forwarded-for"), 0));
      const family = peer && isIP(peer) === 6 ? "ipv6" : "ipv4";
      if (!peer || !proxies.check(peer, family)) return "not from the trusted proxy (address)";
    }
    if (h.get(settings.D1_NOTIFY_CLIENT_CERT_HEADER)?.trim() !== "SUCCESS") return "client certificate not verified";
    const presented = h.get(settings.D1_NOTIFY_CLIENT_SUBJECT_HEADER);
    if (presented === null || normalizeDn(presented) !== subject) return "client certificate of another subject";
    return null;
  }

  return { mode, mtlsRefusal };
}

let current: NotifyAuth | undefined;
/** The configured authentication, built on first use. */
export function notifyAuth(): NotifyAuth {
  current ??= createNotifyAuth(env);
  return current;
}

/** For the pre-flight check and the admin page: the mode in force (undefined: notifications off). */
export const notificationAuthMode = (): NotifyAuthMode | undefined => notifyAuth().mode;

const refuse = (message: Message) => new AppError("unauthorized:notification", { message });

/** Throws 401 unless the request carries everything the mode requires. */
export async function authenticateNotification(request: Request, auth: NotifyAuth): Promise<void> {
  if (usesMtls(auth.mode)) requireMtls(request, auth, "notification");
  if (usesOauth(auth.mode)) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    if (!bearer || !(await verifyD1Token(bearer))) {
      throw refuse(msg("Errors.notificationBearer"));
    }
  }
}

/** Throws 401 unless the trusted proxy says it verified D1's client certificate. */
export function requireMtls(request: Request, auth: NotifyAuth, surface: "notification" | "token"): void {
  const reason = auth.mtlsRefusal(request);
  if (reason === null) return;
  log.warn({ event: "d1_mtls_refused", surface, reason }, "D1 call refused: client certificate not vouched for");
  throw refuse(msg("Errors.notificationCertificate"));
}
