// How D1 proves it is D1 when it notifies us (d1-api.md §11): mutual TLS verified by the bank's
// reverse proxy, our E6 bearer token, or both. Resolved and checked once at start-up by
// lib/env.ts, so it stays free of path aliases and `server-only` (Node loads it with type
// stripping from next.config.mjs).
import { isIP } from "node:net";

export const NOTIFY_AUTH_MODES = ["mtls", "oauth", "mtls+oauth"] as const;
export type NotifyAuthMode = (typeof NOTIFY_AUTH_MODES)[number];

export const usesMtls = (mode: NotifyAuthMode | undefined): boolean => mode === "mtls" || mode === "mtls+oauth";
export const usesOauth = (mode: NotifyAuthMode | undefined): boolean => mode === "oauth" || mode === "mtls+oauth";

/** The header our proxy adds with TRUSTED_PROXY_SECRET (and strips from what clients send). */
export const TRUSTED_PROXY_SECRET_HEADER = "x-trusted-proxy-secret";

export type NotifyAuthSettings = {
  D1_NOTIFY_AUTH?: NotifyAuthMode | undefined;
  D1_NOTIFY_CLIENT_ID?: string | undefined;
  D1_NOTIFY_CLIENT_SECRET?: string | undefined;
  D1_NOTIFY_CLIENT_SUBJECT?: string | undefined;
  TRUSTED_PROXY_SECRET?: string | undefined;
  TRUSTED_PROXY_ADDRESSES: string[];
};

/**
 * The mode in force: the one set, or else `mtls+oauth` when both are configured, else the one
 * configured; undefined when neither is (the receiver then answers 503). Throws the lines of a
 * start-up error for any configuration that would let an unauthenticated notification in.
 */
export function resolveNotifyAuthMode(s: NotifyAuthSettings): NotifyAuthMode | undefined {
  const oauthReady = Boolean(s.D1_NOTIFY_CLIENT_ID && s.D1_NOTIFY_CLIENT_SECRET);
  const mtlsConfigured = Boolean(s.D1_NOTIFY_CLIENT_SUBJECT);
  const mode =
    s.D1_NOTIFY_AUTH ??
    (mtlsConfigured && oauthReady ? "mtls+oauth" : mtlsConfigured ? "mtls" : oauthReady ? "oauth" : undefined);
  const problems: string[] = [];
  if (usesOauth(mode) && !oauthReady) {
    problems.push(`D1_NOTIFY_CLIENT_ID and D1_NOTIFY_CLIENT_SECRET: required with D1_NOTIFY_AUTH=${mode}`);
  }
  if (usesMtls(mode)) {
    if (!s.D1_NOTIFY_CLIENT_SUBJECT) {
      problems.push(
        `D1_NOTIFY_CLIENT_SUBJECT: required with D1_NOTIFY_AUTH=${mode} (the subject DN of D1's certificate)`,
      );
    } else if (!normalizeDn(s.D1_NOTIFY_CLIENT_SUBJECT)) {
      problems.push("D1_NOTIFY_CLIENT_SUBJECT: not a distinguished name in RFC 4514 form (CN=…,O=…,C=…)");
    }
    if (!s.TRUSTED_PROXY_SECRET && s.TRUSTED_PROXY_ADDRESSES.length === 0) {
      problems.push(
        `TRUSTED_PROXY_SECRET or TRUSTED_PROXY_ADDRESSES: required with D1_NOTIFY_AUTH=${mode}, or anyone could send the proxy's verification header`,
      );
    }
  }
  if (problems.length > 0) throw new Error(problems.join("\n  "));
  return mode;
}

/**
 * A subject DN in one spelling for an exact comparison: RFC 4514 (what nginx's $ssl_client_s_dn
 * and HAProxy's ssl_c_s_dn(,0,rfc2253) give), attribute types upper-cased, spaces around `,`,
 * `+` and `=` dropped, escapes kept as written. Null for anything else, including OpenSSL's
 * `/C=…/CN=…` form, which cannot be split safely (D1's CN itself contains a slash).
 */
export function normalizeDn(raw: string): string | null {
  const text = raw.trim();
  if (text === "" || text.startsWith("/")) return null;
  const rdns: string[] = [];
  let current: string[] = [];
  let ava = "";
  const endAva = (): boolean => {
    const eq = ava.indexOf("=");
    if (eq <= 0) return false;
    const type = ava.slice(0, eq).trim().toUpperCase();
    const value = ava.slice(eq + 1).trim();
    if (!/^([A-Z][A-Z0-9-]*|\d+(\.\d+)+)$/.test(type) || value === "") return false;
    current.push(`${type}=${value}`);
    ava = "";
    return true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\\" && i + 1 < text.length) {
      ava += ch + text[++i]!;
    } else if (ch === "+" || ch === ",") {
      if (!endAva()) return null;
      if (ch === ",") {
        rdns.push(current.join("+"));
        current = [];
      }
    } else {
      ava += ch;
    }
  }
  if (!endAva()) return null;
  rdns.push(current.join("+"));
  return rdns.join(",");
}

/** An IP address, or a subnet as address/prefix. */
export function isAddressOrSubnet(entry: string): boolean {
  const [address, prefix, extra] = entry.split("/");
  const family = isIP(address ?? "");
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}
