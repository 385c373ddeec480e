// Test support only: a plain HTTP server that hands D1's calls (E5 notifications, E6 token) to
// our real route handlers, so integration tests run the receiver without a Next.js server.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { POST as tokenRoute } from "@/app/authz/d1/v1/oauth2/token/route";
import { POST as notifyRoute } from "@/app/notifications/d1/v2/issuers/[issuerId]/cards/route";
import type { SimulatorConfig } from "@/sim/server";
import { startSimFixture, type SimFixture } from "./d1-simulator";

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers, body: Buffer.concat(chunks) });
}

export async function startReceiverBridge(): Promise<{
  url: string;
  received: () => number;
  close: () => Promise<void>;
}> {
  let received = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const request = await toRequest(req, "http://127.0.0.1");
      const path = new URL(request.url).pathname;
      const match = /^\/notifications\/d1\/v2\/issuers\/([^/]+)\/cards$/.exec(path);
      let response: Response;
      if (match) {
        received++;
        response = await notifyRoute(request, { params: Promise.resolve({ issuerId: match[1]! }) });
      } else if (path === "/authz/d1/v1/oauth2/token") {
        response = await tokenRoute(request);
      } else {
        response = new Response(null, { status: 404 });
      }
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type ReceiverBridge = Awaited<ReturnType<typeof startReceiverBridge>>;

/**
 * The simulator with its notifications (and token calls) sent to our real receiver through a
 * bridge: what the queue tests run the whole issuance against. `sim` adds simulator settings.
 */
export async function startSimWithReceiver(
  sim: Partial<SimulatorConfig> = {},
): Promise<{ bridge: ReceiverBridge; fixture: SimFixture }> {
  const bridge = await startReceiverBridge();
  const fixture = await startSimFixture({
    ...sim,
    notify: {
      baseUrl: bridge.url,
      tokenUrl: `${bridge.url}/authz/d1/v1/oauth2/token`,
      clientId: "d1-test-client",
      clientSecret: "d1-test-secret-d1-test-secret",
      baseDelayMs: 5,
    },
  });
  return { bridge, fixture };
}
