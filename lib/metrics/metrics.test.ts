// /api/metrics for real: refused without the token, the named series present with it, and moving
// while a card is issued through the worker, the D1 simulator and our receiver.
import { eq, sql } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { db } from "@/db";
import { branches, issuanceJobs } from "@/db/schema";
import { enqueueSubmission } from "@/db/queries/jobs";
import { workerQueue } from "@/db/queries/metrics";
import { jobRequest, makeCounter, makeJob, tellerContext } from "@/db/testing/factories";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";
import { createD1Client, isRetryableD1Error, type D1Client } from "@/lib/d1";
import { env } from "@/lib/env";
import { createIssuanceJob } from "@/lib/issuance/create-job";
import { startWorker } from "@/lib/issuance/worker";
import type { SimFixture } from "@/test-support/d1-simulator";
import { clearSubmissionQueue } from "@/test-support/job-queue";
import { startSimWithReceiver, type ReceiverBridge } from "@/test-support/receiver-bridge";
import { parseSamples, sample } from "@/test-support/prom-text";
import { until } from "@/test-support/until";
import { resetMetricsCache } from "./collect";
import { startMetricsServer } from "./server";

const TOKEN = "metrics-test-token-0123456789";
let fixture: SimFixture;
let bridge: ReceiverBridge;
let client: D1Client;
let runner: Runner;
let counter: Awaited<ReturnType<typeof makeCounter>>;

const get = (authorization?: string) =>
  GET(new Request("http://app/api/metrics", { headers: authorization ? { authorization } : {} }));

async function scrapeText(): Promise<string> {
  const response = await get(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  await clearSubmissionQueue(db);
  ({ bridge, fixture } = await startSimWithReceiver());
  client = createD1Client(fixture.config());
  // A station of its own: stations are unique across the queue tests' shared database.
  await fixture.admin("POST", "/stations", { persoStation: "METRICS-PS-01", branchCode: "METRICS" });
  counter = await makeCounter(db, { persoStation: "METRICS-PS-01" });
  env.D1_TLS_CERT_FILE = fixture.pki.issuerClient.certPath;
  runner = await startWorker({ d1: client, cardSystem: new SimulatedCardSystem(), isRetryable: isRetryableD1Error }, 2);
});

afterAll(async () => {
  env.METRICS_TOKEN = undefined;
  await runner.stop();
  await client.close();
  await fixture.stop();
  await bridge.close();
  await db.$client.end();
});

describe("/api/metrics", () => {
  it("does not exist without METRICS_TOKEN, and refuses a missing or wrong token", async () => {
    env.METRICS_TOKEN = undefined;
    expect((await get(`Bearer ${TOKEN}`)).status).toBe(404);
    env.METRICS_TOKEN = TOKEN;
    const missing = await get();
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect(await missing.text()).not.toContain("bii_");
    expect((await get(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await get(`Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`)).status).toBe(401);
    const ok = await get(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
  });

  it("the named series move while a card is issued through D1", async () => {
    const ourBranch = (await db.select().from(branches).where(eq(branches.id, counter.branch.id)))[0]!.code;
    const doneHere = { state: "done", branch: ourBranch, station: "METRICS-PS-01" };
    resetMetricsCache();
    const before = parseSamples(await scrapeText());

    const { job } = await createIssuanceJob(jobRequest(counter), tellerContext(counter));
    const stateOf = async () => (await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, job.id)))[0]!;
    await until(async () => (await stateOf()).state === "done", "the card done");
    // The receiver counts after its statement commits: wait for the final one to be counted.
    const cards = (samples: ReturnType<typeof parseSamples>) => sample(samples, "bii_time_to_card_seconds_count") ?? 0;
    await until(async () => cards(parseSamples(await scrapeText())) > cards(before), "the card counted");
    resetMetricsCache();
    const after = parseSamples(await scrapeText());
    const grew = (name: string, labels: Record<string, string> = {}) =>
      (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);

    expect(grew("bii_d1_requests_total", { operation: "order", d1_error_code: "" })).toBeGreaterThanOrEqual(1);
    expect(grew("bii_d1_request_duration_seconds_count", { operation: "order" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "bii_d1_token_fetches_total", { outcome: "ok" })).toBeGreaterThanOrEqual(1);
    expect(grew("bii_card_system_requests_total", { operation: "allocate", outcome: "ok" })).toBe(1);
    expect(grew("bii_notifications_received_total")).toBeGreaterThanOrEqual(1);
    expect(grew("bii_notification_operations_total", { outcome: "applied" })).toBeGreaterThanOrEqual(1);
    expect(grew("bii_notification_batch_operations_count")).toBeGreaterThanOrEqual(1);
    expect(grew("bii_notification_apply_batch_notifications_count")).toBeGreaterThanOrEqual(1);
    expect(grew("bii_time_to_card_seconds_count")).toBe(1);
    expect(grew("bii_card_requests", doneHere)).toBe(1);
    expect(sample(after, "bii_db_pool_connections", { state: "idle" })).toBeGreaterThanOrEqual(0);
    expect(sample(after, "bii_db_pool_waiting_requests")).toBe(0);
    expect(sample(after, "bii_event_streams_open")).toBe(0);
    expect(sample(after, "bii_process_resident_memory_bytes")).toBeGreaterThan(0);
    // The simulator's server certificate, seen on the TLS connection, and our client certificate.
    const server = after.find(
      (s) => s.name === "bii_tls_certificate_not_after_seconds" && s.labels.certificate === "server",
    );
    expect(server?.value).toBeGreaterThan(Date.now() / 1000);
    expect(sample(after, "bii_tls_certificate_not_after_seconds", { certificate: "d1_client" })).toBeGreaterThan(
      Date.now() / 1000,
    );
    // Every series names its instance; none carries the customer's name or the card's ids.
    expect(after.every((s) => s.labels.app_instance)).toBe(true);
    const text = await scrapeText();
    expect(text).not.toContain(job.nameOnCard);
    expect(text).not.toContain(job.cardId);
    expect(text).not.toContain(job.id);
  });

  it("counts real submissions only in the worker queue, not a training card's", async () => {
    // Due in a century: the running worker leaves them alone, and they are the only ones then.
    const later = new Date("2126-01-01T00:00:00Z");
    const scheduled = async () =>
      (await workerQueue({ db })).find((r) => r.task === "submit_order" && r.state === "scheduled")?.n ?? 0;
    const before = await scheduled();
    const training = await makeJob(db, counter, { state: "submitting", training: true });
    await enqueueSubmission({ db, jobId: training.id, runAt: later });
    expect(await scheduled()).toBe(before);
    const real = await makeJob(db, counter, { state: "submitting" });
    await enqueueSubmission({ db, jobId: real.id, runAt: later });
    expect(await scheduled()).toBe(before + 1);
    for (const { id } of [training, real]) {
      await db.execute(sql`select graphile_worker.remove_job(${`submit:${id}`})`);
      await db.update(issuanceJobs).set({ state: "canceled", completedAt: new Date() }).where(eq(issuanceJobs.id, id));
    }
  });

  it("counts refused notifications by code", async () => {
    const before = parseSamples(await scrapeText());
    const { receiveNotification } = await import("@/lib/notifications/receive");
    const request = new Request(`http://app/notifications/d1/v2/issuers/${env.D1_ISSUER_ID}/cards`, {
      method: "POST",
      body: "{}",
    });
    const refused = await receiveNotification(request, env.D1_ISSUER_ID!).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    const after = parseSamples(await scrapeText());
    const code = { code: "unauthorized:notification" };
    expect(
      (sample(after, "bii_notifications_refused_total", code) ?? 0) -
        (sample(before, "bii_notifications_refused_total", code) ?? 0),
    ).toBe(1);
  });

  it("the internal listener serves the same registry, with the token when one is set", async () => {
    const { server, url } = await startMetricsServer({ port: 0, host: "127.0.0.1", token: TOKEN });
    try {
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("bii_d1_requests_total");
      expect((await fetch(`${url}/other`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
