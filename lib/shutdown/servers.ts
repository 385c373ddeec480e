// The http servers of this process, for the shutdown to close. Next.js does not hand its server
// to the app; Node's `http.server.request.start` diagnostics channel names it with every request
// (as lib/http/server-limits.ts uses it). A server that never had a request has no connection
// to drain either. While the instance shuts down, each response also asks the client to close
// its keep-alive connection, so that its next request goes to another instance.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { Server, ServerResponse } from "node:http";
import { isDraining } from "./state";

const CHANNEL = "http.server.request.start";
type RequestStart = { response?: ServerResponse; server?: Server };

const globalForServers = globalThis as unknown as { __bii_servers?: Set<Server> };
const servers: Set<Server> = (globalForServers.__bii_servers ??= new Set());

export const knownServers = (): Server[] => [...servers];

/** Installs the watch for this process; returns its removal (for tests). */
export function watchServers(): () => void {
  const onRequest = (message: unknown) => {
    const { response, server } = message as RequestStart;
    if (server) servers.add(server);
    if (response && isDraining()) response.shouldKeepAlive = false;
  };
  subscribe(CHANNEL, onRequest);
  return () => unsubscribe(CHANNEL, onRequest);
}

/** Stops taking connections; resolves when every open request has ended (or never, if one hangs). */
export function closeServers(): Promise<void> {
  return Promise.all(
    knownServers().map(
      (server) =>
        new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          server.close(() => resolve());
          // Keep-alive connections between requests would hold close() open until they time out.
          server.closeIdleConnections();
        }),
    ),
  ).then(() => {});
}

/** Connections idle again after their last response (a stream that ended, say) are let go too. */
export function closeIdleConnections(): void {
  for (const server of servers) server.closeIdleConnections();
}
