// One issuance, traced for real: the OTLP/HTTP exporter sends to a collector stand-in, and the
// exported trace must connect the request (create_job) → the worker's run (continued from the
// queued job's payload) → the card system call and the D1 order → D1's notification, linked to
// the request through the job row. The exported bytes are scanned for the card's PAN.
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { issuanceJobs } from "@/db/schema";
import { jobRequest, makeCounter, tellerContext } from "@/db/testing/factories";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";
import { createD1Client, isRetryableD1Error, type D1Client } from "@/lib/d1";
import { env } from "@/lib/env";
import { createIssuanceJob } from "@/lib/issuance/create-job";
import { startWorker } from "@/lib/issuance/worker";
import type { SimFixture } from "@/test-support/d1-simulator";
import { findPans } from "@/test-support/find-pans";
import { clearSubmissionQueue } from "@/test-support/job-queue";
import { attribute, startOtlpCollector, type OtlpSpan } from "@/test-support/otlp-collector";
import { startSimWithReceiver, type ReceiverBridge } from "@/test-support/receiver-bridge";
import { simulatedPans } from "@/test-support/stored-card-data";
import { until } from "@/test-support/until";
import { flushTracing, startTracing, stopTracing } from "./setup";

let collector: Awaited<ReturnType<typeof startOtlpCollector>>;
let fixture: SimFixture;
let bridge: ReceiverBridge;
let client: D1Client;
let runner: Runner;
let counter: Awaited<ReturnType<typeof makeCounter>>;

beforeAll(async () => {
  collector = await startOtlpCollector();
  startTracing({ endpoint: collector.endpoint, serviceVersion: "test", instance: "trace-test" });
  await clearSubmissionQueue(db);
  ({ bridge, fixture } = await startSimWithReceiver());
  client = createD1Client(fixture.config());
  // A station of its own: stations are unique across the queue tests' shared database.
  await fixture.admin("POST", "/stations", { persoStation: "TRACE-PS-01", branchCode: "TRACE" });
  counter = await makeCounter(db, { persoStation: "TRACE-PS-01" });
  runner = await startWorker({ d1: client, cardSystem: new SimulatedCardSystem(), isRetryable: isRetryableD1Error }, 2);
});

afterAll(async () => {
  await runner.stop();
  await stopTracing();
  await client.close();
  await fixture.stop();
  await bridge.close();
  await collector.close();
  await db.$client.end();
});

const named = (name: string) => collector.spans.filter((s) => s.name === name);

describe("tracing one issuance", () => {
  it("exports one connected trace, request → worker → card system and D1 → notification, without card data", async () => {
    const { job } = await createIssuanceJob(jobRequest(counter), tellerContext(counter));
    const stateOf = async () => (await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, job.id)))[0]!;
    await until(async () => (await stateOf()).state === "done", "the card done");

    await until(async () => {
      await flushTracing();
      const request = named("issuance.create_job")[0];
      return !!request && named("d1.notification").some((n) => n.links?.some((l) => l.spanId === request.spanId));
    }, "the notification's span linked to the request");
    const request = named("issuance.create_job")[0]!;
    const traceId = request.traceId;

    // The job row and the queued job carried the request's context.
    expect((await stateOf()).traceparent).toBe(`00-${traceId}-${request.spanId}-01`);

    const inTrace = (s: OtlpSpan) => s.traceId === traceId;
    const worker = named("worker.submit_order").find(inTrace);
    expect(worker?.parentSpanId).toBe(request.spanId);
    expect(attribute(worker!, "bii.job_id")).toBe(job.id);
    expect(attribute(worker!, "bii.outcome")).toBe("accepted");
    const allocate = named("card_system.allocate").find(inTrace);
    expect(allocate?.parentSpanId).toBe(worker!.spanId);
    const order = named("d1.order").find(inTrace);
    expect(order?.parentSpanId).toBe(worker!.spanId);
    expect(attribute(order!, "bii.d1.card_id")).toBe(job.cardId);
    // The undici instrumentation's HTTP span of the order sits under it.
    expect(collector.spans.some((s) => s.parentSpanId === order!.spanId && inTrace(s))).toBe(true);
    // D1's notifications come in their own traces, linked to the request they moved.
    const notifications = named("d1.notification").filter((n) => n.links?.some((l) => l.traceId === traceId));
    expect(notifications.length).toBeGreaterThan(0);
    expect(notifications.every((n) => n.links!.every((l) => l.spanId === request.spanId))).toBe(true);

    // The PAN scan over everything exported: not one hit.
    const { pan } = (await simulatedPans([await stateOf()], counter.product))[0]!;
    const exported = collector.bodies.join("\n");
    expect(exported.length).toBeGreaterThan(1000);
    expect(findPans("exported traces", exported, [{ jobId: job.id, pan: pan }])).toEqual([]);
    // The matcher finds the PAN when it is there (the scan is not blind).
    expect(findPans("canary", `x ${pan.replace(/(\d{4})(?=\d)/g, "$1 ")} x`, [{ jobId: job.id, pan }])).toHaveLength(1);
  });

  it("log lines written inside a span carry its trace_id and span_id", () => {
    const worker = named("worker.submit_order")[0]!;
    const lines = readFileSync(env.LOG_FILE!, "utf8").split("\n").filter(Boolean);
    const traced = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.trace_id === worker.traceId);
    expect(traced.length).toBeGreaterThan(0);
    expect(traced.every((l) => typeof l.span_id === "string" && /^[0-9a-f]{16}$/.test(l.span_id))).toBe(true);
  });
});
