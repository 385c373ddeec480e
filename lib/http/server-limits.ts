// What `next start` does not let us configure, set through Node's documented request hook (the
// `http.server.request.start` diagnostics channel) instead of a custom server:
// - the peer address of the socket, appended to X-Forwarded-For like every proxy does, because
//   Next.js hands route handlers and actions no socket and fills X-Forwarded-For with the peer
//   only when the client sent none (so a client could name any address: lib/request.ts);
// - Node's headersTimeout and requestTimeout, so that a body sent a byte at a time is cut off.
//   Node checks them every connectionsCheckingInterval (30 s), so a request can last up to that
//   much longer; our own body readers (lib/http/read-body.ts) keep the exact deadline.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";

const CHANNEL = "http.server.request.start";

export type ServerLimits = { headersTimeoutMs: number; requestTimeoutMs: number };

type RequestStart = { request: IncomingMessage; socket: Socket; server: Server };

/** Appends the socket's peer to X-Forwarded-For (every value the client sent stays to its left). */
export function appendPeerAddress(request: IncomingMessage, peer: string | undefined): void {
  const prior = request.headers["x-forwarded-for"];
  const sent = Array.isArray(prior) ? prior.join(", ") : prior;
  const own = peer ?? "unknown";
  request.headers["x-forwarded-for"] = sent ? `${sent}, ${own}` : own;
}

/** Installs the hook for every http server of this process; returns its removal (for tests). */
export function installServerLimits(limits: ServerLimits): () => void {
  const tuned = new WeakSet<Server>();
  const onRequest = (message: unknown) => {
    const { request, socket, server } = message as RequestStart;
    if (server && !tuned.has(server)) {
      tuned.add(server);
      server.headersTimeout = limits.headersTimeoutMs;
      server.requestTimeout = limits.requestTimeoutMs;
    }
    appendPeerAddress(request, socket?.remoteAddress);
  };
  subscribe(CHANNEL, onRequest);
  return () => unsubscribe(CHANNEL, onRequest);
}
