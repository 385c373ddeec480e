// What the parts of one instance need to know about its shutdown, shared through globalThis
// because Next.js bundles instrumentation and each route separately (each would get its own
// copy of a module-level variable): whether readiness should fail, and the open event streams
// to send elsewhere.

/** Ends one event stream, telling the browser to reconnect after `retryMs`. */
export type StreamCloser = (retryMs: number) => void;

type ShutdownState = {
  /** Set first on SIGTERM: readiness answers 503 so that a load balancer stops sending. */
  draining: boolean;
  /** Set once the server stops taking connections: open and new streams are sent elsewhere. */
  closingStreams: boolean;
  streams: Set<StreamCloser>;
};

const globalForShutdown = globalThis as unknown as { __bii_shutdown?: ShutdownState };
const state: ShutdownState = (globalForShutdown.__bii_shutdown ??= {
  draining: false,
  closingStreams: false,
  streams: new Set(),
});

export const isDraining = (): boolean => state.draining;
export const isClosingStreams = (): boolean => state.closingStreams;

export function startDraining(): void {
  state.draining = true;
}

/** Registers an open event stream; returns its removal. */
export function trackStream(close: StreamCloser): () => void {
  state.streams.add(close);
  return () => state.streams.delete(close);
}

// Spread over a second so that a thousand browsers do not all reconnect in the same instant.
const RECONNECT_MIN_MS = 250;
const RECONNECT_SPREAD_MS = 1_000;
export const reconnectDelayMs = (): number => RECONNECT_MIN_MS + Math.floor(Math.random() * RECONNECT_SPREAD_MS);

/** Ends every open stream with a short reconnect delay; streams opened from now on end at once. */
export function closeStreams(): number {
  state.closingStreams = true;
  const closers = [...state.streams];
  state.streams.clear();
  for (const close of closers) close(reconnectDelayMs());
  return closers.length;
}

/** For tests that run several shutdowns in one process. */
export function resetShutdownState(): void {
  state.draining = false;
  state.closingStreams = false;
  state.streams.clear();
}
