// npm run worker — the issuance worker on its own, for banks that run it apart from the web
// instances (every web instance also runs one; the queue in PostgreSQL shares the work).
// Run with the react-server condition so server-only modules load outside Next.js.
import { loadDotEnv } from "./lib/dotenv.ts";

loadDotEnv();
// Traces and metrics as in the web instances (instrumentation.ts): this process has no
// /api/metrics, so its figures are served only on METRICS_PORT when set.
const { env } = await import("../lib/env.ts");
if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
  const { startTracing } = await import("../lib/tracing/setup.ts");
  const { instanceName } = await import("../lib/metrics/registry.ts");
  startTracing({
    endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    serviceVersion: env.APP_VERSION,
    instance: instanceName(env.APP_INSTANCE),
  });
}
if (env.METRICS_PORT) {
  const { startMetricsServer } = await import("../lib/metrics/server.ts");
  await startMetricsServer({ port: env.METRICS_PORT, host: env.METRICS_HOST, token: env.METRICS_TOKEN });
}
const { startIssuanceWorker } = await import("../lib/issuance/start.ts");
await startIssuanceWorker();
console.log("[worker] issuance worker running; Ctrl-C to stop");
