// Baseline server: bare node:http, no framework, no database. GET /stream is an SSE stream;
// POST /publish relays its body to every open stream in memory and answers 204 — the floor
// for "notification → screen". POST /ingest reads the body and answers 204. Run with plain
// `node` (type stripping): `node bench/baseline/relay-server.ts <port>`.
import { createServer, type ServerResponse } from "node:http";

const port = Number(process.argv[2] ?? 4180);
const streams = new Set<ServerResponse>();
let id = 0;

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url?.startsWith("/stream")) {
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store" });
    res.write("retry: 2000\n: connected\n\n: live\n\n");
    streams.add(res);
    req.on("close", () => streams.delete(res));
    return;
  }
  if (req.method === "POST" && (req.url === "/publish" || req.url === "/ingest")) {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.url === "/publish") {
        // Parsed once, like the app's listener, and passed on as the same text to every stream.
        const text = Buffer.concat(chunks).toString("utf8");
        JSON.parse(text);
        const frame = `id: ${++id}\nevent: job\ndata: ${text}\n\n`;
        for (const s of streams) s.write(frame);
      }
      res.writeHead(204).end();
    });
    return;
  }
  if (req.url === "/health") {
    res.writeHead(200).end("ok");
    return;
  }
  res.writeHead(404).end();
});
server.keepAliveTimeout = 30_000;
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
