// Issuance through the HTTP card system (CARD_SYSTEM=http) against the stub of
// docs/card-system.openapi.yaml over mutual TLS, with the real D1 client and simulator: a card
// gets done, and each stub fault gives the teller the right sentence and never a second card.
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { clearSubmissionQueue } from "@/test-support/job-queue";
import { issuanceJobs } from "@/db/schema";
import { jobRequest, makeCounter, tellerContext } from "@/db/testing/factories";
import { HttpCardSystem, type HttpCardSystemConfig } from "@/lib/card-system/http";
import { env } from "@/lib/env";
import { createD1Client, isRetryableD1Error, type D1Client } from "@/lib/d1";
import type { AppError } from "@/lib/errors";
import { startCardSystemStub, type RunningCardSystemStub } from "@/sim/card-system";
import type { SimFixture } from "@/test-support/d1-simulator";
import { startSimWithReceiver, type ReceiverBridge } from "@/test-support/receiver-bridge";
import { createIssuanceJob } from "./create-job";
import type { IssuanceDeps } from "./deps";
import { submitOrder } from "./submit";
import { stateSentence } from "./testing/english";
import { simulatedPans, storedRowsText } from "@/test-support/stored-card-data";
import { until } from "@/test-support/until";

let fixture: SimFixture;
let bridge: ReceiverBridge;
let stub: RunningCardSystemStub;
let client: D1Client;
let cards: HttpCardSystem;
let deps: IssuanceDeps;
let counter: Awaited<ReturnType<typeof makeCounter>>;

const read = (file: string) => readFileSync(file, "utf8");

function cardSystemConfig(overrides: Partial<HttpCardSystemConfig> = {}): HttpCardSystemConfig {
  const { pki } = fixture;
  return {
    url: stub.url,
    tls: { cert: read(pki.issuerClient.certPath), key: read(pki.issuerClient.keyPath), ca: read(pki.ca.certPath) },
    timeoutMs: 1_000,
    maxAttempts: 2,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  };
}

async function newJob() {
  return (await createIssuanceJob(jobRequest(counter), tellerContext(counter))).job;
}

async function stateOf(id: string) {
  const [row] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, id));
  return row!;
}

type Counters = { productionsStarted: Record<string, number> };
const productions = async (cardId: string) =>
  (await fixture.admin<Counters>("GET", "/counters")).productionsStarted[cardId] ?? 0;

/** After a retryable failure: the fault is over, the next run orders the card, exactly once. */
async function finishes(jobId: string, cardId: string, withDeps = deps) {
  stub.faults.clear();
  expect(await submitOrder(jobId, withDeps)).toBe("accepted");
  await until(async () => (await stateOf(jobId)).state === "done", "done");
  expect(await productions(cardId)).toBe(1);
}

beforeAll(async () => {
  await clearSubmissionQueue(db);
  ({ bridge, fixture } = await startSimWithReceiver());
  // The stub on the simulator's dev PKI: our D1 client certificate is accepted there too.
  stub = await startCardSystemStub({ pki: fixture.pki, port: 0, controlPort: 0 });
  client = createD1Client(fixture.config());
  cards = new HttpCardSystem(cardSystemConfig());
  deps = { d1: client, cardSystem: cards, isRetryable: isRetryableD1Error };
  // A station of its own: the queue tests share the run's database, where ids are unique.
  await fixture.admin("POST", "/stations", { persoStation: "CARDSYS-PS-01", branchCode: "CARDSYS" });
  counter = await makeCounter(db, { persoStation: "CARDSYS-PS-01" });
});

afterAll(async () => {
  await cards.close();
  await client.close();
  await stub.stop();
  await fixture.stop();
  await bridge.close();
  await db.$client.end();
});

beforeEach(() => stub.faults.clear());

describe("issuance through the HTTP card system", () => {
  it("allocates the card data at the bank's system over mTLS and gets the card done", async () => {
    const job = await newJob();
    expect(await submitOrder(job.id, deps)).toBe("accepted");
    await until(async () => (await stateOf(job.id)).state === "done", "done");
    expect(stub.counters.allocations[job.cardId]).toBe(1);
    expect(await productions(job.cardId)).toBe(1);
    const done = await stateOf(job.id);
    expect(stateSentence(done)).toBe(`Card produced. Hand the card ending in ${done.panLast4} to the customer.`);
    // Activation is part of the hand-over (issue 14); the adapter already does it at the bank.
    await cards.activate({ cardId: job.cardId });
    expect(stub.state(job.cardId)).toBe("active");
  });

  it("500s beyond the retries keep the job, tell the teller it is automatic, then order once", async () => {
    const job = await newJob();
    stub.faults.add({ mode: "http500", count: 2, delayMs: 0 });
    expect(await submitOrder(job.id, deps)).toBe("retrying");
    const waiting = await stateOf(job.id);
    expect(waiting).toMatchObject({ state: "submitting", errorCode: "unavailable:card_system" });
    expect(stateSentence(waiting)).toMatch(/card system is not answering[\s\S]*sent again automatically/);
    expect(await productions(job.cardId)).toBe(0);
    await finishes(job.id, job.cardId);
  });

  it("a slow card system (beyond the timeout) keeps the job the same way", async () => {
    const impatient = new HttpCardSystem(cardSystemConfig({ timeoutMs: 200 }));
    const slowDeps = { ...deps, cardSystem: impatient };
    const job = await newJob();
    stub.faults.add({ mode: "slow", count: 2, delayMs: 3_000 });
    expect(await submitOrder(job.id, slowDeps)).toBe("retrying");
    expect(await stateOf(job.id)).toMatchObject({ state: "submitting", errorCode: "unavailable:card_system" });
    expect(await productions(job.cardId)).toBe(0);
    await finishes(job.id, job.cardId, slowDeps);
    await impatient.close();
  });

  it("a PAN failing Luhn ends the job without ordering, with a sentence the teller can act on", async () => {
    const job = await newJob();
    stub.faults.add({ mode: "badLuhn", count: 1, delayMs: 0 });
    expect(await submitOrder(job.id, deps)).toBe("failed");
    const failed = await stateOf(job.id);
    expect(failed).toMatchObject({ state: "submission_failed", errorCode: "invalid:card_system", panLast4: null });
    expect(stateSentence(failed)).toMatch(/card system returned card data that failed our checks, so no card/);
    expect(await productions(job.cardId)).toBe(0);
  });

  it("the same PAN for a second card is refused: one card, not two with one number", async () => {
    const first = await newJob();
    expect(await submitOrder(first.id, deps)).toBe("accepted");
    const second = await newJob();
    stub.faults.add({ mode: "duplicatePan", count: 1, delayMs: 0 });
    expect(await submitOrder(second.id, deps)).toBe("failed");
    expect(await stateOf(second.id)).toMatchObject({ state: "submission_failed", errorCode: "invalid:card_system" });
    expect(await productions(second.cardId)).toBe(0);
    await until(async () => (await stateOf(first.id)).state === "done", "first done");
    expect(await productions(first.cardId)).toBe(1);
  });

  it("bad card data after a run that may have ordered keeps the job (asked at D1 next), never a second card", async () => {
    const job = await newJob();
    // An earlier run started (and may have reached D1) before it was cut off.
    await db.update(issuanceJobs).set({ submitAttempts: 1 }).where(eq(issuanceJobs.id, job.id));
    stub.faults.add({ mode: "badLuhn", count: 1, delayMs: 0 });
    expect(await submitOrder(job.id, deps)).toBe("retrying");
    const kept = await stateOf(job.id);
    expect(kept).toMatchObject({ state: "submitting", errorCode: "invalid:card_system" });
    expect(stateSentence(kept)).toMatch(/failed our checks\. The request is kept/);
    await finishes(job.id, job.cardId);
  });

  it("a refused activation is conflict:card_system with a sentence, and blocking is idempotent", async () => {
    const job = await newJob();
    expect(await submitOrder(job.id, deps)).toBe("accepted");
    stub.faults.add({ mode: "refuseActivation", count: 1, delayMs: 0 });
    const error = (await cards.activate({ cardId: job.cardId }).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("conflict:card_system");
    expect(error.message).toMatch(/card system refused/);
    await cards.block({ cardId: job.cardId, reason: "damaged" });
    await cards.block({ cardId: job.cardId, reason: "damaged" });
    expect(stub.state(job.cardId)).toBe("blocked");
    await until(async () => (await stateOf(job.id)).state === "done", "done");
  });
});

describe("card data from the bank's system never rests", () => {
  it("no PAN the stub handed out appears in the database or the log", async () => {
    // The stub derives its PANs as the simulated system does; jobs that got a card show whose.
    const jobs = (await db.select().from(issuanceJobs).where(eq(issuanceJobs.customerId, counter.customer.id))).filter(
      (j) => j.panLast4,
    );
    expect(jobs.length).toBeGreaterThan(2);
    const pans = (await simulatedPans(jobs, counter.product))
      .filter(({ job, pan }) => pan.endsWith(job.panLast4!))
      .map((a) => a.pan);
    expect(pans.length).toBeGreaterThan(2);
    const dump = await storedRowsText(db);
    const logText = readFileSync(env.LOG_FILE!, "utf8");
    expect(logText.length).toBeGreaterThan(100);
    for (const pan of pans) {
      expect(dump).not.toContain(pan);
      expect(logText).not.toContain(pan);
    }
  });
});
