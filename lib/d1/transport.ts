// One HTTP exchange with D1 over the mTLS dispatcher, with a hard per-attempt timeout. Network
// failures and timeouts become a TransportError so callers can tell them from D1's answers.
import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { request, type Dispatcher } from "undici";

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when empty or not JSON. */
  json: unknown;
}

export interface SendOptions {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/** No answer from D1: connection refused or reset, TLS refused, DNS, or a timeout. */
export class TransportError extends Error {
  /** A short machine reason for logs, e.g. ECONNREFUSED, UND_ERR_SOCKET, timeout. */
  readonly reason: string;
  /**
   * True when D1's application certainly never saw the request (no connection, or the TLS layer
   * refused it), so an order may be sent again at once. False when it may have arrived: a
   * timeout, a reset, a socket closed mid-exchange (the answer may be lost, not the order).
   */
  readonly notSent: boolean;

  constructor(reason: string, cause: unknown) {
    super(`D1 request failed: ${reason}`, { cause });
    this.name = "TransportError";
    this.reason = reason;
    this.notSent = failedBeforeSending(reason);
  }
}

// Failures that happen before a request can reach D1's application: name resolution, no route,
// connection refused, connect timeout, and TLS refusals (certificate checks and TLS alerts).
// A timeout of our own signal or a reset is not here: either can hit after the order arrived.
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_TLS_HANDSHAKE_TIMEOUT",
]);

export function failedBeforeSending(reason: string): boolean {
  // OpenSSL's handshake refusals, e.g. ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED when D1 refuses
  // our client certificate (TLS 1.3 reports it only after we wrote, but D1's API never saw it).
  return NOT_SENT.has(reason) || /^ERR_SSL_.*(ALERT|HANDSHAKE|CERTIFICATE|WRONG_VERSION)/.test(reason);
}

function reasonOf(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === "TimeoutError" || err.name === "AbortError") return "timeout";
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string") return code;
    return err.name;
  }
  return "unknown";
}

export async function sendOnce(dispatcher: Dispatcher, options: SendOptions): Promise<RawResponse> {
  // One signal for connect + headers + body, so a D1 that trickles bytes cannot hold us forever.
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const res = await request(options.url, {
      method: options.method,
      headers: options.headers,
      body: options.body ?? null,
      dispatcher,
      signal,
    });
    const text = await res.body.text();
    let json: unknown;
    try {
      json = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, headers: res.headers, json };
  } catch (err) {
    throw new TransportError(reasonOf(err), err);
  }
}
