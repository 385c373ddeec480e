// npm run bench — every benchmark of issue 7 against a production build, the D1 simulator and an
// embedded PostgreSQL of its own in a temp dir; prints a table and writes the JSON results.
// `npm run bench -- --help` lists the options; `--only <name>` runs one benchmark.
import path from "node:path";
import { BENCHMARKS, isFullRun, parseArgs, type BenchmarkName } from "./lib/args";
import { cleanupAll, installSignalHandlers } from "./lib/cleanup";
import { makeContext, type Context } from "./lib/context";
import { machineInfo, printTable, row, writeReport, type Row } from "./lib/results";
import { buildApp, ensureCustomers, PORTS, say, startApp, startDatabase, startSim, tempDir } from "./lib/stack";
import { issuanceBenchmark } from "./issuance";
import { latencyBenchmark } from "./latency";
import { lookupBenchmark } from "./lookup";
import { memoryBenchmark } from "./memory";
import { pageWeightBenchmark } from "./page-weight";
import { scaleOutBenchmark } from "./scale-out";
import { throughputBenchmark } from "./throughput";
import { ROOT } from "../scripts/lib/local.ts";
import { withHeapLimit } from "../scripts/lib/heap.ts";

const RUNNERS: Record<BenchmarkName, (ctx: Context) => Promise<Row[]>> = {
  pageweight: pageWeightBenchmark,
  lookup: lookupBenchmark,
  issuance: issuanceBenchmark,
  latency: latencyBenchmark,
  throughput: throughputBenchmark,
  scaleout: scaleOutBenchmark,
  memory: memoryBenchmark,
};

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const opts = parseArgs(argv);
  installSignalHandlers();
  const started = performance.now();
  const dir = tempDir();
  const database = await startDatabase(dir);
  if (opts.only.includes("lookup")) await ensureCustomers(database, opts.customers);
  buildApp(dir);
  const appUrl = `http://127.0.0.1:${PORTS.app}`;
  const sim = await startSim(dir, appUrl);
  say(`D1 simulator on ${sim.sim.url}`);
  // Sized for the most streams any benchmark opens, as docs/performance.md advises.
  const app = await startApp(PORTS.app, database, sim, {
    NODE_OPTIONS: withHeapLimit(process.env.NODE_OPTIONS, Math.max(opts.streams, opts.clients)),
  });
  say(`app on ${app.url}`);
  const ctx = makeContext({ opts, dir, database, sim, app });

  const rows: Row[] = [];
  for (const name of BENCHMARKS) {
    if (!opts.only.includes(name)) continue;
    const t0 = performance.now();
    try {
      const result = await RUNNERS[name](ctx);
      rows.push(...result);
    } catch (error) {
      console.error(`[bench] ${name} failed:`, error);
      rows.push(
        row({
          benchmark: name,
          metric: "error",
          value: null,
          unit: "",
          note: String(error instanceof Error ? error.message : error).slice(0, 300),
        }),
      );
    }
    say(`${name} done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }

  const report = {
    machine: machineInfo(database.version),
    settings: { ...opts },
    durationSeconds: (performance.now() - started) / 1000,
    rows,
  };
  printTable(report);
  const out = opts.out ?? path.join(ROOT, "bench/results", isFullRun(argv) ? "latest.json" : "partial.tmp");
  writeReport(out, report);
  say(`results written to ${path.relative(ROOT, out)}`);
  return rows.some((r) => r.metric === "error") ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error("[bench] failed:", error);
} finally {
  await cleanupAll();
}
process.exit(code);
