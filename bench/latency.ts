// 1. Notification → screen: D1 PRODUCE notifications at a steady rate through the real path
// (our token, validation, one-statement commit, NOTIFY, LISTEN, SSE) to N listening tellers;
// baseline: a bare node:http server relaying each POST to the same listeners in memory.
import { startRelay } from "./lib/baselines";
import type { Context } from "./lib/context";
import { notifyPath, notifyToken } from "./lib/d1-token";
import { createJobs, eventKey, notificationKey, notificationSource } from "./lib/jobs";
import { measureLatency, type LatencyResult } from "./lib/latency";
import { check, row, type Row } from "./lib/results";
import { round } from "./lib/stats";
import type { App } from "./lib/stack";
import { say } from "./lib/stack";

const WARMUP_SECONDS = 2;

/** The bare relay under the same listeners and rate. */
export async function relayLatency(ctx: Context): Promise<LatencyResult> {
  const relay = await startRelay();
  try {
    let n = 0;
    return await measureLatency({
      sendOrigin: relay.url,
      sendPath: "/publish",
      sendHeaders: { "content-type": "application/json" },
      streamUrl: `${relay.url}/stream`,
      clients: ctx.opts.clients,
      rate: ctx.opts.rate,
      seconds: ctx.opts.duration,
      warmupSeconds: WARMUP_SECONDS,
      keyOf: eventKey,
      next: () => {
        n++;
        const jobId = `relay-${n}`;
        // The same shape and size as the app's event payload.
        const body = `{"id" : ${n}, "jobId" : "${jobId}", "branchId" : "00000000-0000-4000-8000-000000000000", "kind" : "d1_status", "state" : "ready", "d1Status" : "CARD_PROD_READY", "detail" : {"at": "${new Date().toISOString()}"}, "at" : "${new Date().toISOString()}"}`;
        return { key: notificationKey({ jobId, d1Status: "CARD_PROD_READY" }), body };
      },
    });
  } finally {
    await relay.proc.stop();
  }
}

/** Notifications sent to `sendTo`, listeners on `listenOn` (the same app, or another instance). */
export async function appLatency(ctx: Context, sendTo: App, listenOn: App): Promise<LatencyResult> {
  const total = Math.ceil((WARMUP_SECONDS + ctx.opts.duration) * ctx.opts.rate * 1.05);
  const jobs = await createJobs(ctx.database.pool, Math.ceil(total / 3) + 10);
  const next = notificationSource(jobs);
  const token = await notifyToken(sendTo.url);
  return measureLatency({
    sendOrigin: sendTo.url,
    sendPath: notifyPath(),
    sendHeaders: { "content-type": "application/json", authorization: `Bearer ${token}` },
    streamUrl: `${listenOn.url}/api/events/stream`,
    cookie: await ctx.tellerCookie(),
    clients: ctx.opts.clients,
    rate: ctx.opts.rate,
    seconds: ctx.opts.duration,
    warmupSeconds: WARMUP_SECONDS,
    keyOf: eventKey,
    next: () => {
      const n = next();
      return { key: notificationKey(n), body: n.body };
    },
  });
}

export function latencyRows(
  benchmark: string,
  result: LatencyResult,
  base: LatencyResult,
  baseName: string,
  targets: { p50VsRelay: boolean; p99: boolean },
): Row[] {
  const l = result.latency;
  const b = base.latency;
  const ms = (x: number) => round(x, 2);
  return [
    row({
      benchmark,
      metric: "p50",
      value: ms(l.p50),
      unit: "ms",
      baseline: ms(b.p50),
      baselineName: baseName,
      target: targets.p50VsRelay ? "≤ 3× bare relay p50" : null,
      met: targets.p50VsRelay ? l.p50 <= 3 * b.p50 : null,
    }),
    row({ benchmark, metric: "p95", value: ms(l.p95), unit: "ms", baseline: ms(b.p95), baselineName: baseName }),
    row({
      benchmark,
      metric: "p99",
      value: ms(l.p99),
      unit: "ms",
      baseline: ms(b.p99),
      baselineName: baseName,
      target: targets.p99 ? "< 50 ms" : null,
      met: targets.p99 ? check(l.p99, "<", 50) : null,
    }),
    row({
      benchmark,
      metric: "delivered",
      value: round((result.delivered / (result.expected || 1)) * 100, 2),
      unit: "%",
      baseline: round((base.delivered / (base.expected || 1)) * 100, 2),
      baselineName: baseName,
      note: `${result.delivered}/${result.expected} (notification × listener) pairs; ${result.errors} send errors`,
    }),
    row({
      benchmark,
      metric: "receiver 204 p50",
      value: ms(result.response.p50),
      unit: "ms",
      baseline: ms(base.response.p50),
      baselineName: baseName,
      note: `sent ${result.sent} at ${round(result.achievedRate, 1)}/s; generator CPU ${round(result.generatorCpuPct, 0)}% of one core`,
    }),
  ];
}

export async function latencyBenchmark(ctx: Context): Promise<Row[]> {
  const { clients, rate, duration } = ctx.opts;
  say(`latency: bare relay, ${clients} listeners, ${rate}/s for ${duration} s…`);
  const base = await relayLatency(ctx);
  say(`latency: app, ${clients} listeners, ${rate}/s for ${duration} s…`);
  const result = await appLatency(ctx, ctx.app, ctx.app);
  const name = `notification→screen (${rate}/s, ${clients} listeners)`;
  return latencyRows(name, result, base, "bare node:http relay", { p50VsRelay: true, p99: true });
}
