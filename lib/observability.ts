// Tracing and the internal metrics listener, as the settings ask, for each server process: the
// web instances (instrumentation.ts) and the standalone worker (scripts/worker.ts), which has no
// /api/metrics and so serves its figures only on METRICS_PORT. Tracing is started before the
// rest is loaded, so the modules loaded after it are instrumented.
import type { ServerEnv } from "./env.ts";

export async function startObservability(env: ServerEnv): Promise<void> {
  const { instanceName } = await import("./metrics/registry.ts");
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import("./tracing/setup.ts");
    startTracing({
      endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
      serviceVersion: env.APP_VERSION,
      instance: instanceName(env.APP_INSTANCE),
    });
  }
  if (env.METRICS_PORT) {
    const { startMetricsServer } = await import("./metrics/server.ts");
    await startMetricsServer({ port: env.METRICS_PORT, host: env.METRICS_HOST, token: env.METRICS_TOKEN });
  }
}

/** At shutdown: sends the spans still buffered (tracing on only; the SDK is not loaded otherwise). */
export async function stopObservability(env: Pick<ServerEnv, "OTEL_EXPORTER_OTLP_ENDPOINT">): Promise<void> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  const { stopTracing } = await import("./tracing/setup.ts");
  await stopTracing();
}
