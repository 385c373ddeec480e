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

  constructor(reason: string, cause: unknown) {
    super(`D1 request failed: ${reason}`, { cause });
    this.name = "TransportError";
    this.reason = reason;
  }
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
