// The hook on a real http server: the peer address is appended to X-Forwarded-For, and a body
// that trickles in is cut off by the request timeout it sets.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { installServerLimits } from "./server-limits";

let server: Server | undefined;
let uninstall: (() => void) | undefined;
afterEach(async () => {
  uninstall?.();
  server?.closeAllConnections();
  if (server?.listening) await new Promise((r) => server!.close(r));
});

async function listen(limits = { headersTimeoutMs: 60_000, requestTimeoutMs: 300_000 }) {
  uninstall = installServerLimits(limits);
  // A short check interval so that the test need not wait Node's default 30 s.
  server = createServer({ connectionsCheckingInterval: 50 }, (req, res) => {
    req.resume();
    req.on("end", () => res.end(JSON.stringify({ forwardedFor: req.headers["x-forwarded-for"] })));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("installServerLimits", () => {
  it("appends the socket's peer to whatever X-Forwarded-For the client sent", async () => {
    const url = await listen();
    const forged = await (await fetch(url, { headers: { "x-forwarded-for": "198.51.100.7" } })).json();
    expect(forged).toEqual({ forwardedFor: "198.51.100.7, 127.0.0.1" });
    expect(await (await fetch(url)).json()).toEqual({ forwardedFor: "127.0.0.1" });
  });

  it("sets Node's request timeout, so a body sent a byte at a time is cut off", async () => {
    const url = new URL(await listen({ headersTimeoutMs: 300, requestTimeoutMs: 500 }));
    const socket = connect(Number(url.port), url.hostname);
    await once(socket, "connect");
    let answer = "";
    socket.on("data", (d: Buffer) => (answer += d.toString()));
    const started = Date.now();
    // The headers and the first bytes of a 1000-byte body, a byte at a time, then nothing more:
    // only the request timeout ends this request. The client stops writing long before it: a byte
    // arriving after the server's 408 and close is answered with a reset, which can discard the
    // 408 before the client reads it (the likely cause of this test's failures under load, when it kept
    // dripping on a timer until the close).
    const write = (chunk: string) =>
      new Promise<void>((resolve, reject) => socket.write(chunk, (e) => (e ? reject(e) : resolve())));
    await write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
    for (const byte of "abc") await write(byte);
    await once(socket, "close");
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // Generous: Node's default (300 s) would hold it far longer.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
