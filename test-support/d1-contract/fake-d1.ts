// Test support only: a plain HTTP stand-in for D1 that records every request and answers with
// whatever the test queued for that route — the contract fixtures, not the simulator.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status: number;
  body?: unknown;
}

export async function startFakeD1() {
  const requests: Recorded[] = [];
  const answers = new Map<string, Answer>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      requests.push({ method: req.method ?? "", path, headers: req.headers, body: Buffer.concat(chunks).toString() });
      const key = [...answers.keys()].find((k) => path.endsWith(k) || path.includes(`${k}?`));
      const answer = key ? answers.get(key)! : { status: 404, body: {} };
      const text = answer.body === undefined ? "" : JSON.stringify(answer.body);
      res.writeHead(answer.status, text ? { "content-type": "application/json" } : {});
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    /** Answers requests whose path ends with `pathEnd`. */
    answer(pathEnd: string, answer: Answer) {
      answers.set(pathEnd, answer);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
