// The fault run: cards issued while D1 intermittently answers 500 / 429, hangs, or takes an
// order and never answers, and while its notifications are dropped (20 %), duplicated, delayed
// and reordered. Every job must reach the state D1 itself reports (E3), with exactly one card
// produced per job. It runs once for each way the simulator can answer a repeated order
// (d1-api.md §13: the original 202, 409, 400, or a second card), since D1 does not publish its
// own. FAULT_CARDS sets the cards per mode (10 in `npm test`, 100 in `npm run test:faults`),
// FAULT_REPEATED_ORDERS the modes (comma-separated; default all four).
//
// Everything is real except the clock of reconciliation: the app runs it from a cron every
// minute for jobs quiet for RECONCILE_QUIET_SECONDS; here the same reconcileJobs() runs every
// second with a 2 s quiet time, so the run takes seconds instead of minutes.
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/db";
import { clearSubmissionQueue } from "@/test-support/job-queue";
import { issuanceJobs, jobEvents, type IssuanceJob } from "@/db/schema";
import { jobRequest, makeCounter, tellerContext } from "@/db/testing/factories";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";
import { createD1Client, isRetryableD1Error, type D1Client } from "@/lib/d1";
import { captureLogger, type SimFixture } from "@/test-support/d1-simulator";
import { startSimWithReceiver, type ReceiverBridge } from "@/test-support/receiver-bridge";
import { createIssuanceJob } from "./create-job";
import type { IssuanceDeps } from "./deps";
import { reconcileJobs } from "./reconcile";
import { isFinal, stateForD1Status } from "./states";
import { startWorker } from "./worker";

const CARDS = Number(process.env.FAULT_CARDS ?? 10);
const MODES = (process.env.FAULT_REPEATED_ORDERS ?? "original,conflict,bad_request,duplicate")
  .split(",")
  .map((m) => m.trim())
  .filter(Boolean);
// The bound every job must meet: generous for a loaded 2-core CI machine, far below "never".
const DEADLINE_MS = 60_000 + CARDS * 1_000;
// Stations of their own per mode (persoStation is unique in the shared test database), added to
// the simulator through its control API.
const stationsFor = (mode: string) =>
  ["A", "B", "C"].map((s) => `FAULTS-${s}-${mode.replace("_", "")}-${Date.now().toString(36)}`.toUpperCase());

let fixture: SimFixture;
let bridge: ReceiverBridge;
let client: D1Client;
let deps: IssuanceDeps;
let runner: Runner | undefined;
// The D1 client's log: one line per attempt, so the faults it met can be counted.
const d1Log = captureLogger();

type Counters = {
  ordersReceived: number;
  ordersRepeated: number;
  ordersAccepted: Record<string, number>;
  productionsStarted: Record<string, number>;
  productionsStartedByIssuerRequestId: Record<string, number>;
  notifications: Record<string, number | Record<string, number>>;
};

beforeAll(async () => {
  await clearSubmissionQueue(db);
  ({ bridge, fixture } = await startSimWithReceiver({
    // Slow enough that cards overlap at the stations and notifications interleave.
    timings: { readyMs: 20, doneMs: 80, offlineTimeoutMs: 200 },
  }));
  // A hang costs the client its timeout (1 s) per attempt; three attempts per call, then the
  // job queue takes over with its own backoff.
  client = createD1Client(fixture.config({ timeoutMs: 1_000, maxAttempts: 3 }), { logger: d1Log.logger });
  deps = { d1: client, cardSystem: new SimulatedCardSystem(), isRetryable: isRetryableD1Error };
}, 60_000);

afterAll(async () => {
  await runner?.stop();
  await client.close();
  await fixture.stop();
  await bridge.close();
  await db.$client.end();
});

it.each(MODES)(
  `${CARDS} cards through D1 faults and lossy notifications, D1 answering a repeated order as %s: each ends in D1's own final state, produced once`,
  async (mode) => {
    const STATIONS = stationsFor(mode);
    const counters = await Promise.all(STATIONS.map((persoStation) => makeCounter(db, { persoStation })));
    for (const persoStation of STATIONS)
      await fixture.admin("POST", "/stations", { persoStation, branchCode: "FAULTS" });
    // A clean start even when an earlier mode failed half-way.
    await fixture.admin("DELETE", "/faults/orders");
    await fixture.admin("DELETE", "/faults/notifications");
    await fixture.admin("POST", "/faults/repeated-orders", { mode });
    const before = await fixture.admin<Counters>("GET", "/counters");
    const { events: earlier } = await fixture.admin<{ events: { seq: number }[] }>("GET", "/notifications");
    const logStart = d1Log.lines.length;

    // Station failures, so that the true final states are not all "done".
    await fixture.admin("POST", `/stations/${STATIONS[1]}/faults`, { kind: "jam", count: 2 });
    await fixture.admin("POST", `/stations/${STATIONS[2]}/faults`, { kind: "dataException", count: 1 });
    // E2 faults: the first order's answer is lost after D1 took it, the second fails with a
    // 500 before D1 takes it (both uncertain for the client), then faults drawn per request.
    for (const fault of [
      { mode: "hangAfterAccept", count: 1 },
      { mode: "http500", count: 1 },
      { mode: "http500", probability: 0.15 },
      { mode: "http429", probability: 0.1, retryAfterSeconds: 1 },
      { mode: "hang", probability: 0.05 },
      { mode: "hangAfterAccept", probability: 0.05 },
    ]) {
      await fixture.admin("POST", "/faults/orders", fault);
    }
    await fixture.admin("POST", "/faults/notifications", {
      // One certain drop and duplicate first, then drawn ones: with 10 cards in a few batched
      // calls, chance alone sometimes drew none, and the run then proved nothing.
      dropNext: 1,
      duplicateNext: 1,
      dropPercent: 20,
      duplicatePercent: 25,
      delayPercent: 10,
      delayMs: 300,
      reorderNext: Math.ceil(CARDS / 2),
    });

    runner ??= await startWorker(deps, 4);
    const started = Date.now();
    const jobs: IssuanceJob[] = [];
    for (let i = 0; i < CARDS; i++) {
      const counter = counters[i % counters.length]!;
      jobs.push((await createIssuanceJob(jobRequest(counter), tellerContext(counter))).job);
    }
    const ids = jobs.map((j) => j.id);

    // Reconciliation at test speed (the app's cron does the same every minute).
    const reconciled = { passes: 0, polled: 0, requeued: 0, applied: 0 };
    let rows: IssuanceJob[] = [];
    let allFinalAt = 0;
    while (Date.now() - started < DEADLINE_MS) {
      const pass = await reconcileJobs(deps, { quietSeconds: 2, limit: 1_000 });
      reconciled.passes++;
      reconciled.polled += pass.polled;
      reconciled.requeued += pass.requeued;
      reconciled.applied += pass.applied;
      rows = await db.select().from(issuanceJobs).where(inArray(issuanceJobs.id, ids));
      if (rows.every((r) => isFinal(r.state))) {
        allFinalAt = Date.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const stuck = rows.filter((r) => !isFinal(r.state)).map((r) => `${r.cardId}:${r.state}`);
    expect(stuck, `jobs not final after ${DEADLINE_MS} ms`).toEqual([]);

    // The simulator's truth, read through E3 once the faults are off.
    await fixture.admin("DELETE", "/faults/orders");
    await fixture.admin("DELETE", "/faults/notifications");
    const sim = await fixture.admin<Counters>("GET", "/counters");
    const mismatches: string[] = [];
    const byState: Record<string, number> = {};
    for (const row of rows) {
      byState[row.state] = (byState[row.state] ?? 0) + 1;
      const status = await client.getProductionStatus(row.cardId);
      const latest = status?.operations.find((op) => op.operation === "PRODUCE")?.details?.status;
      const truth = latest ? stateForD1Status(latest) : null;
      if (truth !== row.state) mismatches.push(`${row.cardId}: ours ${row.state}, D1 ${latest ?? "no order"}`);
    }
    expect(mismatches).toEqual([]);
    // A station failure really happened, so "final" was not simply "done" everywhere.
    expect(rows.some((r) => r.state !== "done")).toBe(true);

    const perJob = rows.map((r) => sim.productionsStarted[r.cardId] ?? 0);
    const perRequest = rows.map((r) => sim.productionsStartedByIssuerRequestId[r.issuerRequestId] ?? 0);
    expect(
      perJob.every((n) => n === 1),
      `productions per job: ${perJob.join(",")}`,
    ).toBe(true);
    expect(perRequest.every((n) => n === 1)).toBe(true);

    // Duplicates and reorders were absorbed: each D1 status is recorded once per job.
    const repeated = await db
      .select({ jobId: jobEvents.jobId, d1Status: jobEvents.d1Status, n: sql<number>`count(*)::int` })
      .from(jobEvents)
      .where(and(inArray(jobEvents.jobId, ids), isNotNull(jobEvents.d1Status)))
      .groupBy(jobEvents.jobId, jobEvents.d1Status)
      .having(sql`count(*) > 1`);
    expect(repeated).toEqual([]);

    // The faults really fired: otherwise this run proves nothing.
    // This mode's share of the simulator's running totals.
    const totals = sim.notifications as Record<string, number>;
    const was = before.notifications as Record<string, number>;
    const notifications = Object.fromEntries(
      ["delivered", "dropped", "duplicated", "delayed", "reordered"].map((k) => [k, (totals[k] ?? 0) - (was[k] ?? 0)]),
    );
    const retries = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobEvents)
      .where(and(inArray(jobEvents.jobId, ids), eq(jobEvents.kind, "submit_retrying")));
    // Every failed E2 attempt our client met, by what went wrong (HTTP status or timeout).
    const failedAttempts: Record<string, number> = {};
    for (const line of d1Log.lines.slice(logStart)) {
      const entry = JSON.parse(line) as { d1?: { operation?: string; httpStatus?: number; reason?: string } };
      if (entry.d1?.operation !== "order") continue;
      const what =
        entry.d1.reason ?? (entry.d1.httpStatus && entry.d1.httpStatus >= 400 ? String(entry.d1.httpStatus) : null);
      if (what) failedAttempts[what] = (failedAttempts[what] ?? 0) + 1;
    }
    // Jobs whose order D1 already had when we asked (a lost answer or a refused repeat): each
    // followed D1's state instead of ordering again. Cards whose final notification was dropped
    // could only be finished by reconciliation (E3), unless the submission adopted it from E3.
    const { events } = await fixture.admin<{
      events: { seq: number; outcome: string; operations: { cardId: string; status: string }[] }[];
    }>("GET", `/notifications?since=${earlier.at(-1)?.seq ?? 0}`);
    const followedCards = new Set(
      (
        await db
          .select({ cardId: issuanceJobs.cardId })
          .from(issuanceJobs)
          .innerJoin(jobEvents, eq(jobEvents.jobId, issuanceJobs.id))
          .where(
            and(
              inArray(issuanceJobs.id, ids),
              eq(jobEvents.kind, "accepted"),
              sql`${jobEvents.detail} ? 'followedD1After'`,
            ),
          )
      ).map((r) => r.cardId),
    );
    const finalsDropped = events
      .filter((e) => e.outcome === "dropped")
      .flatMap((e) => e.operations)
      .filter(
        (op) => op.status !== "PENDING" && rows.some((r) => r.cardId === op.cardId) && !followedCards.has(op.cardId),
      );
    expect(notifications.dropped).toBeGreaterThan(0);
    expect(notifications.duplicated).toBeGreaterThan(0);
    expect(Object.values(failedAttempts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    if (finalsDropped.length > 0) expect(reconciled.applied).toBeGreaterThan(0);
    // The first order's answer was lost after D1 took it: that job followed D1 (through E3, or
    // through D1's notifications when they came first, which is timing), never a new order.
    expect(sim.ordersRepeated - before.ordersRepeated).toBe(0);

    const figures = {
      repeatedOrders: mode,
      cards: CARDS,
      finalStates: byState,
      secondsToAllFinal: Number(((allFinalAt - started) / 1000).toFixed(1)),
      failedD1OrderAttempts: failedAttempts,
      jobsFollowingD1AfterAnUncertainOutcome: followedCards.size,
      repeatedOrdersD1Received: sim.ordersRepeated - before.ordersRepeated,
      jobRetriesAfterFailedCalls: retries[0]?.n ?? 0,
      notifications,
      finalNotificationsDropped: finalsDropped.length,
      reconciliation: reconciled,
      productionsPerJob: { min: Math.min(...perJob), max: Math.max(...perJob) },
    };
    console.log(`[faults] ${JSON.stringify(figures, null, 2)}`);
  },
  DEADLINE_MS + 60_000,
);
