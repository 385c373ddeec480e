// A teller's request becomes exactly one card: job creation, durable submission through
// graphile-worker, the real D1 client (mTLS, ES256 token, JWE) against the simulator, its
// notifications through our real receiver, and reconciliation by E3.
import { readFileSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { clearSubmissionQueue } from "@/test-support/job-queue";
import { issuanceJobs, jobEvents } from "@/db/schema";
import { jobRequest, makeCounter, makeStation, tellerContext, uniq } from "@/db/testing/factories";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";
import { env } from "@/lib/env";
import { createD1Client, isRetryableD1Error, type D1Client } from "@/lib/d1";
import { orderInput, type SimFixture } from "@/test-support/d1-simulator";
import { startSimWithReceiver, type ReceiverBridge } from "@/test-support/receiver-bridge";
import { createIssuanceJob } from "./create-job";
import type { IssuanceDeps } from "./deps";
import { reconcileJobs } from "./reconcile";
import { submitOrder } from "./submit";
import { startWorker } from "./worker";
import { simulatedPans, storedRowsText } from "@/test-support/stored-card-data";
import { until } from "@/test-support/until";

let fixture: SimFixture;
let bridge: ReceiverBridge;
let client: D1Client;
let deps: IssuanceDeps;
let counter: Awaited<ReturnType<typeof makeCounter>>;

const ctx = () => tellerContext(counter);

async function newJob(overrides: Partial<Parameters<typeof createIssuanceJob>[0]> = {}) {
  return (await createIssuanceJob(jobRequest(counter, overrides), ctx())).job;
}

async function stateOf(id: string) {
  const [row] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, id));
  return row!;
}

type Counters = { productionsStarted: Record<string, number> };
const productions = async (cardId: string) =>
  (await fixture.admin<Counters>("GET", "/counters")).productionsStarted[cardId] ?? 0;

beforeAll(async () => {
  await clearSubmissionQueue(db);
  ({ bridge, fixture } = await startSimWithReceiver());
  client = createD1Client(fixture.config());
  deps = { d1: client, cardSystem: new SimulatedCardSystem(), isRetryable: isRetryableD1Error };
  counter = await makeCounter(db, { persoStation: "BR001-PS-01" });
});

afterAll(async () => {
  await client.close();
  await fixture.stop();
  await bridge.close();
  await db.$client.end();
});

describe("issuing a card", () => {
  it("commits the job with stable ids and a queued submission before D1 is called", async () => {
    const job = await newJob();
    expect(job.state).toBe("submitting");
    expect(job.cardId).toMatch(/^[A-Za-z0-9_-]{1,48}$/);
    expect(job.issuerRequestId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(await productions(job.cardId)).toBe(0);
    // graphile-worker's queue holds the submission, keyed by the job (its public view).
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from graphile_worker.jobs where key = ${`submit:${job.id}`}`,
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("a second submit of the same form returns the first job", async () => {
    const requestKey = uniq("key-");
    const first = await newJob({ requestKey });
    const second = await createIssuanceJob({ ...first, requestKey, retryOfJobId: null, approvalRules: [] }, ctx());
    expect(second.created).toBe(false);
    expect(second.job.id).toBe(first.id);
  });

  it("orders the card, keeps only the last four digits, and follows D1 to done", async () => {
    const job = await newJob();
    expect(await submitOrder(job.id, deps)).toBe("accepted");
    const accepted = await stateOf(job.id);
    expect(accepted.panLast4).toMatch(/^\d{4}$/);
    expect(accepted.d1OperationId).toBeTruthy();
    await until(async () => (await stateOf(job.id)).state === "done", "done");
    const kinds = (await db.select().from(jobEvents).where(eq(jobEvents.jobId, job.id))).map(
      (e) => `${e.kind}:${e.state}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining(["created:submitting", "accepted:requested", "d1_status:ready", "d1_status:done"]),
    );
    expect(await productions(job.cardId)).toBe(1);
  });

  it("a submission delivered twice at once (crash, retry, double delivery) never makes a second card", async () => {
    const job = await newJob();
    const outcomes = await Promise.all([submitOrder(job.id, deps), submitOrder(job.id, deps)]);
    // One run holds the job; the other finds it held (or already accepted) and leaves it.
    expect(outcomes.sort()).toEqual(["accepted", "skipped"]);
    await until(async () => (await stateOf(job.id)).state === "done", "done");
    expect(await productions(job.cardId)).toBe(1);
  });

  it("keeps the job while D1 answers 500, says so, and sends it when D1 is back", async () => {
    await fixture.admin("POST", "/faults/orders", { mode: "http500", count: 10 });
    const job = await newJob();
    expect(await submitOrder(job.id, deps)).toBe("retrying");
    const waiting = await stateOf(job.id);
    expect(waiting).toMatchObject({ state: "submitting", errorCode: "unavailable:d1" });
    await fixture.admin("DELETE", "/faults/orders");
    expect(await submitOrder(job.id, deps)).toBe("accepted");
    expect((await stateOf(job.id)).errorCode).toBeNull();
    await until(async () => (await stateOf(job.id)).state === "done", "done");
    expect(await productions(job.cardId)).toBe(1);
  });

  it("ends as submission_failed with a sentence for the teller when D1 refuses the station", async () => {
    const unknown = await makeStation(db, counter.branch.id, { persoStation: "NOT-AT-D1" });
    const job = await newJob({ stationId: unknown.id, persoStation: unknown.persoStation });
    expect(await submitOrder(job.id, deps)).toBe("failed");
    const failed = await stateOf(job.id);
    expect(failed.state).toBe("submission_failed");
    expect(failed.errorMessage).toMatch(/station/i);
    const [event] = await db
      .select()
      .from(jobEvents)
      .where(eq(jobEvents.jobId, job.id))
      .orderBy(jobEvents.id)
      .offset(1);
    expect(event?.detail).toMatchObject({ d1ErrorCode: "FIELD_INVALID_VALUE", d1Error: "persoStation" });
  });

  it("reconciles a job whose notifications were all dropped, using E3", async () => {
    await fixture.admin("POST", "/faults/notifications", { dropPercent: 100 });
    const job = await newJob();
    await submitOrder(job.id, deps);
    await until(
      async () => (await client.getProductionStatus(job.cardId))?.operations[0]?.details?.status === "CARD_PROD_DONE",
      "the card produced at the simulator",
    );
    await fixture.admin("DELETE", "/faults/notifications");
    expect((await stateOf(job.id)).state).toBe("requested");
    await db
      .update(issuanceJobs)
      .set({ updatedAt: new Date(Date.now() - 120_000) })
      .where(eq(issuanceJobs.id, job.id));
    const result = await reconcileJobs(deps, { quietSeconds: 60 });
    expect(result.polled).toBeGreaterThanOrEqual(1);
    expect((await stateOf(job.id)).state).toBe("done");
  });
});

describe("faults at D1, exactly one production per job", () => {
  const orderedAfter = async (fault: Record<string, unknown>) => {
    await fixture.admin("POST", "/faults/orders", fault);
    const job = await newJob();
    let outcome = await submitOrder(job.id, deps);
    for (let i = 0; outcome === "retrying" && i < 5; i++) outcome = await submitOrder(job.id, deps);
    await fixture.admin("DELETE", "/faults/orders");
    expect(outcome).toBe("accepted");
    await until(async () => (await stateOf(job.id)).state === "done", "done");
    expect(await productions(job.cardId)).toBe(1);
  };

  it("429 with Retry-After, then accepted", () => orderedAfter({ mode: "http429", count: 2, retryAfterSeconds: 0 }));
  it("a timeout, then accepted", () => orderedAfter({ mode: "hang", count: 1 }));
  it("a lost response after D1 took the order, then the original answer", () =>
    orderedAfter({ mode: "hangAfterAccept", count: 1 }));

  it("a run after one that may have reached D1 asks first and adopts D1's state, even if D1 would make a second card", async () => {
    await fixture.admin("POST", "/faults/repeated-orders", { mode: "duplicate" });
    await fixture.admin("POST", "/faults/notifications", { dropPercent: 100 });
    try {
      const job = await newJob();
      // A run that sent the order and died before recording anything but its start.
      await db.update(issuanceJobs).set({ submitAttempts: 1 }).where(eq(issuanceJobs.id, job.id));
      await client.orderInstantCard(
        orderInput(job.cardId, { issuerRequestId: job.issuerRequestId, persoStation: job.persoStation }),
      );
      await until(
        async () => (await client.getProductionStatus(job.cardId))?.operations[0]?.details?.status === "CARD_PROD_DONE",
        "the card produced at the simulator",
      );
      expect(await submitOrder(job.id, deps)).toBe("accepted");
      expect((await stateOf(job.id)).state).toBe("done");
      const [accepted] = await db
        .select()
        .from(jobEvents)
        .where(and(eq(jobEvents.jobId, job.id), eq(jobEvents.kind, "accepted")));
      expect(accepted?.detail).toMatchObject({ alreadyOrdered: true, followedD1After: "check" });
      expect(await productions(job.cardId)).toBe(1);
    } finally {
      await fixture.admin("DELETE", "/faults/notifications");
      await fixture.admin("POST", "/faults/repeated-orders", { mode: "original" });
    }
  });

  it("duplicated and reordered notifications still end in done, once", async () => {
    await fixture.admin("POST", "/faults/notifications", { duplicatePercent: 100, reorderNext: 2 });
    const job = await newJob();
    await submitOrder(job.id, deps);
    await until(async () => (await stateOf(job.id)).state === "done", "done");
    await fixture.admin("DELETE", "/faults/notifications");
    const events = await db.select().from(jobEvents).where(eq(jobEvents.jobId, job.id));
    expect(events.filter((e) => e.d1Status === "CARD_PROD_DONE")).toHaveLength(1);
    expect(await productions(job.cardId)).toBe(1);
  });
});

describe("the durable worker", () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await startWorker(deps, 2);
  });
  afterAll(() => runner.stop());

  it("submits a committed job within moments, without polling, exactly once", async () => {
    const job = await newJob();
    await until(async () => (await stateOf(job.id)).state === "done", "done by the worker");
    expect(await productions(job.cardId)).toBe(1);
  });
});

describe("card data never rests", () => {
  it("no PAN of any job appears in the database or the log", async () => {
    // This file's jobs: the queue tests share one database, and other files' products derive
    // other PANs (the dump below still covers every file's rows).
    const jobs = await db.select().from(issuanceJobs).where(eq(issuanceJobs.productId, counter.product.id));
    expect(jobs.length).toBeGreaterThan(5);
    const allocated = await simulatedPans(jobs, counter.product);
    for (const { job, pan } of allocated) if (job.panLast4) expect(pan.endsWith(job.panLast4)).toBe(true);
    const pans = allocated.map((a) => a.pan);
    const dump = await storedRowsText(db);
    expect(dump.length).toBeGreaterThan(1000);
    const logText = readFileSync(env.LOG_FILE!, "utf8");
    expect(logText).toContain("D1 order failed");
    for (const pan of pans) {
      expect(dump).not.toContain(pan);
      expect(logText).not.toContain(pan);
    }
  });
});
