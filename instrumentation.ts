// Next.js calls register() once per server process at start-up: the request limits and the
// client address for the http server (lib/http/server-limits.ts), the graceful shutdown on
// SIGTERM (lib/shutdown), and the durable issuance worker,
// which runs inside every app instance (the queue is in PostgreSQL, so instances share the work);
// OpenTelemetry tracing and the internal metrics listener when their settings ask for them.
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself, not a setting
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { installServerLimits } = await import("@/lib/http/server-limits");
  installServerLimits({
    headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
    requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
  });
  // Tracing first, so that everything loaded after it is instrumented (off without an endpoint).
  const { startObservability } = await import("@/lib/observability");
  await startObservability(env);
  const { log } = await import("@/lib/log");
  log.info({ event: "app_start", version: env.APP_VERSION }, "app starting");
  // SIGTERM/SIGINT: drain, send streams elsewhere, let the worker finish, close, exit.
  const { installGracefulShutdown } = await import("@/lib/shutdown/install");
  installGracefulShutdown();
  if (!env.WORKER_IN_APP) {
    log.info({ event: "worker_apart" }, "issuance worker not started here (WORKER_IN_APP=false)");
    return;
  }
  const { startIssuanceWorker } = await import("@/lib/issuance/start");
  await startIssuanceWorker();
}
