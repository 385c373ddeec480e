// Request bodies of our own route handlers, bounded while they stream: a chunked body (no
// Content-Length) is cut off at the first byte past the limit instead of being read whole, and a
// body that trickles in is cut off at a deadline (Node's own requestTimeout is checked only every
// 30 s: lib/http/server-limits.ts).
import { AppError, type Surface } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";

export type BodyLimits = { maxBytes: number; timeoutMs: number; surface: Surface };

export async function readBodyText(request: Request, limits: BodyLimits): Promise<string> {
  const { maxBytes, timeoutMs, surface } = limits;
  const tooLarge = () => new AppError(`too_large:${surface}`, { message: msg("Errors.bodyTooLarge", { maxBytes }) });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return "";

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timedOut = false;
  // Canceling the stream ends the wait for the next chunk; the connection is closed after the answer.
  const timer = setTimeout(() => {
    timedOut = true;
    void reader.cancel().catch(() => {});
  }, timeoutMs);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) break;
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        void reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (!timedOut) throw error;
  } finally {
    clearTimeout(timer);
  }
  if (timedOut) {
    throw new AppError(`timeout:${surface}`, { message: msg("Errors.bodyTimeout", { seconds: timeoutMs / 1000 }) });
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
