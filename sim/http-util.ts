// Small HTTP helpers shared by the D1 and control servers: bounded body reading, JSON replies
// and the `{errorCode, error}` error body (D1 §9).
import type { IncomingMessage, ServerResponse } from "node:http";

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** An error that becomes an HTTP response. `errorCode` is omitted where D1 documents none. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string | undefined,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Replaces the `{errorCode, error}` body, e.g. with an OAuth error for E1. */
    private readonly customBody?: Record<string, string>,
  ) {
    super(message);
  }

  body(): Record<string, string> {
    if (this.customBody) return this.customBody;
    return this.errorCode ? { errorCode: this.errorCode, error: this.message } : { error: this.message };
  }
}

export const fieldFormat = (field: string) => new HttpError(400, "FIELD_INVALID_FORMAT", field);
export const fieldValue = (field: string) => new HttpError(400, "FIELD_INVALID_VALUE", field);

/** Reads the whole body, refusing more than `limit` bytes with 413 (after draining politely). */
export function readBody(req: IncomingMessage, limit = DEFAULT_MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
      // A client that keeps streaming far past the limit is cut off instead of drained.
      if (size > limit * 16) req.destroy();
    });
    req.on("end", () => (over ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, "SIM_PAYLOAD_TOO_LARGE", `request body exceeds ${limit} bytes`, { connection: "close" });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { "content-type": "application/json" } : {}),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: HttpError): void {
  sendJson(res, err.status, err.body(), err.headers);
}

/** Parses a JSON body; an unparseable body is D1's generic 400 (no errorCode). */
export function parseJson(buf: Buffer): unknown {
  try {
    return JSON.parse(buf.toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, undefined, "request body is not valid JSON");
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
