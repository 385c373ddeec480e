import { afterAll, expect, it } from "vitest";
import { loadEnv } from "@/lib/env";
import { startOtlpCollector } from "@/test-support/otlp-collector";
import { startObservability, stopObservability } from "./observability";
import { withSpan } from "./tracing/spans";

const collector = await startOtlpCollector();
afterAll(() => collector.close());

it("sends the spans still buffered when the instance stops, and is a no-op with tracing off", async () => {
  await stopObservability(loadEnv({}));
  const settings = loadEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint });
  await startObservability(settings);
  await withSpan("shutdown.test", {}, async () => {});
  await stopObservability(settings);
  expect(collector.spans.map((s) => s.name)).toContain("shutdown.test");
});
