// Every open event stream of this instance, driven by one timer: heartbeats, the session
// re-check at each heartbeat and the recycle after SSE_MAX_SECONDS. A timer per stream (two,
// before) and a session query per stream and heartbeat cost memory and garbage in proportion to
// the streams: with 500 streams of two managers, 2,000 session queries a minute for two sessions.
// Now a heartbeat is one shared frame written to every stream, and a session is checked once per
// heartbeat however many streams it has open (docs/performance.md, "Memory").
import "server-only";
import { checkSession, type SessionClaims } from "@/lib/auth/session-check";
import { log } from "@/lib/log";

export const HEARTBEAT_MS = 15_000;
/** How often recycle deadlines are looked at: a stream ends at most this late. */
const TICK_MS = 1_000;
/** Session checks at a heartbeat run this many at a time, so they never fill the pool. */
const CHECKS_AT_ONCE = 2;
const HEARTBEAT = new TextEncoder().encode(": heartbeat\n\n");

export type OpenStream = {
  claims: SessionClaims;
  /** When the server ends it, so the browser reconnects (SSE_MAX_SECONDS). */
  endsAt: number;
  write(bytes: Uint8Array): void;
  end(): void;
};

const streams = new Set<OpenStream>();
let ticker: ReturnType<typeof setInterval> | null = null;
let ticks = 0;

const sessionKey = ({ userId, sessionId, sessionVersion }: SessionClaims) => `${userId}/${sessionId}/${sessionVersion}`;

/** Registers a stream for heartbeats, re-checks and recycling; returns its removal. */
export function track(stream: OpenStream): () => void {
  streams.add(stream);
  if (!ticker) {
    ticks = 0;
    ticker = setInterval(tick, TICK_MS);
    ticker.unref?.();
  }
  return () => remove(stream);
}

function remove(stream: OpenStream): void {
  streams.delete(stream);
  if (streams.size === 0 && ticker) {
    clearInterval(ticker);
    ticker = null;
  }
}

export const openStreamCount = (): number => streams.size;

function tick(): void {
  const now = Date.now();
  // Ending a stream removes it from the set; deleting while iterating a Set is safe.
  for (const stream of streams) if (now >= stream.endsAt) safely(stream, () => stream.end());
  if (++ticks % (HEARTBEAT_MS / TICK_MS) !== 0) return;
  const sessions = new Map<string, SessionClaims>();
  for (const stream of streams) {
    safely(stream, () => stream.write(HEARTBEAT));
    sessions.set(sessionKey(stream.claims), stream.claims);
  }
  void checkAll([...sessions.values()]);
}

/** One stream that fails (a response already torn down) must not stop the others' heartbeats. */
function safely(stream: OpenStream, act: () => void): void {
  try {
    act();
  } catch (err) {
    log.warn({ err }, "event stream: heartbeat or recycle failed; dropping it");
    remove(stream);
    // Its own end releases its subscriptions too (end is safe to call on a broken stream).
    try {
      stream.end();
    } catch {}
  }
}

async function checkAll(claims: SessionClaims[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < claims.length) await recheckSession(claims[next++]!);
  };
  await Promise.all(Array.from({ length: CHECKS_AT_ONCE }, worker));
}

type Check = { running: Promise<void>; again: boolean };
const checks = new Map<string, Check>();

/**
 * Re-checks a session against the database and ends every stream of it when it no longer
 * holds. Calls for a session whose check is under way are joined to one more check after it:
 * the running one may have read the database before the change that prompted the call.
 * A failed read (database away) keeps the streams: no events flow then either, and the hub
 * re-checks every watched session when it reconnects.
 */
export function recheckSession(claims: SessionClaims): Promise<void> {
  const key = sessionKey(claims);
  const current = checks.get(key);
  if (current) {
    current.again = true;
    return current.running;
  }
  const check: Check = { running: Promise.resolve(), again: false };
  check.running = (async () => {
    try {
      do {
        check.again = false;
        const result = await checkSession(claims).catch((err: unknown) => {
          log.warn({ err, userId: claims.userId }, "event stream: could not re-check the session");
          return null;
        });
        if (result && !result.ok) {
          log.info({ userId: claims.userId, reason: result.ended }, "event stream closed: session ended");
          for (const stream of streams) if (sessionKey(stream.claims) === key) stream.end();
          return;
        }
      } while (check.again);
    } finally {
      checks.delete(key);
    }
  })();
  checks.set(key, check);
  return check.running;
}
