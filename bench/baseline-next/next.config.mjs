// A throwaway Next.js app for the benchmarks' baselines: the framework alone, no auth, no
// database. bench/lib/baselines.ts copies it to bench/results/baseline-next.tmp (ignored by git,
// ESLint and tsc) and builds it there.
/** @type {import('next').NextConfig} */
const config = {
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
};

export default config;
