// Which X-Forwarded-For entry names the client. Every hop appends the address it saw, so only
// entries appended by machines we trust are facts; whatever the client wrote itself sits to their
// left. Free of `server-only` and settings so that the http server hook and tests can use it.
import { isIP } from "node:net";

/** Stored and throttled in place of an address that is missing or not an IP. */
export const UNKNOWN_ADDRESS = "unknown";

/** An IPv4 peer on a dual-stack socket reads `::ffff:192.0.2.1`; one address, one spelling. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  // Some proxies add the port: `192.0.2.1:5678`, `[2001:db8::1]:5678`.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

/**
 * The right-most entry is the app's own socket peer (appended by lib/http/server-limits.ts, or
 * filled in by Next.js when the request had no X-Forwarded-For); each of `trustedHops` proxies
 * in front of us moves the client one entry to the left. Never the left-most entry: the client
 * writes that one. A chain shorter than the configured proxies, or an entry that is not an IP,
 * gives UNKNOWN_ADDRESS.
 */
export function forwardedClientAddress(forwardedFor: string | null | undefined, trustedHops: number): string {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = chain[chain.length - 1 - trustedHops];
  return (entry && normalizeAddress(entry)) || UNKNOWN_ADDRESS;
}
