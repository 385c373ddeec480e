// The same-origin rule Next.js applies to server actions, for our own POST routes (sign-out,
// activity): the browser's Origin must name this host (Host, or X-Forwarded-Host from the
// reverse proxy) or one of SERVER_ACTIONS_ALLOWED_ORIGINS.
import { env } from "@/lib/env";

function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

/**
 * True when the request may act on the caller's session. A request without Origin (not a
 * browser) passes, as for server actions; `Origin: null` (sandboxed or privacy-stripped
 * contexts) and anything unparsable do not.
 */
export function sameOrigin(headers: Headers, allowed: readonly string[] = env.SERVER_ACTIONS_ALLOWED_ORIGINS): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  if (!originHost) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return originHost === host || allowed.some((p) => hostMatches(originHost, p));
}
