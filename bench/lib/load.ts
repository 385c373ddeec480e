// Closed-loop load: `concurrency` workers, each sending its next request as soon as the last one
// answered, over keep-alive connections. Only answers after the warm-up count.
import { Pool } from "undici";
import { summarize, type Summary } from "./stats";

export type LoadResult = {
  ok: number;
  errors: number;
  perSecond: number;
  latency: Summary;
  generatorCpuPct: number;
  firstError?: string;
};

export async function closedLoop(options: {
  origin: string;
  path: string;
  headers: Record<string, string>;
  body: () => string;
  okStatus: number;
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
}): Promise<LoadResult> {
  const pool = new Pool(options.origin, { connections: options.concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
  const begin = performance.now();
  const measureFrom = begin + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  let ok = 0;
  let errors = 0;
  let firstError: string | undefined;
  const samples: number[] = [];
  let cpu0 = process.cpuUsage();
  let cpuStarted = false;
  const worker = async () => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) return;
      if (!cpuStarted && t0 >= measureFrom) {
        cpuStarted = true;
        cpu0 = process.cpuUsage();
      }
      let good = false;
      try {
        const res = await pool.request({
          method: "POST",
          path: options.path,
          headers: options.headers,
          body: options.body(),
        });
        const text = await res.body.text();
        good = res.statusCode === options.okStatus;
        if (!good) firstError ??= `HTTP ${res.statusCode} ${text.slice(0, 200)}`;
      } catch (error) {
        firstError ??= String(error);
      }
      const t1 = performance.now();
      if (t0 >= measureFrom && t1 <= end) {
        if (good) {
          ok++;
          samples.push(t1 - t0);
        } else errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const cpu = process.cpuUsage(cpu0);
  await pool.close();
  return {
    ok,
    errors,
    perSecond: ok / options.seconds,
    latency: summarize(samples),
    generatorCpuPct: ((cpu.user + cpu.system) / 1000 / (options.seconds * 1000)) * 100,
    firstError,
  };
}
