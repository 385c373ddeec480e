// 2. Receiver throughput: notifications accepted per second (204 after commit, no errors) at
// increasing concurrency. Baselines at the same concurrency, measured level by level in the same
// run: a bare Next.js route answering 204 (bench/baseline-next), and pgbench single-row inserts
// on the same PostgreSQL.
import { startBareNext } from "./lib/baselines";
import type { Context } from "./lib/context";
import { notifyPath, notifyToken } from "./lib/d1-token";
import { createJobs, notificationSource } from "./lib/jobs";
import { closedLoop } from "./lib/load";
import { pgbenchInsertTps, preparePgbench } from "./lib/pgbench";
import { groupCpuSeconds } from "./lib/procs";
import { check, row, type Row } from "./lib/results";
import { round } from "./lib/stats";
import { say } from "./lib/stack";

const WARMUP_SECONDS = 1;
/** Room for this many notifications per second per level before a pool of jobs runs out. */
const HEADROOM_PER_SECOND = 4000;

export async function throughputBenchmark(ctx: Context): Promise<Row[]> {
  const { concurrency, levelSeconds } = ctx.opts;
  const bare = await startBareNext();
  const script = await preparePgbench(ctx.database, ctx.dir);
  const token = await notifyToken(ctx.app.url);
  const rows: Row[] = [];
  let best = 0;
  try {
    for (const c of concurrency) {
      say(`throughput: concurrency ${c}: bare Next.js route…`);
      const baseline = await closedLoop({
        origin: bare.url,
        path: "/ingest",
        headers: { "content-type": "application/json" },
        body: () =>
          '{"operations":[{"operationId":"op","operation":"PRODUCE","status":"PENDING","cardId":"c","details":{"status":"CARD_PROD_READY"}}]}',
        okStatus: 204,
        concurrency: c,
        seconds: levelSeconds,
        warmupSeconds: WARMUP_SECONDS,
      });
      say(`throughput: concurrency ${c}: receiver…`);
      const jobs = await createJobs(
        ctx.database.pool,
        Math.ceil((HEADROOM_PER_SECOND * (levelSeconds + WARMUP_SECONDS)) / 3),
      );
      const next = notificationSource(jobs);
      const cpu0 = groupCpuSeconds(ctx.app.proc.child.pid!);
      const receiver = await closedLoop({
        origin: ctx.app.url,
        path: notifyPath(),
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: () => next().body,
        okStatus: 204,
        concurrency: c,
        seconds: levelSeconds,
        warmupSeconds: WARMUP_SECONDS,
      });
      const appCpuPct = ((groupCpuSeconds(ctx.app.proc.child.pid!) - cpu0) / (levelSeconds + WARMUP_SECONDS)) * 100;
      say(`throughput: concurrency ${c}: pgbench…`);
      const pgb = pgbenchInsertTps(ctx.database, script, c, levelSeconds);
      best = Math.max(best, receiver.errors === 0 ? receiver.perSecond : 0);
      const benchmark = "receiver throughput";
      rows.push(
        row({
          benchmark,
          metric: `accepted/s @${c}`,
          value: round(receiver.perSecond, 0),
          unit: "notif/s",
          baseline: round(baseline.perSecond, 0),
          baselineName: "bare Next.js 204 route",
          note: `errors ${receiver.errors}${receiver.firstError ? ` (${receiver.firstError})` : ""}; p50 ${round(receiver.latency.p50)} ms, p99 ${round(receiver.latency.p99)} ms; app CPU ${round(appCpuPct, 0)}%, generator CPU ${round(receiver.generatorCpuPct, 0)}%`,
        }),
        row({
          benchmark,
          metric: `accepted/s @${c} vs pgbench`,
          value: round(receiver.perSecond, 0),
          unit: "notif/s",
          baseline: pgb === null ? null : round(pgb, 0),
          baselineName: "pgbench single-row insert tps",
        }),
      );
    }
  } finally {
    await bare.proc.stop();
  }
  rows.push(
    row({
      benchmark: "receiver throughput",
      metric: "best accepted/s (no errors)",
      value: round(best, 0),
      unit: "notif/s",
      target: "≥ 1000/s",
      met: check(best, ">=", 1000),
    }),
  );
  return rows;
}
