import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readBodyText } from "./read-body";

const CHUNK = 64 * 1024;

/** A chunked body (no Content-Length) made on demand, counting what the reader pulled. */
function chunkedBody(totalBytes: number) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(CHUNK, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { stream, sent: () => sent };
}

const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
  new Request("http://app/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

const limits = { maxBytes: 256 * 1024, timeoutMs: 5_000, surface: "notification" } as const;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readBodyText", () => {
  it("reads a body within the limit, chunked or not", async () => {
    expect(await readBodyText(post("héllo"), limits)).toBe("héllo");
    const { stream } = chunkedBody(200 * 1024);
    expect((await readBodyText(post(stream), limits)).length).toBe(200 * 1024);
  });

  it("stops a chunked 8 MB body at the first chunk past the limit, with a 413", async () => {
    const { stream, sent } = chunkedBody(8 * 1024 * 1024);
    const error = await failure(readBodyText(post(stream), limits));
    expect(error.status).toBe(413);
    expect(error.code).toBe("too_large:notification");
    // The stream may have read ahead by a chunk or two; never the whole body.
    expect(sent()).toBeLessThan(limits.maxBytes + 4 * CHUNK);
  });

  it("refuses a declared length over the limit without reading", async () => {
    const request = post(chunkedBody(1024).stream, { "content-length": String(1024 * 1024) });
    const error = await failure(readBodyText(request, limits));
    expect(error.status).toBe(413);
    expect(request.bodyUsed).toBe(false);
  });

  it("gives up on a body that trickles in, at the deadline, with a 408", async () => {
    let timer: NodeJS.Timeout | undefined;
    const drip = new ReadableStream<Uint8Array>({
      start(controller) {
        timer = setInterval(() => controller.enqueue(new Uint8Array([0x7b])), 20);
      },
      cancel() {
        clearInterval(timer);
      },
    });
    const error = await failure(readBodyText(post(drip), { ...limits, timeoutMs: 200 }));
    clearInterval(timer);
    expect(error.status).toBe(408);
    expect(error.code).toBe("timeout:notification");
  });
});
