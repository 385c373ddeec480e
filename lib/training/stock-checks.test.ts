// A training card uses no blank card (docs/training.md): an empty station or an unexplained
// end-of-day difference refuses a real request at the counter, on a move and on approval, and
// lets a trainee's training request through, as the worker does (lib/issuance/submit.ts).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { stockCounts, stockTypes, users } from "@/db/schema";
import { makeCounter, makeJob, makeProduct, makeStation, makeUser, uniq } from "@/db/testing/factories";
import { checkCounterRequest } from "@/lib/issuance/counter-checks";
import { decideApproval } from "@/lib/issuance/decide";
import { dateIn } from "@/lib/issuance/eligibility";
import { moveOpenJob } from "@/lib/issuance/move";
import { previousDate } from "@/lib/stock/end-of-day";

let counter: Awaited<ReturnType<typeof makeCounter>>;
/** Enabled, no blank cards, and yesterday's count there did not balance and is not explained. */
let held: Awaited<ReturnType<typeof makeStation>>;
let productId: string;

/** A move in place asks D1 nothing (the request was never sent); these deps must not be called. */
const noD1 = {
  d1: {
    cancelProduction: () => Promise.reject(new Error("D1 must not be asked")),
    getProductionStatus: () => Promise.reject(new Error("D1 must not be asked")),
  },
};
const actor = (user: typeof users.$inferSelect, training: boolean) => ({
  user: { ...user, mustChangePassword: false, training },
  ip: "127.0.0.1",
  userAgent: "vitest",
});

beforeAll(async () => {
  counter = await makeCounter(db);
  const [type] = await db
    .insert(stockTypes)
    .values({ code: uniq("TS-"), name: "Training checks plastic" })
    .returning();
  productId = (await makeProduct(db, [counter.branch.id], { stockTypeId: type!.id })).id;
  held = await makeStation(db, counter.branch.id, { label: uniq("Held ") });
  const second = await makeUser(db, "teller", counter.branch.id);
  await db.insert(stockCounts).values({
    branchId: counter.branch.id,
    stockTypeId: type!.id,
    businessDate: previousDate(dateIn(counter.branch.timezone)),
    place: "station",
    stationId: held.id,
    expected: 10,
    counted: 9,
    countedBy: counter.teller.id,
    confirmedBy: second.id,
  });
});

/** Jobs whose submission the move or approval queued: taken out again for the queue tests that run later. */
const queued: string[] = [];

afterAll(async () => {
  for (const id of queued) await db.execute(sql`select graphile_worker.remove_job(${`submit:${id}`})`);
  await db.$client.end();
});

describe("stock and counts do not hold a training card", () => {
  it("at the counter: an empty station and an unbalanced one", async () => {
    const request = (stationId: string, training: boolean) => ({
      branchId: counter.branch.id,
      customerId: counter.customer.id,
      productId,
      stationId,
      nameOnCard: "JANE DOE",
      training,
    });
    await expect(checkCounterRequest(request(counter.station.id, false))).rejects.toMatchObject({
      code: "invalid:station",
      fieldErrors: { stationId: [expect.stringContaining("no blank cards")] },
    });
    await expect(checkCounterRequest(request(held.id, false))).rejects.toMatchObject({ code: "invalid:station" });
    for (const station of [counter.station, held]) {
      await expect(checkCounterRequest(request(station.id, true))).resolves.toMatchObject({
        station: { id: station.id },
      });
    }
  });

  it("on a move to an unbalanced station", async () => {
    const waiting = { state: "submitting" as const, productId };
    const real = await makeJob(db, counter, waiting);
    const training = await makeJob(db, counter, { ...waiting, training: true });
    queued.push(training.id);
    await expect(moveOpenJob(real.id, held.id, actor(counter.teller, false), noD1)).rejects.toMatchObject({
      code: "invalid:station",
    });
    expect(await moveOpenJob(training.id, held.id, actor(counter.teller, true), noD1)).toEqual({
      jobId: training.id,
      movedInPlace: true,
    });
  });

  it("on approval of a request at an unbalanced station", async () => {
    const manager = await makeUser(db, "manager", counter.branch.id);
    const awaiting = {
      state: "awaiting_approval" as const,
      productId,
      stationId: held.id,
      persoStation: held.persoStation,
      approvalRules: ["name_differs"],
    };
    const real = await makeJob(db, counter, awaiting);
    const training = await makeJob(db, counter, { ...awaiting, training: true });
    queued.push(training.id);
    const approve = (jobId: string) => ({ jobId, approve: true, note: "Checked the passport." });
    await expect(decideApproval(approve(real.id), actor(manager, false))).rejects.toMatchObject({
      code: "invalid:station",
    });
    expect(await decideApproval(approve(training.id), actor(manager, true))).toEqual({
      jobId: training.id,
      state: "submitting",
    });
  });
});
