// A new station's test card through the real worker, simulator and notification receiver: the
// worker lets exactly that card through at its own disabled, unverified station (a customer's card
// there is held), and D1's DONE verifies the station, takes the card from the station's stock and
// books it spoiled as a test card, all in the receiver's one statement.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { enqueueWaitingAtStation } from "@/db/queries/jobs";
import { insertStockRows } from "@/db/queries/stock";
import { auditLog, issuanceJobs, stations, stockLedger } from "@/db/schema";
import { jobRequest, makeCounter, makeStation, tellerContext, theTestProduct, uniq } from "@/db/testing/factories";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";
import { createD1Client, isRetryableD1Error, type D1Client } from "@/lib/d1";
import { clearSubmissionQueue } from "@/test-support/job-queue";
import type { SimFixture } from "@/test-support/d1-simulator";
import { startSimWithReceiver, type ReceiverBridge } from "@/test-support/receiver-bridge";
import { until } from "@/test-support/until";
import { createIssuanceJob } from "./create-job";
import type { IssuanceDeps } from "./deps";
import { submitOrder } from "./submit";

let fixture: SimFixture;
let bridge: ReceiverBridge;
let client: D1Client;
let deps: IssuanceDeps;
let counter: Awaited<ReturnType<typeof makeCounter>>;
let product: Awaited<ReturnType<typeof theTestProduct>>;

beforeAll(async () => {
  await clearSubmissionQueue(db);
  ({ bridge, fixture } = await startSimWithReceiver());
  client = createD1Client(fixture.config());
  deps = { d1: client, cardSystem: new SimulatedCardSystem(), isRetryable: isRetryableD1Error };
  counter = await makeCounter(db, { persoStation: uniq("BR001-TC-").toUpperCase() });
  product = await theTestProduct(db);
  // The test product prints on a counted plastic (the seed's and the factory's both do).
  expect(product.stockTypeId).toBeTruthy();
});

afterAll(async () => {
  await client.close();
  await fixture.stop();
  await bridge.close();
  await db.$client.end();
});

const row = async (id: string) => (await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, id)))[0]!;
const stationRow = async (id: string) => (await db.select().from(stations).where(eq(stations.id, id)))[0]!;

/** A newly registered station (disabled, not verified), known to the simulator, with blank cards. */
async function newStation() {
  const persoStation = uniq("BR001-TC-").toUpperCase();
  await fixture.admin("POST", "/stations", {
    persoStation,
    branchCode: "BR001",
    timings: { readyMs: 5, doneMs: 10, offlineTimeoutMs: 60_000 },
  });
  const station = await makeStation(db, counter.branch.id, {
    persoStation,
    label: uniq("New printer "),
    enabled: false,
    verifiedAt: null,
  });
  await insertStockRows({
    db,
    rows: [
      {
        branchId: counter.branch.id,
        stockTypeId: product.stockTypeId!,
        place: "station",
        stationId: station.id,
        movement: "loaded",
        quantity: 5,
      },
    ],
  });
  return station;
}

async function testJobAt(station: { id: string; persoStation: string }) {
  const request = jobRequest(counter, {
    stationId: station.id,
    persoStation: station.persoStation,
    productId: product.id,
    customerId: null,
    purpose: "station_test",
    nameOnCard: "TEST CARD",
  });
  return (await createIssuanceJob(request, tellerContext(counter))).job;
}

describe("a new station's test card", () => {
  it("is the one order its disabled, unverified station takes; DONE verifies the station and spoils the card", async () => {
    const station = await newStation();
    const customers = (
      await createIssuanceJob(
        jobRequest(counter, { stationId: station.id, persoStation: station.persoStation }),
        tellerContext(counter),
      )
    ).job;
    expect(await submitOrder(customers.id, deps)).toBe("held");

    const test = await testJobAt(station);
    expect(await submitOrder(test.id, deps)).toBe("accepted");
    await until(async () => (await row(test.id)).state === "done", "test card done");

    expect((await stationRow(station.id)).verifiedAt).toBeInstanceOf(Date);
    // Still disabled: the manager enables it when tellers may send cards there.
    expect((await stationRow(station.id)).enabled).toBe(false);
    expect(await row(test.id)).toMatchObject({ destroyIfProduced: true, customerId: null });
    const [verified] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, station.id), eq(auditLog.action, "station.verified_by_test_card")));
    expect(verified).toMatchObject({ actorRole: "d1", after: { how: "test card produced" } });

    const rows = await db.select().from(stockLedger).where(eq(stockLedger.jobId, test.id));
    expect(rows.map((r) => [r.place, r.movement, r.quantity, r.spoilReason]).sort()).toEqual([
      ["spoiled", "spoiled", 1, "test_card"],
      ["station", "produced", -1, null],
    ]);
    // The customer's card stays held until the manager enables the station.
    expect(await submitOrder(customers.id, deps)).toBe("held");
  });

  it("is held like any other card once its station is verified and still disabled", async () => {
    const station = await newStation();
    const test = await testJobAt(station);
    await db.update(stations).set({ verifiedAt: new Date() }).where(eq(stations.id, station.id));
    expect(await submitOrder(test.id, deps)).toBe("held");
    expect(await row(test.id)).toMatchObject({ state: "submitting", errorCode: "disabled:station" });
  });

  it("waits for blank cards like any other card", async () => {
    const station = await newStation();
    await insertStockRows({
      db,
      rows: [
        {
          branchId: counter.branch.id,
          stockTypeId: product.stockTypeId!,
          place: "station",
          stationId: station.id,
          movement: "corrected",
          quantity: -5,
        },
      ],
    });
    const test = await testJobAt(station);
    expect(await submitOrder(test.id, deps)).toBe("held");
    expect(await row(test.id)).toMatchObject({ state: "submitting", errorCode: "empty:station" });
    // Loading the station queues the held order again, with the request's trace context.
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    await db.update(issuanceJobs).set({ traceparent }).where(eq(issuanceJobs.id, test.id));
    await db.execute(sql`select graphile_worker.remove_job(${`submit:${test.id}`})`);
    await enqueueWaitingAtStation({ db, stationId: station.id });
    const { rows } = await db.execute<{ payload: { jobId: string; traceparent?: string } }>(
      sql`select payload from graphile_worker._private_jobs where key = ${`submit:${test.id}`}`,
    );
    expect(rows[0]?.payload).toEqual({ jobId: test.id, traceparent });
  });
});
