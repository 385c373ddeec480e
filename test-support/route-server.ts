// Test support only: serves route handlers over real HTTP the way `next start` does for our
// purposes: the request as a web Request with the socket's peer appended to X-Forwarded-For
// (lib/http/server-limits.ts), the Response written back.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { appendPeerAddress } from "@/lib/http/server-limits";

export type Handler = (request: Request) => Promise<Response>;
export type RouteServer = { url: string; close(): Promise<void> };

export async function startRouteServer(routes: Record<string, Handler>): Promise<RouteServer> {
  const server = createServer((req, res) => {
    appendPeerAddress(req, req.socket.remoteAddress);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const handler = routes[url.pathname];
    if (!handler) return void res.writeHead(404).end();
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const request = new Request(url, {
      method: req.method ?? "GET",
      headers,
      body: req.method === "GET" || req.method === "HEAD" ? null : (Readable.toWeb(req) as ReadableStream<Uint8Array>),
      duplex: "half",
    } as RequestInit);
    void handler(request).then(
      async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      },
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
