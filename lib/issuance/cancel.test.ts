// Canceling and moving open requests against the real simulator, database, worker code and
// notification receiver: whatever D1 can or cannot do, no card is handed over after a cancel,
// and a card printed anyway is flagged for destruction.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { issuanceJobs, jobEvents, stockCounts, stockTypes } from "@/db/schema";
import { insertStockRows } from "@/db/queries/stock";
import {
  jobRequest,
  makeCounter,
  makeProduct,
  makeStation,
  makeUser,
  tellerContext,
  uniq,
} from "@/db/testing/factories";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";
import { createD1Client, isRetryableD1Error, type D1Client } from "@/lib/d1";
import { clearSubmissionQueue } from "@/test-support/job-queue";
import type { SimFixture } from "@/test-support/d1-simulator";
import { startSimWithReceiver, type ReceiverBridge } from "@/test-support/receiver-bridge";
import { until } from "@/test-support/until";
import { withSubmissionLock } from "@/db/queries/submission-lock";
import { cancelOpenJob, type CancelDeps } from "./cancel";
import { createIssuanceJob } from "./create-job";
import type { IssuanceDeps } from "./deps";
import { moveOpenJob } from "./move";
import { reconcileJobs } from "./reconcile";
import { submitOrder } from "./submit";

const CANCEL_PATH = "/issuers/{issuerId}/physicalCards/{cardId}/operations:cancel";

let fixture: SimFixture;
let bridge: ReceiverBridge;
let client: D1Client;
let cannotCancel: D1Client;
let deps: IssuanceDeps;
let counter: Awaited<ReturnType<typeof makeCounter>>;

const ctx = () => tellerContext(counter);
const canCancel = (): CancelDeps => ({ d1: client });

async function jobAt(station: { id: string; persoStation: string } = counter.station) {
  return (
    await createIssuanceJob(jobRequest(counter, { persoStation: station.persoStation, stationId: station.id }), ctx())
  ).job;
}
async function row(id: string) {
  const [found] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, id));
  return found!;
}
const kinds = async (id: string) =>
  (await db.select().from(jobEvents).where(eq(jobEvents.jobId, id))).map((e) => e.kind);
type Counters = { productionsStarted: Record<string, number> };
const productions = async (cardId: string) =>
  (await fixture.admin<Counters>("GET", "/counters")).productionsStarted[cardId] ?? 0;

/** A simulator station of this file's own (ids are unique in our database across test files). */
async function simStation(config: Record<string, unknown> = {}) {
  const persoStation = uniq("BR001-CX-").toUpperCase();
  await fixture.admin("POST", "/stations", {
    persoStation,
    branchCode: "BR001",
    timings: { readyMs: 5, doneMs: 10, offlineTimeoutMs: 60_000 },
    ...config,
  });
  return persoStation;
}

/** A station of the counter's branch, known to the simulator. */
async function branchStation(config: Record<string, unknown> = {}) {
  const persoStation = await simStation(config);
  return makeStation(db, counter.branch.id, { persoStation, label: uniq("Printer ") });
}

beforeAll(async () => {
  await clearSubmissionQueue(db);
  ({ bridge, fixture } = await startSimWithReceiver());
  client = createD1Client(fixture.config({ cancelPath: CANCEL_PATH }));
  cannotCancel = createD1Client(fixture.config());
  deps = { d1: client, cardSystem: new SimulatedCardSystem(), isRetryable: isRetryableD1Error };
  counter = await makeCounter(db, { persoStation: await simStation() });
});

afterAll(async () => {
  await clearSubmissionQueue(db);
  await client.close();
  await cannotCancel.close();
  await fixture.stop();
  await bridge.close();
  await db.$client.end();
});

describe("canceling a request D1 never got", () => {
  it("cancels it at once, and the queued worker run orders nothing", async () => {
    const job = await jobAt();
    const result = await cancelOpenJob(job.id, ctx(), canCancel());
    expect(result).toMatchObject({ reach: "never_sent", destroyIfProduced: false });
    const canceled = await row(job.id);
    expect(canceled).toMatchObject({ state: "canceled", canceledBy: counter.teller.id, destroyIfProduced: false });
    expect(canceled.canceledAt).toBeInstanceOf(Date);
    expect(await submitOrder(job.id, deps)).toBe("skipped");
    expect(await productions(job.cardId)).toBe(0);
    expect(await kinds(job.id)).toContain("canceled");
  });

  it("a run retrying while D1 answers 500 never orders it once it is canceled", async () => {
    await fixture.admin("POST", "/faults/orders", { mode: "http500", count: 5 });
    const job = await jobAt();
    expect(await submitOrder(job.id, deps)).toBe("retrying");
    // The 500 may have come after D1 took the order: E3 says D1 does not know the card.
    const result = await cancelOpenJob(job.id, ctx(), canCancel());
    expect(result.reach).toBe("never_sent");
    await fixture.admin("DELETE", "/faults/orders");
    expect(await submitOrder(job.id, deps)).toBe("skipped");
    expect(await productions(job.cardId)).toBe(0);
  });

  it("waits for a submission run in flight rather than flagging a card D1 never got", async () => {
    const job = await jobAt();
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => undefined as void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Stands in for a worker run that holds the job for a moment and orders nothing.
    const run = withSubmissionLock({ db, jobId: job.id }, async () => {
      locked();
      await held;
    });
    await isLocked;
    const canceling = cancelOpenJob(job.id, ctx(), canCancel());
    setTimeout(release, 400);
    expect((await canceling).reach).toBe("never_sent");
    expect((await run).locked).toBe(true);
    expect(await row(job.id)).toMatchObject({ state: "canceled", destroyIfProduced: false });
  });
});

describe("canceling a request D1 holds", () => {
  it("asks D1, which takes the card out of the offline station's queue (CARD_PROD_CANCELED)", async () => {
    const station = await branchStation({ state: "OFFLINE" });
    const persoStation = station.persoStation;
    const job = await jobAt(station);
    expect(await submitOrder(job.id, deps)).toBe("accepted");
    const result = await cancelOpenJob(job.id, ctx(), canCancel());
    expect(result).toMatchObject({ reach: "stopped", destroyIfProduced: false, d1: { outcome: "accepted" } });
    await until(
      async () =>
        (
          await db
            .select()
            .from(jobEvents)
            .where(and(eq(jobEvents.jobId, job.id), eq(jobEvents.kind, "d1_status")))
        )
          .map((e) => e.d1Status)
          .includes("CARD_PROD_CANCELED"),
      "CARD_PROD_CANCELED",
    );
    await fixture.admin("PATCH", `/stations/${persoStation}`, { state: "ONLINE" });
    expect(await productions(job.cardId)).toBe(0);
    expect(await row(job.id)).toMatchObject({ state: "canceled", producedAfterCancelAt: null });
  });

  it("without a cancel path: canceled at the counter, flagged, and a card printed later is marked for destruction", async () => {
    const station = await branchStation({ state: "OFFLINE" });
    const persoStation = station.persoStation;
    const job = await jobAt(station);
    expect(await submitOrder(job.id, deps)).toBe("accepted");
    const result = await cancelOpenJob(job.id, ctx(), { d1: cannotCancel });
    expect(result).toMatchObject({ reach: "not_stopped", destroyIfProduced: true, d1: { outcome: "not_supported" } });
    expect(await row(job.id)).toMatchObject({ state: "canceled", destroyIfProduced: true });
    await fixture.admin("PATCH", `/stations/${persoStation}`, { state: "ONLINE" });
    await until(async () => (await row(job.id)).producedAfterCancelAt !== null, "produced after cancel");
    const flagged = await row(job.id);
    expect(flagged.state).toBe("canceled");
    expect(flagged.cardStatus).toBeNull();
    expect(await kinds(job.id)).toContain("produced_after_cancel");
  });

  it("a card printed after the cancel is flagged even when its notifications are lost (reconciliation asks D1)", async () => {
    const station = await branchStation({ state: "OFFLINE" });
    const job = await jobAt(station);
    expect(await submitOrder(job.id, deps)).toBe("accepted");
    await cancelOpenJob(job.id, ctx(), { d1: cannotCancel });
    // READY and DONE are never delivered.
    await fixture.admin("POST", "/faults/notifications", { dropNext: 2 });
    try {
      await fixture.admin("PATCH", `/stations/${station.persoStation}`, { state: "ONLINE" });
      await until(async () => (await productions(job.cardId)) === 1, "printed at the station");
      await until(async () => {
        const status = await client.getProductionStatus(job.cardId);
        return status?.operations.some((op) => op.details?.status === "CARD_PROD_DONE") === true;
      }, "D1 knows the card is done");
      expect((await row(job.id)).producedAfterCancelAt).toBeNull();
      await reconcileJobs({ d1: client }, { quietSeconds: 0 });
      expect((await row(job.id)).producedAfterCancelAt).not.toBeNull();
      expect(await kinds(job.id)).toContain("produced_after_cancel");
    } finally {
      await fixture.admin("DELETE", "/faults/notifications");
    }
  });

  it("a card the station already took is too late for D1: flagged for destruction", async () => {
    const job = await jobAt(await branchStation({ manual: true }));
    expect(await submitOrder(job.id, deps)).toBe("accepted");
    const result = await cancelOpenJob(job.id, ctx(), canCancel());
    expect(result).toMatchObject({ reach: "not_stopped", destroyIfProduced: true, d1: { outcome: "too_late" } });
  });
});

describe("moving a request", () => {
  it("one D1 never got is pointed at the new station and ordered there", async () => {
    const other = await branchStation();
    const job = await jobAt();
    const moved = await moveOpenJob(job.id, other.id, ctx(), canCancel());
    expect(moved).toEqual({ jobId: job.id, movedInPlace: true });
    expect(await row(job.id)).toMatchObject({
      stationId: other.id,
      persoStation: other.persoStation,
      state: "submitting",
    });
    expect(await kinds(job.id)).toContain("moved");
    expect(await submitOrder(job.id, deps)).toBe("accepted");
  });

  it("one waiting at an offline station is canceled there and issued again as a new request", async () => {
    const offline = await branchStation({ state: "OFFLINE" });
    const persoStation = offline.persoStation;
    const other = await branchStation();
    const job = await jobAt(offline);
    expect(await submitOrder(job.id, deps)).toBe("accepted");
    const moved = await moveOpenJob(job.id, other.id, ctx(), canCancel());
    expect(moved.movedInPlace).toBe(false);
    expect(moved.canceled?.reach).toBe("stopped");
    const created = await row(moved.jobId);
    expect(created).toMatchObject({ retryOfJobId: job.id, stationId: other.id, state: "submitting" });
    expect(created.cardId).not.toBe(job.cardId);
    expect(await row(job.id)).toMatchObject({ state: "canceled" });
    // A second click finds the same new request.
    expect((await moveOpenJob(job.id, other.id, ctx(), canCancel())).jobId).toBe(moved.jobId);
    await fixture.admin("PATCH", `/stations/${persoStation}`, { state: "ONLINE" });
    expect(await productions(job.cardId)).toBe(0);
  });

  it("refuses the request's own station and a disabled one", async () => {
    const disabled = await makeStation(db, counter.branch.id, { label: uniq("Off "), enabled: false });
    const job = await jobAt();
    await expect(moveOpenJob(job.id, counter.station.id, ctx(), canCancel())).rejects.toMatchObject({
      code: "invalid:station",
    });
    await expect(moveOpenJob(job.id, disabled.id, ctx(), canCancel())).rejects.toMatchObject({
      code: "invalid:station",
    });
  });
});

describe("a disabled station", () => {
  it("gets no card: the worker holds the order, says so once, and sends it when the station is enabled", async () => {
    const station = await branchStation();
    const job = await jobAt(station);
    await db.execute(`update stations set enabled = false where id = '${station.id}'`);
    expect(await submitOrder(job.id, deps)).toBe("held");
    expect(await submitOrder(job.id, deps)).toBe("held");
    expect((await kinds(job.id)).filter((k) => k === "station_disabled")).toHaveLength(1);
    expect(await row(job.id)).toMatchObject({ state: "submitting", errorCode: "disabled:station", submitAttempts: 0 });
    expect(await productions(job.cardId)).toBe(0);
    await db.execute(`update stations set enabled = true where id = '${station.id}'`);
    expect(await submitOrder(job.id, deps)).toBe("accepted");
  });
});

describe("a station without blank cards", () => {
  it("gets no card: the worker holds the order until the station is loaded", async () => {
    const station = await branchStation();
    const [type] = await db
      .insert(stockTypes)
      .values({ code: uniq("ST-"), name: "Held stock" })
      .returning();
    const product = await makeProduct(db, [counter.branch.id], { stockTypeId: type!.id });
    const { job } = await createIssuanceJob(
      jobRequest(counter, { persoStation: station.persoStation, stationId: station.id, productId: product.id }),
      ctx(),
    );
    expect(await submitOrder(job.id, deps)).toBe("held");
    expect(await row(job.id)).toMatchObject({ state: "submitting", errorCode: "empty:station" });
    expect(await kinds(job.id)).toContain("station_empty");
    expect(await productions(job.cardId)).toBe(0);
    await insertStockRows({
      db,
      rows: [
        {
          branchId: counter.branch.id,
          stockTypeId: type!.id,
          place: "station",
          stationId: station.id,
          movement: "loaded",
          quantity: 3,
        },
      ],
    });
    expect(await submitOrder(job.id, deps)).toBe("accepted");
  });
});

describe("a station whose end-of-day count did not balance", () => {
  it("gets no card queued before the difference was found until a manager explains it", async () => {
    const station = await branchStation();
    const job = await jobAt(station);
    const [type] = await db
      .insert(stockTypes)
      .values({ code: uniq("ST-"), name: "Counted stock" })
      .returning();
    const manager = await makeUser(db, "manager", counter.branch.id);
    const [count] = await db
      .insert(stockCounts)
      .values({
        branchId: counter.branch.id,
        stockTypeId: type!.id,
        businessDate: "2026-01-05",
        place: "station",
        stationId: station.id,
        expected: 10,
        counted: 9,
        countedBy: manager.id,
        confirmedBy: counter.teller.id,
      })
      .returning();
    expect(await submitOrder(job.id, deps)).toBe("held");
    expect(await row(job.id)).toMatchObject({ state: "submitting", errorCode: "unbalanced:station" });
    expect(await kinds(job.id)).toContain("station_unbalanced");
    expect(await productions(job.cardId)).toBe(0);
    await db
      .update(stockCounts)
      .set({ explanation: "One card fell behind the printer.", explainedBy: manager.id, explainedAt: new Date() })
      .where(eq(stockCounts.id, count!.id));
    expect(await submitOrder(job.id, deps)).toBe("accepted");
  });
});
