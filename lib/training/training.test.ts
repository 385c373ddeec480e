// Training mode end to end below the browser: a trainee's card is ordered from the in-process
// training simulator (real D1 client, TLS, JWE, notifications applied in-process), never from the
// real D1 (a simulator of its own here, which must receive nothing), with drills from the database,
// no stock rows and no audit entries, and a wipe that leaves real work alone.
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { addTrainingFault, listTrainingFaults, wipeTrainingData } from "@/db/queries/training";
import { auditLog, issuanceJobs, jobEvents, stockLedger, stockTypes, users } from "@/db/schema";
import { jobRequest, makeCounter, makeProduct, tellerContext, uniq } from "@/db/testing/factories";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";
import { createD1Client, isRetryableD1Error, type D1Client } from "@/lib/d1";
import { createIssuanceJob } from "@/lib/issuance/create-job";
import type { IssuanceDeps } from "@/lib/issuance/deps";
import { submitOrder } from "@/lib/issuance/submit";
import { metrics } from "@/lib/metrics/registry";
import { clearSubmissionQueue } from "@/test-support/job-queue";
import { startSimWithReceiver, type ReceiverBridge } from "@/test-support/receiver-bridge";
import type { SimFixture } from "@/test-support/d1-simulator";
import { until } from "@/test-support/until";
import { configureTrainingSimulator, stopTrainingSimulator, trainingIssuanceDeps, trainingSimulator } from "./deps";

let fixture: SimFixture;
let bridge: ReceiverBridge;
let realD1: D1Client;
let deps: IssuanceDeps;
let counter: Awaited<ReturnType<typeof makeCounter>>;
let productId: string;

const trainee = () => ({ ...tellerContext(counter), user: { ...tellerContext(counter).user, training: true } });
const real = () => ({ ...tellerContext(counter), user: { ...tellerContext(counter).user, training: false } });
const newJob = async (ctx: ReturnType<typeof trainee>) =>
  (await createIssuanceJob(jobRequest(counter, { productId }), ctx)).job;
const row = async (id: string) => (await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, id)))[0]!;
/** Every D1 and card system figure /api/metrics exports, summed: training must move none. */
const traffic = async () => {
  let total = 0;
  for (const counter of [metrics.d1Requests, metrics.d1TokenFetches, metrics.cardSystemRequests]) {
    for (const v of (await counter.get()).values) total += v.value;
  }
  return total;
};
const realOrders = async () => (await fixture.admin<{ ordersReceived: number }>("GET", "/counters")).ordersReceived;

beforeAll(async () => {
  await clearSubmissionQueue(db);
  ({ bridge, fixture } = await startSimWithReceiver());
  realD1 = createD1Client(fixture.config());
  configureTrainingSimulator({ timings: { readyMs: 5, doneMs: 10, offlineTimeoutMs: 20 }, timeoutMs: 1_000 });
  deps = {
    d1: realD1,
    cardSystem: new SimulatedCardSystem(),
    isRetryable: isRetryableD1Error,
    training: trainingIssuanceDeps,
  };
  // A station id the training simulator has never heard of: it learns stations as trainees use them.
  counter = await makeCounter(db, { persoStation: uniq("TRAIN-PS-") });
  await db.update(users).set({ training: true }).where(eq(users.id, counter.teller.id));
  // A product that counts stock, so that a real card would write stock rows.
  const [type] = await db
    .insert(stockTypes)
    .values({ code: uniq("TR-"), name: "Training plastic" })
    .returning();
  productId = (await makeProduct(db, [counter.branch.id], { stockTypeId: type!.id })).id;
});

afterAll(async () => {
  await stopTrainingSimulator();
  await realD1.close();
  await fixture.stop();
  await bridge.close();
  await db.$client.end();
});

describe("a trainee's card", () => {
  it("is produced by the training simulator and never reaches the real D1", async () => {
    const before = await realOrders();
    const figures = await traffic();
    const job = await newJob(trainee());
    expect(job.training).toBe(true);
    expect(await submitOrder(job.id, deps)).toBe("accepted");
    await until(async () => (await row(job.id)).state === "done", "the training card to be produced");
    expect((await trainingSimulator()).ordersReceived()).toBeGreaterThan(0);
    // The real D1 got no order and sent no notification about it.
    expect(await realOrders()).toBe(before);
    expect(bridge.received()).toBe(0);
    // Nor is it D1 traffic in the metrics.
    expect(await traffic()).toBe(figures);
    // Its events are its record; no audit entry, no stock row.
    const kinds = (await db.select().from(jobEvents).where(eq(jobEvents.jobId, job.id))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["created", "accepted", "d1_status"]));
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, job.id))).toEqual([]);
    expect(await db.select().from(stockLedger).where(eq(stockLedger.jobId, job.id))).toEqual([]);
  });

  it("meets the drill injected for its station, once", async () => {
    await addTrainingFault({
      db,
      stationId: counter.station.id,
      kind: "jam",
      remaining: 1,
      createdBy: counter.teller.id,
    });
    const jammed = await newJob(trainee());
    expect(await submitOrder(jammed.id, deps)).toBe("accepted");
    await until(async () => (await row(jammed.id)).state === "production_exception", "the jam");
    expect(await db.select().from(stockLedger).where(eq(stockLedger.jobId, jammed.id))).toEqual([]);
    expect((await listTrainingFaults({ db })).filter((f) => f.stationId === counter.station.id)).toEqual([]);
    // The next card is normal again.
    const next = await newJob(trainee());
    expect(await submitOrder(next.id, deps)).toBe("accepted");
    await until(async () => (await row(next.id)).state === "done", "the next card");
  });

  it("sees D1 refuse the order in a D1 500 drill, and the next try goes through", async () => {
    await addTrainingFault({ db, stationId: null, kind: "d1_500", remaining: 1, createdBy: counter.teller.id });
    const job = await newJob(trainee());
    expect(await submitOrder(job.id, deps)).toBe("retrying");
    expect((await row(job.id)).errorCode).toMatch(/d1/);
    expect(await submitOrder(job.id, deps)).toBe("accepted");
    await until(async () => (await row(job.id)).state === "done", "the card after the drill");
  });

  it("is not submitted at all by a worker without training deps", async () => {
    const job = await newJob(trainee());
    const before = await realOrders();
    const { training: _, ...realOnly } = deps;
    expect(await submitOrder(job.id, realOnly)).toBe("skipped");
    expect(await realOrders()).toBe(before);
    expect((await row(job.id)).state).toBe("submitting");
  });
});

describe("wiping training data", () => {
  it("deletes training jobs with their events and queued submissions, and keeps real work", async () => {
    const realJob = await newJob(real());
    expect(realJob.training).toBe(false);
    const queuedTraining = await newJob(trainee());
    const counts = await wipeTrainingData({ db });
    expect(counts.jobs).toBeGreaterThanOrEqual(5);
    expect(counts.queued).toBeGreaterThanOrEqual(1);
    const left = await db.select({ id: issuanceJobs.id }).from(issuanceJobs).where(eq(issuanceJobs.training, true));
    expect(left).toEqual([]);
    expect(await db.select().from(jobEvents).where(eq(jobEvents.jobId, queuedTraining.id))).toEqual([]);
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from graphile_worker.jobs where key = ${`submit:${queuedTraining.id}`}`,
    );
    expect(rows[0]?.n).toBe(0);
    expect(
      await db
        .select()
        .from(issuanceJobs)
        .where(inArray(issuanceJobs.id, [realJob.id])),
    ).toHaveLength(1);
  });
});
