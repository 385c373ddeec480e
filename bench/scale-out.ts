// 5. Scale-out: two app instances on one database; notifications to one, listeners on the other,
// so every event crosses PostgreSQL's NOTIFY between processes. Baseline: the same measurement
// with notifications and listeners on one instance, in the same run.
import type { Context } from "./lib/context";
import { onCleanup, runCleanup } from "./lib/cleanup";
import { appLatency, latencyRows } from "./latency";
import type { Row } from "./lib/results";
import { PORTS, say, startApp } from "./lib/stack";

export async function scaleOutBenchmark(ctx: Context): Promise<Row[]> {
  const { clients, rate, duration } = ctx.opts;
  say("scale-out: starting a second app instance…");
  const second = await startApp(PORTS.app2, ctx.database, ctx.sim);
  const remove = onCleanup("second app", () => second.proc.stop());
  try {
    say(`scale-out: one instance, ${clients} listeners, ${rate}/s for ${duration} s…`);
    const single = await appLatency(ctx, ctx.app, ctx.app);
    say(`scale-out: notifications to instance A, listeners on instance B…`);
    const cross = await appLatency(ctx, ctx.app, second);
    return latencyRows(`scale-out A→B (${rate}/s, ${clients} listeners)`, cross, single, "one instance, same run", {
      p50VsRelay: false,
      p99: true,
    });
  } finally {
    await runCleanup(remove, () => second.proc.stop());
  }
}
