// The same-origin rule for server actions (checked in proxy.ts, ahead of Next.js's own check) and
// our own POST routes (sign-out, activity). With a public origin configured (PUBLIC_ORIGIN, else
// AUTH_URL) the browser's Origin must be exactly that one; without it, Origin must name this host
// (Host, or X-Forwarded-Host from the reverse proxy), as Next.js decides. Either way, hosts in
// SERVER_ACTIONS_ALLOWED_ORIGINS pass too.
import { env } from "@/lib/env";

function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

/**
 * The origin browsers use for the app, when the bank configured it. X-Forwarded-Host is then
 * ignored for this decision: a proxy that passes the client's own value on would otherwise let
 * `Origin: https://evil.example` with `X-Forwarded-Host: evil.example` through.
 */
export function configuredPublicOrigin(): string | undefined {
  return env.PUBLIC_ORIGIN ?? (env.AUTH_URL ? new URL(env.AUTH_URL).origin : undefined);
}

/**
 * True when the request may act on the caller's session. A request without Origin (not a
 * browser) passes, as for server actions; `Origin: null` (sandboxed or privacy-stripped
 * contexts) and anything unparsable do not.
 */
export function sameOrigin(
  headers: Headers,
  allowed: readonly string[] = env.SERVER_ACTIONS_ALLOWED_ORIGINS,
  publicOrigin: string | null = configuredPublicOrigin() ?? null,
): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (!parsed.host) return false;
  if (allowed.some((p) => hostMatches(parsed.host, p))) return true;
  if (publicOrigin) return parsed.origin === publicOrigin;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return parsed.host === host;
}
