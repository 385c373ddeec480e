// A light SSE client for many concurrent streams: node:http without pooling limits, frames split
// by hand, each data line handed over with the time its chunk arrived.
import http from "node:http";

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

export type SseClient = { live: Promise<void>; close: () => void; frames: () => number };

/**
 * Opens a stream; `onData` gets each event's data and the arrival time (performance.now()).
 * `live` resolves on the server's ": live" comment (or the first byte, for servers without it).
 */
export function openSse(
  url: string,
  options: { cookie?: string; liveMarker?: string },
  onData: (data: string, at: number) => void,
): SseClient {
  let frames = 0;
  let req: http.ClientRequest | null = null;
  let markLive: () => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const live = new Promise<void>((resolve, reject) => {
    markLive = resolve;
    fail = reject;
  });
  const marker = options.liveMarker ?? ": live";
  req = http.get(
    url,
    { agent, headers: { accept: "text/event-stream", ...(options.cookie ? { cookie: options.cookie } : {}) } },
    (res) => {
      if (res.statusCode !== 200) {
        fail(new Error(`SSE ${url}: HTTP ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding("utf8");
      let buffer = "";
      let isLive = false;
      res.on("data", (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!isLive && frame.includes(marker)) {
            isLive = true;
            markLive();
          }
          const dataAt = frame.indexOf("data: ");
          if (dataAt < 0) continue;
          frames++;
          const lineEnd = frame.indexOf("\n", dataAt);
          onData(frame.slice(dataAt + 6, lineEnd < 0 ? undefined : lineEnd), at);
        }
      });
      res.on("error", () => {});
    },
  );
  req.on("error", (e) => fail(e));
  return {
    live,
    frames: () => frames,
    close: () => req?.destroy(),
  };
}

/** Opens `n` streams, at most `parallel` connecting at a time, and waits until all are live. */
export async function openMany(n: number, parallel: number, open: (i: number) => SseClient): Promise<SseClient[]> {
  const clients: SseClient[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const client = open(i);
      clients.push(client);
      await client.live;
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, n) }, worker));
  return clients;
}
