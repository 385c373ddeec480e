// The app's own spans, through the OpenTelemetry API alone: without a registered SDK (tracing off,
// OTEL_EXPORTER_OTLP_ENDPOINT unset) every call here is a no-op costing a function call.
// The trace context crosses the job queue and the database as a W3C traceparent string (ids
// only): in the queued job's payload, so the worker continues the teller's trace, and on the job
// row, so D1's notification about the card links its span to it.
import { context, propagation, SpanStatusCode, trace, type Attributes, type Link, type Span } from "@opentelemetry/api";

const tracer = () => trace.getTracer("branch-issuance");

/** Runs `fn` in a new span (a child of the active one); failures mark it, by error name only. */
export function withSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorName(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The error's code (lib/errors) or class name: never its message, which may quote data. */
function errorName(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.name : "error";
}

/** The active span's W3C traceparent, or null when nothing is traced. */
export function currentTraceparent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** Runs `fn` in a span continuing the trace `traceparent` names (a new trace if it is absent). */
export function continueTrace<T>(
  traceparent: unknown,
  name: string,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent =
    typeof traceparent === "string" ? propagation.extract(context.active(), { traceparent }) : context.active();
  return context.with(parent, () => withSpan(name, attributes, fn));
}

/** Links the span to each stored traceparent (a notification to the requests it moved). */
export function linkTo(span: Span, traceparents: ReadonlyArray<string | null>): void {
  const links: Link[] = [];
  for (const tp of traceparents) {
    if (!tp) continue;
    const spanContext = trace.getSpanContext(propagation.extract(context.active(), { traceparent: tp }));
    if (spanContext) links.push({ context: spanContext, attributes: { "bii.link": "issuance_job" } });
  }
  if (links.length) span.addLinks(links);
}

/** The active span's ids for a log line, or nothing. */
export function traceIds(): { trace_id: string; span_id: string } | Record<string, never> {
  const ctx = trace.getActiveSpan()?.spanContext();
  return ctx && trace.isSpanContextValid(ctx) ? { trace_id: ctx.traceId, span_id: ctx.spanId } : {};
}
