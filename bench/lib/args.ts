// Command-line options of `npm run bench`. Every benchmark has defaults from the issue; --quick
// shrinks them all, and single settings can be overridden for a run of one benchmark.
export const BENCHMARKS = ["pageweight", "lookup", "issuance", "latency", "throughput", "scaleout", "memory"] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];

export type Options = {
  only: BenchmarkName[];
  quick: boolean;
  /** Customers in the database for the lookup benchmark. */
  customers: number;
  /** Notifications per second for latency and scale-out. */
  rate: number;
  /** SSE listeners for latency and scale-out. */
  clients: number;
  /** Seconds of steady load per latency phase. */
  duration: number;
  /** Concurrency levels of the receiver throughput benchmark. */
  concurrency: number[];
  /** Seconds per throughput level. */
  levelSeconds: number;
  /** Open SSE streams for the memory benchmark. */
  streams: number;
  /** Samples per lookup kind and issuance. */
  samples: number;
  /** Where the JSON goes; default bench/results/latest.json for a full run, partial.tmp otherwise. */
  out: string | null;
};

const HELP = `npm run bench [-- options]
  --only a,b          run only these: ${BENCHMARKS.join(", ")}
  --quick             smaller settings everywhere (a smoke run in a few minutes)
  --customers N       customers for the lookup benchmark (default 1000000; quick 100000)
  --rate N            notifications per second for latency/scale-out (default 100)
  --clients N         SSE listeners for latency/scale-out (default 200)
  --duration S        seconds of steady load per latency phase (default 20; quick 8)
  --concurrency a,b   receiver throughput levels (default 1,4,16,64; quick 4,32)
  --level-seconds S   seconds per throughput level (default 6; quick 3)
  --streams N         open SSE streams for the memory benchmark (default 1000)
  --samples N         searches per lookup kind (default 100; quick 40); issuance uses a third
  --out FILE          write the JSON here instead`;

export function parseArgs(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq?.slice(name.length + 3);
  };
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    process.exit(0);
  }
  const num = (name: string, fallback: number): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`);
    return n;
  };
  const quick = argv.includes("--quick");
  const onlyRaw = get("only");
  const only = onlyRaw ? onlyRaw.split(",").map((s) => s.trim()) : [...BENCHMARKS];
  for (const name of only) {
    if (!(BENCHMARKS as readonly string[]).includes(name))
      throw new Error(`unknown benchmark "${name}"; choose from ${BENCHMARKS.join(", ")}`);
  }
  const levels = get("concurrency");
  return {
    only: only as BenchmarkName[],
    quick,
    customers: num("customers", quick ? 100_000 : 1_000_000),
    rate: num("rate", 100),
    clients: num("clients", 200),
    duration: num("duration", quick ? 8 : 20),
    concurrency: levels
      ? levels
          .split(",")
          .map(Number)
          .filter((n) => n > 0)
      : quick
        ? [4, 32]
        : [1, 4, 16, 64],
    levelSeconds: num("level-seconds", quick ? 3 : 6),
    streams: num("streams", 1000),
    samples: num("samples", quick ? 40 : 100),
    out: get("out") ?? null,
  };
}

/** A full run with the settings is the one whose figures go into docs/performance.md. */
export function isFullRun(argv: string[]): boolean {
  return !argv.some((a) => a.startsWith("--") && a !== "--out" && !a.startsWith("--out="));
}
