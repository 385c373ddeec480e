// Nothing the app's spans carry may hold card data or a customer's search: every exported span
// passes through here on its way out, whoever made it (our code, Next.js, the undici and pg
// instrumentations). URL query strings are cut off, attributes that would carry bodies, query
// parameters or SQL values are dropped, and any run of 12–19 digits is masked as a PAN would be.
import type { ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { maskPan } from "@/lib/log";

type Attributes = ReadableSpan["attributes"];

/** Dropped whatever their value: bodies, query strings, statement parameters, headers. */
const DROP = /(^|\.)query$|body|param|header/i;
/** Values that are URLs or request targets: kept without their query string. */
const URLISH = /(^|\.)(url|target|full|path|route)$/;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * maskPan outside UUIDs: our ids (jobs, cards, correlation) are UUIDs, whose last groups can read
 * as a dashed run of 12 digits; a PAN, at most 19 digits, can never take a UUID's shape.
 */
export function maskDigits(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(UUID)) {
    out += maskPan(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + maskPan(text.slice(last));
}

function cleanValue(key: string, value: unknown): unknown {
  if (typeof value === "string") return maskDigits(URLISH.test(key) ? value.replace(/\?.*$/s, "") : value);
  if (Array.isArray(value)) return value.map((v) => cleanValue(key, v));
  return value;
}

export function cleanAttributes(attributes: Attributes | undefined): Attributes {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (DROP.test(key)) continue;
    out[key] = cleanValue(key, value);
  }
  return out as Attributes;
}

/** The span as exported: the original underneath, its name, attributes and events cleaned. */
export function cleanSpan(span: ReadableSpan): ReadableSpan {
  const clean = Object.create(span) as ReadableSpan;
  Object.defineProperties(clean, {
    name: { value: maskDigits(span.name.replace(/\?.*$/s, "")) },
    attributes: { value: cleanAttributes(span.attributes) },
    events: { value: span.events.map((e) => ({ ...e, attributes: cleanAttributes(e.attributes) })) },
    links: { value: span.links.map((l) => ({ ...l, attributes: cleanAttributes(l.attributes) })) },
  });
  return clean;
}

/** Wraps the real exporter so that only cleaned spans leave the process. */
export class CleaningExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}
  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans.map(cleanSpan), done);
  }
  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
