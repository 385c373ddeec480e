// Turns tracing on (instrumentation.ts, when OTEL_EXPORTER_OTLP_ENDPOINT is set): the Node tracer
// provider with W3C propagation and async-context tracking, OTLP/HTTP (JSON) export of cleaned
// spans (sanitize.ts), and the undici (D1, the card system) and pg instrumentations. Next.js adds
// its own request spans once a provider is registered. Nothing else is patched: the http server
// instrumentation would duplicate Next's spans and record request targets with their queries.
import { context, propagation, trace } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { CleaningExporter } from "./sanitize";

export type TracingOptions = {
  /** The collector's base URL (OTEL_EXPORTER_OTLP_ENDPOINT); spans go to <endpoint>/v1/traces. */
  endpoint: string;
  serviceVersion: string;
  instance: string;
};

const holder = globalThis as unknown as { __bii_tracing?: NodeTracerProvider };

export function startTracing(options: TracingOptions): NodeTracerProvider {
  if (holder.__bii_tracing) return holder.__bii_tracing;
  const url = new URL("v1/traces", options.endpoint.endsWith("/") ? options.endpoint : `${options.endpoint}/`);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      "service.name": "branch-issuance",
      "service.version": options.serviceVersion,
      "service.instance.id": options.instance,
    }),
    spanProcessors: [new BatchSpanProcessor(new CleaningExporter(new OTLPTraceExporter({ url: url.href })))],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Only the method, host and path of D1's and the card system's calls; never a body.
      new UndiciInstrumentation({ headersToSpanAttributes: { requestHeaders: [], responseHeaders: [] } }),
      // Statements as prepared ($1, $2…): their values are never attached.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  holder.__bii_tracing = provider;
  return provider;
}

/** Sends what is buffered and stops (shutdown; tests). */
export async function stopTracing(): Promise<void> {
  const provider = holder.__bii_tracing;
  holder.__bii_tracing = undefined;
  await provider?.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

export async function flushTracing(): Promise<void> {
  await holder.__bii_tracing?.forceFlush();
}
