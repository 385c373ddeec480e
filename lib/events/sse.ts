// A branch's live job events as server-sent events: resumes after Last-Event-ID from the
// database without a gap (subscribe first, then replay, then pass live events on, skipping any
// the replay already sent), heartbeats so proxies keep the stream open.
import "server-only";
import { db } from "@/db";
import { branchEventsAfter, latestBranchEventId } from "@/db/queries/events";
import { env } from "@/lib/env";
import { eventHub } from "./listener";

const HEARTBEAT_MS = 15_000;
const REPLAY_LIMIT = 500;
const encoder = new TextEncoder();

const frame = (id: number, payload: string) => encoder.encode(`id: ${id}\nevent: job\ndata: ${payload}\n\n`);

export function branchEventStream(branchId: string, lastEventId: number | null, signal: AbortSignal): Response {
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let sentUpTo = lastEventId ?? 0;
      let replaying = true;
      const pending: Array<[number, string]> = [];
      const send = (id: number, payload: string) => {
        if (id <= sentUpTo) return;
        sentUpTo = id;
        controller.enqueue(frame(id, payload));
      };
      const unsubscribe = eventHub.subscribe(branchId, (id, payload) => {
        if (replaying) pending.push([id, payload]);
        else send(id, payload);
      });
      const heartbeat = setInterval(() => controller.enqueue(encoder.encode(": heartbeat\n\n")), HEARTBEAT_MS);
      const recycle = setTimeout(() => {
        cleanup();
        controller.close();
      }, env.SSE_MAX_SECONDS * 1000);
      cleanup = () => {
        clearInterval(heartbeat);
        clearTimeout(recycle);
        unsubscribe();
      };
      signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {}
      });

      controller.enqueue(encoder.encode(`retry: 2000\n: connected\n\n`));
      await eventHub.ensureConnected();
      if (lastEventId === null) {
        sentUpTo = await latestBranchEventId({ db, branchId });
      } else {
        for (const e of await branchEventsAfter({ db, branchId, afterId: lastEventId, limit: REPLAY_LIMIT })) {
          send(e.id, JSON.stringify(e));
        }
      }
      replaying = false;
      for (const [id, payload] of pending) send(id, payload);
      pending.length = 0;
      // From here on nothing is missed: tests and tools wait for this line.
      controller.enqueue(encoder.encode(": live\n\n"));
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
