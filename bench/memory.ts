// 6. Memory: resident memory of the app (every process of its group) idle, with N open SSE
// streams, and after they close — on a fresh instance, and on the instance that served every
// benchmark before (what a busy server holds). Baseline: the bare node:http relay, same streams.
import { setTimeout as sleep } from "node:timers/promises";
import { startRelay } from "./lib/baselines";
import type { Context } from "./lib/context";
import { groupRssMB } from "./lib/procs";
import { check, row, type Row } from "./lib/results";
import { openMany, openSse } from "./lib/sse";
import { round } from "./lib/stats";
import { onCleanup, runCleanup } from "./lib/cleanup";
import { PORTS, say, startApp } from "./lib/stack";
import { withHeapLimit } from "../scripts/lib/heap.ts";

async function holdStreams(url: string, n: number, cookie: string | undefined, rss: () => number) {
  const before = rss();
  const clients = await openMany(n, 25, () => openSse(url, { cookie }, () => {}));
  await sleep(3_000);
  const open = rss();
  for (const c of clients) c.close();
  await sleep(8_000);
  return { before, open, after: rss() };
}

export async function memoryBenchmark(ctx: Context): Promise<Row[]> {
  const n = ctx.opts.streams;
  say(`memory: bare relay with ${n} streams…`);
  const relay = await startRelay();
  let base;
  try {
    base = await holdStreams(`${relay.url}/stream`, n, undefined, () => groupRssMB(relay.proc.child.pid!));
  } finally {
    await relay.proc.stop();
  }
  say(`memory: a fresh app instance with ${n} streams…`);
  const nodeOptions = withHeapLimit(process.env.NODE_OPTIONS, n);
  const fresh = await startApp(PORTS.app2 + 1, ctx.database, ctx.sim, { NODE_OPTIONS: nodeOptions });
  const remove = onCleanup("fresh app", () => fresh.proc.stop());
  let freshResult;
  try {
    freshResult = await holdStreams(`${fresh.url}/api/events/stream`, n, await ctx.tellerCookie(), fresh.rssMB);
  } finally {
    await runCleanup(remove, () => fresh.proc.stop());
  }
  say(`memory: the long-running app instance with ${n} streams…`);
  const app = await holdStreams(`${ctx.app.url}/api/events/stream`, n, await ctx.tellerCookie(), ctx.app.rssMB);
  const benchmark = `server RSS (${n} SSE streams; app NODE_OPTIONS ${nodeOptions})`;
  // "Long-running" means something only after the other benchmarks used the instance; say which.
  const served = ctx.opts.only.filter((name) => name !== "memory");
  const history = served.length
    ? `after ${served.join(", ")}`
    : "served no other benchmark in this run (use --only lookup,throughput,memory)";
  const baseName = "bare node:http relay";
  return [
    row({
      benchmark,
      metric: "fresh instance, before opening",
      value: round(freshResult.before, 0),
      unit: "MB",
      baseline: round(base.before, 0),
      baselineName: baseName,
    }),
    row({
      benchmark,
      metric: `fresh instance, with ${n} open`,
      value: round(freshResult.open, 0),
      unit: "MB",
      baseline: round(base.open, 0),
      baselineName: baseName,
      target: "< 300 MB",
      met: check(freshResult.open, "<", 300),
      note: `${round(((freshResult.open - freshResult.before) * 1024) / n, 1)} KiB per stream (relay ${round(((base.open - base.before) * 1024) / n, 1)})`,
    }),
    row({
      benchmark,
      metric: "fresh instance, 8 s after closing",
      value: round(freshResult.after, 0),
      unit: "MB",
      baseline: round(base.after, 0),
      baselineName: baseName,
    }),
    // The instance that served every benchmark before this one: what a busy server holds.
    row({
      benchmark,
      metric: "long-running instance, before opening",
      value: round(app.before, 0),
      unit: "MB",
      baseline: round(base.before, 0),
      baselineName: baseName,
    }),
    row({
      benchmark,
      metric: `long-running instance, with ${n} open`,
      value: round(app.open, 0),
      unit: "MB",
      baseline: round(base.open, 0),
      baselineName: baseName,
      target: "< 400 MB",
      met: check(app.open, "<", 400),
      note: `${round(((app.open - app.before) * 1024) / n, 1)} KiB per stream (relay ${round(((base.open - base.before) * 1024) / n, 1)}); ${history}`,
    }),
    row({
      benchmark,
      metric: "long-running instance, 8 s after closing",
      value: round(app.after, 0),
      unit: "MB",
      baseline: round(base.after, 0),
      baselineName: baseName,
    }),
  ];
}
