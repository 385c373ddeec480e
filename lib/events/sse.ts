// A branch's live job events as server-sent events: resumes after Last-Event-ID from the
// database without a gap (subscribe first, then replay, then pass live events on, skipping any
// the replay already sent), heartbeats so proxies keep the stream open.
//
// Event ids are not in commit order (see branchEventsForResume), so a stream skips an event
// only when it has sent that very id, never for being lower than the last one, and a resume
// replays a short window before Last-Event-ID too. (Found by lib/issuance/app-crash.test.ts:
// "accepted" events committing just after D1's REQUESTED notification were lost.)
//
// Stock changes go out as `event: stock` frames without an id: they are not stored as events, the
// screens only refetch their figures (components/live/use-live-events.ts), so there is nothing to
// resume; a screen whose stream was down refetches when it opens again.
import "server-only";
import { db } from "@/db";
import { branchEventsForResume, latestBranchEventId } from "@/db/queries/events";
import type { SessionClaims } from "@/lib/auth/session-check";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { isClosingStreams, reconnectDelayMs, trackStream } from "@/lib/shutdown/state";
import { eventHub } from "./listener";
import { recheckSession, track } from "./open-streams";

const REPLAY_LIMIT = 500;
/** How far before Last-Event-ID a resume (or a poll, lib/events/poll.ts) looks for events that committed late. */
export const RESUME_LOOKBACK_SECONDS = 10;
/** Ids a stream remembers having sent; beyond this the oldest half is forgotten. */
const SENT_IDS_MAX = 5_000;
const encoder = new TextEncoder();
// The frames every stream sends, encoded once for all of them.
const CONNECTED = encoder.encode("retry: 2000\n: connected\n\n");
const LIVE = encoder.encode(": live\n\n");
const HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-store, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
};

// The hub hands one event to every stream of the branch in a row: encode it once for all of them.
let lastFrame: { id: number; payload: string; bytes: Uint8Array } | null = null;
function frame(id: number, payload: string): Uint8Array {
  if (lastFrame?.id !== id || lastFrame.payload !== payload) {
    lastFrame = { id, payload, bytes: encoder.encode(`id: ${id}\nevent: job\ndata: ${payload}\n\n`) };
  }
  return lastFrame.bytes;
}

let lastStockFrame: { payload: string; bytes: Uint8Array } | null = null;
function stockFrame(payload: string): Uint8Array {
  if (lastStockFrame?.payload !== payload) {
    lastStockFrame = { payload, bytes: encoder.encode(`event: stock\ndata: ${payload}\n\n`) };
  }
  return lastStockFrame.bytes;
}

/**
 * Between 90 and 100 % of SSE_MAX_SECONDS, at random: streams opened together (a deploy, a
 * restart, a network blip) would otherwise all reconnect together every SSE_MAX_SECONDS, each
 * wave a burst of sign-in checks and garbage that makes the heap grow (docs/performance.md).
 */
export function recycleAfterMs(maxSeconds = env.SSE_MAX_SECONDS, random = Math.random()): number {
  return Math.round(maxSeconds * 1000 * (0.9 + 0.1 * random));
}

/**
 * The stream's response once its first database reads have worked. They fail when the database
 * is away, and a stream that fails before its first byte would reach the browser as a 500: the
 * caller throws the error instead, which the route answers with 503 (lib/route.ts).
 */
export async function openBranchEventStream(
  branchId: string,
  lastEventId: number | null,
  signal: AbortSignal,
  session: SessionClaims,
): Promise<Response> {
  const { response, started } = createStream(branchId, lastEventId, signal, session);
  await started;
  return response;
}

export function branchEventStream(
  branchId: string,
  lastEventId: number | null,
  signal: AbortSignal,
  session: SessionClaims,
): Response {
  const { response, started } = createStream(branchId, lastEventId, signal, session);
  started.catch((err: unknown) => log.warn({ err, branchId }, "event stream: could not start"));
  return response;
}

function createStream(
  branchId: string,
  lastEventId: number | null,
  signal: AbortSignal,
  session: SessionClaims,
): { response: Response; started: Promise<void> } {
  let cleanup = () => {};
  let open = true;
  const started = { resolve: () => {}, reject: (_error: unknown) => {} };
  const startedPromise = new Promise<void>((resolve, reject) => Object.assign(started, { resolve, reject }));
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const end = () => {
        if (!open) return;
        open = false;
        cleanup();
        try {
          controller.close();
        } catch {}
      };
      // This instance is shutting down: the browser reconnects (to another instance) at once.
      const reconnectElsewhere = (retryMs: number) => {
        if (!open) return;
        controller.enqueue(encoder.encode(`retry: ${retryMs}\n: reconnect elsewhere\n\n`));
        end();
      };
      if (isClosingStreams()) {
        reconnectElsewhere(reconnectDelayMs());
        return started.resolve();
      }
      // A fresh stream starts at the newest event; a resumed one sends everything it has not.
      let floor = 0;
      const sent = new Set<number>();
      let replaying = true;
      const pending: Array<[number, string]> = [];
      const send = (id: number, payload: string) => {
        if (!open || id <= floor || sent.has(id)) return;
        if (sent.size >= SENT_IDS_MAX) [...sent].slice(0, SENT_IDS_MAX / 2).forEach((old) => sent.delete(old));
        sent.add(id);
        controller.enqueue(frame(id, payload));
      };
      const unsubscribe = eventHub.subscribe(branchId, (id, payload) => {
        if (replaying) pending.push([id, payload]);
        else send(id, payload);
      });
      // The session was valid when the stream opened; it must stay so for every event sent:
      // re-checked when the hub hears of a change, and at every heartbeat (open-streams.ts). A
      // failed read (database away) keeps the stream: no events flow then either, and the hub
      // re-checks every watched session when it reconnects.
      const unwatch = eventHub.watchUser(session.userId, () => recheckSession(session));
      const unwatchStock = eventHub.watchStock(branchId, (payload) => {
        if (open) controller.enqueue(stockFrame(payload));
      });
      // Heartbeats and the recycle come from one timer for every stream (open-streams.ts).
      const untrack = track({
        claims: session,
        endsAt: Date.now() + recycleAfterMs(),
        write: (bytes) => open && controller.enqueue(bytes),
        end,
      });
      const untrackShutdown = trackStream(reconnectElsewhere);
      cleanup = () => {
        untrack();
        untrackShutdown();
        unsubscribe();
        unwatch();
        unwatchStock();
        signal.removeEventListener("abort", end);
      };
      signal.addEventListener("abort", end);

      controller.enqueue(CONNECTED);
      try {
        await eventHub.ensureConnected();
        if (lastEventId === null) {
          floor = await latestBranchEventId({ db, branchId });
        } else {
          const replay = await branchEventsForResume({
            db,
            branchId,
            afterId: lastEventId,
            lookbackSeconds: RESUME_LOOKBACK_SECONDS,
            limit: REPLAY_LIMIT,
          });
          for (const e of replay) send(e.id, JSON.stringify(e));
        }
      } catch (error) {
        end();
        return started.reject(error);
      }
      started.resolve();
      replaying = false;
      for (const [id, payload] of pending) send(id, payload);
      pending.length = 0;
      if (!open) return;
      // From here on nothing is missed: tests and tools wait for this line.
      controller.enqueue(LIVE);
    },
    cancel() {
      open = false;
      cleanup();
    },
  });
  const response = new Response(stream, { headers: HEADERS });
  return { response, started: startedPromise };
}
