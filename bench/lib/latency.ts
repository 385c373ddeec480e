// The "notification → screen" measurement shared by the latency and scale-out benchmarks:
// N SSE listeners, notifications sent open-loop at a steady rate, and for every (notification,
// listener) pair the time from just before the POST to the chunk's arrival at that listener.
import { setTimeout as sleep } from "node:timers/promises";
import { Pool } from "undici";
import { openMany, openSse, type SseClient } from "./sse";
import { summarize, type Summary } from "./stats";

export type Outgoing = { key: string; body: string };

export type LatencyRun = {
  /** Where notifications go (origin + path) and with which headers. */
  sendOrigin: string;
  sendPath: string;
  sendHeaders: Record<string, string>;
  streamUrl: string;
  cookie?: string;
  clients: number;
  rate: number;
  seconds: number;
  warmupSeconds: number;
  next: () => Outgoing;
  /** Which notification an SSE event is about. */
  keyOf: (data: string) => string | null;
};

export type LatencyResult = {
  latency: Summary;
  response: Summary;
  sent: number;
  expected: number;
  delivered: number;
  errors: number;
  achievedRate: number;
  generatorCpuPct: number;
};

export async function measureLatency(run: LatencyRun): Promise<LatencyResult> {
  const sentAt = new Map<string, number>();
  const measured = new Set<string>();
  const samples: number[] = [];
  let delivered = 0;
  const onData = (data: string, at: number) => {
    const key = run.keyOf(data);
    if (!key) return;
    const t0 = sentAt.get(key);
    if (t0 === undefined || !measured.has(key)) return;
    samples.push(at - t0);
    delivered++;
  };
  const clients: SseClient[] = await openMany(run.clients, 20, () =>
    openSse(run.streamUrl, { cookie: run.cookie }, onData),
  );
  const pool = new Pool(run.sendOrigin, { connections: 32, pipelining: 1, keepAliveTimeout: 30_000 });
  const responses: number[] = [];
  let errors = 0;
  let measuredSent = 0;
  const inflight = new Set<Promise<void>>();
  try {
    await sleep(300);
    const interval = 1000 / run.rate;
    const total = Math.round((run.warmupSeconds + run.seconds) * run.rate);
    const warmup = Math.round(run.warmupSeconds * run.rate);
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    const start = performance.now() + 20;
    let measuredStart = 0;
    for (let i = 0; i < total; i++) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const out = run.next();
      const isMeasured = i >= warmup;
      if (isMeasured && measuredSent === 0) measuredStart = performance.now();
      const t0 = performance.now();
      sentAt.set(out.key, t0);
      if (isMeasured) {
        measured.add(out.key);
        measuredSent++;
      }
      const p = pool
        .request({ method: "POST", path: run.sendPath, headers: run.sendHeaders, body: out.body })
        .then(async (res) => {
          await res.body.dump();
          if (res.statusCode !== 204) errors++;
          else if (isMeasured) responses.push(performance.now() - t0);
        })
        .catch(() => {
          errors++;
        })
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
    const measuredSeconds = (performance.now() - measuredStart) / 1000;
    await Promise.all(inflight);
    // Let the last events arrive.
    const expected = measuredSent * run.clients;
    const deadline = performance.now() + 5_000;
    while (delivered < expected && performance.now() < deadline) await sleep(50);
    const cpu = process.cpuUsage(cpu0);
    const wall = performance.now() - wall0;
    return {
      latency: summarize(samples),
      response: summarize(responses),
      sent: measuredSent,
      expected,
      delivered,
      errors,
      achievedRate: measuredSent / measuredSeconds,
      generatorCpuPct: ((cpu.user + cpu.system) / 1000 / wall) * 100,
    };
  } finally {
    for (const c of clients) c.close();
    await pool.close();
  }
}
