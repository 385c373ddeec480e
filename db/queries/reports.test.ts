// The reports' queries on the run's database, in a Berlin branch: days and ISO weeks begin at the
// branch's midnight (a card at 00:30 Berlin on a Monday is that Monday's, though still Sunday in
// UTC), counts by teller, product and station, spoilage from the stock ledger, time to card, and
// failed requests split by the same rules as lib/issuance/outcome.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { stockLedger, stockTypes } from "@/db/schema";
import { makeBranch, makeCustomer, makeJob, makeProduct, makeStation, makeUser, uniq } from "@/db/testing/factories";
import { needsAction } from "@/lib/issuance/outcome";
import { branchComparison, cardsIssued, exceptionsInRange, spoilageByReason, timeToCard } from "./reports";

afterAll(() => db.$client.end());

async function berlinCounter() {
  const branch = await makeBranch(db, { timezone: "Europe/Berlin" });
  const station = await makeStation(db, branch.id, { isDefault: true, label: "Counter printer 1" });
  const teller = await makeUser(db, "teller", branch.id, { name: "Tara Teller" });
  const customer = await makeCustomer(db);
  const product = await makeProduct(db, [branch.id], { name: `Classic ${uniq()}` });
  return { branch, station, teller, customer, product };
}

type Counter = Awaited<ReturnType<typeof berlinCounter>>;
const produced = (counter: Counter, completedAt: string, seconds = 60, extra = {}) =>
  makeJob(db, counter, {
    state: "done",
    createdAt: new Date(Date.parse(completedAt) - seconds * 1000),
    completedAt: new Date(completedAt),
    ...extra,
  });

describe("cards issued per period", () => {
  let c: Counter;
  let secondTeller: Awaited<ReturnType<typeof makeUser>>;
  let secondStation: Awaited<ReturnType<typeof makeStation>>;
  beforeAll(async () => {
    c = await berlinCounter();
    secondTeller = await makeUser(db, "teller", c.branch.id, { name: "Sam Second" });
    secondStation = await makeStation(db, c.branch.id, { label: "Back office" });
    // Sunday 29 Nov 23:30 in Berlin (22:30 UTC): week 48.
    await produced(c, "2026-11-29T22:30:00Z");
    // Monday 30 Nov 00:30 in Berlin (23:30 UTC on Sunday): week 49.
    await produced(c, "2026-11-29T23:30:00Z");
    await produced(c, "2026-11-30T09:00:00Z", 60, { requestedBy: secondTeller.id, stationId: secondStation.id });
    await produced(c, "2026-11-30T10:00:00Z", 60, { state: "handed_over" });
    // Not issued: a failure, a request still open, a card printed after a cancel.
    await makeJob(db, c, { state: "production_exception", completedAt: new Date("2026-11-30T10:00:00Z") });
    await makeJob(db, c, { state: "requested" });
    await makeJob(db, c, {
      state: "canceled",
      completedAt: new Date("2026-11-30T10:00:00Z"),
      producedAfterCancelAt: new Date("2026-11-30T10:00:00Z"),
    });
  });

  it("counts by teller per day, in the branch's days", async () => {
    const rows = await cardsIssued({
      db,
      branchId: c.branch.id,
      from: "2026-11-29",
      to: "2026-11-30",
      grain: "day",
      by: "teller",
    });
    expect(rows).toEqual([
      { period: "2026-11-30", key: secondTeller.id, label: "Sam Second", count: 1 },
      { period: "2026-11-29", key: c.teller.id, label: "Tara Teller", count: 1 },
      { period: "2026-11-30", key: c.teller.id, label: "Tara Teller", count: 2 },
    ]);
  });

  it("starts ISO weeks on Monday at the branch's midnight", async () => {
    const rows = await cardsIssued({
      db,
      branchId: c.branch.id,
      from: "2026-11-23",
      to: "2026-12-06",
      grain: "week",
      by: "product",
    });
    expect(rows).toEqual([
      { period: "2026-11-23", key: c.product.id, label: c.product.name, count: 1 },
      { period: "2026-11-30", key: c.product.id, label: c.product.name, count: 3 },
    ]);
  });

  it("counts by station, and a range ends at midnight of its last day in the branch's zone", async () => {
    const rows = await cardsIssued({
      db,
      branchId: c.branch.id,
      from: "2026-11-29",
      to: "2026-11-29",
      grain: "day",
      by: "station",
    });
    // The 00:30 card of Monday is not Sunday's, though both are the 29th in UTC.
    expect(rows).toEqual([{ period: "2026-11-29", key: c.station.id, label: "Counter printer 1", count: 1 }]);
    const monday = await cardsIssued({
      db,
      branchId: c.branch.id,
      from: "2026-11-30",
      to: "2026-11-30",
      grain: "day",
      by: "station",
    });
    expect(monday.map((r) => [r.label, r.count])).toEqual([
      ["Back office", 1],
      ["Counter printer 1", 2],
    ]);
  });
});

describe("spoilage by reason", () => {
  it("sums the ledger's rows into the spoiled place, per reason and day", async () => {
    const c = await berlinCounter();
    const [stock] = await db
      .insert(stockTypes)
      .values({ code: uniq("ST"), name: "Visa plastic" })
      .returning();
    const spoil = (at: string, spoilReason: "production_exception" | "misprint") => [
      {
        branchId: c.branch.id,
        stockTypeId: stock!.id,
        place: "station" as const,
        stationId: c.station.id,
        movement: "spoiled" as const,
        quantity: -1,
        spoilReason,
        at: new Date(at),
      },
      {
        branchId: c.branch.id,
        stockTypeId: stock!.id,
        place: "spoiled" as const,
        movement: "spoiled" as const,
        quantity: 1,
        spoilReason,
        at: new Date(at),
      },
    ];
    await db.insert(stockLedger).values([
      ...spoil("2026-11-30T08:00:00Z", "production_exception"),
      ...spoil("2026-11-30T09:00:00Z", "production_exception"),
      ...spoil("2026-11-30T09:30:00Z", "misprint"),
      // 23:30 UTC on the 30th is 1 December in Berlin.
      ...spoil("2026-11-30T23:30:00Z", "misprint"),
      // Neither a spoil nor in the spoiled place: not counted.
      { branchId: c.branch.id, stockTypeId: stock!.id, place: "vault", movement: "received", quantity: 500 },
      {
        branchId: c.branch.id,
        stockTypeId: stock!.id,
        place: "spoiled",
        movement: "destroyed",
        quantity: -2,
        at: new Date("2026-11-30T10:00:00Z"),
      },
    ]);
    const rows = await spoilageByReason({
      db,
      branchId: c.branch.id,
      from: "2026-11-30",
      to: "2026-12-01",
      grain: "day",
    });
    expect(rows).toEqual([
      { period: "2026-11-30", reason: "misprint", count: 1 },
      { period: "2026-11-30", reason: "production_exception", count: 2 },
      { period: "2026-12-01", reason: "misprint", count: 1 },
    ]);
    const [branch] = (await branchComparison({ db, from: "2026-11-30", to: "2026-11-30" })).filter(
      (b) => b.branchId === c.branch.id,
    );
    expect(branch?.spoiled).toBe(3);
  });
});

describe("time to card", () => {
  it("answers median and p90 per day and for the range", async () => {
    const c = await berlinCounter();
    for (let i = 1; i <= 10; i++) await produced(c, "2026-11-30T10:00:00Z", i * 10);
    await produced(c, "2026-12-01T10:00:00Z", 300);
    const rows = await timeToCard({ db, branchId: c.branch.id, from: "2026-11-30", to: "2026-12-01", grain: "day" });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ period: "2026-11-30", cards: 10 });
    expect(rows[0]!.medianSeconds).toBeCloseTo(55, 0);
    expect(rows[0]!.p90Seconds).toBeCloseTo(91, 0);
    expect(rows[1]).toEqual({ period: "2026-12-01", cards: 1, medianSeconds: 300, p90Seconds: 300 });
    expect(rows[2]).toMatchObject({ period: null, cards: 11 });
  });
});

describe("exceptions: still to act on, or handled", () => {
  it("splits failed requests by the rules of lib/issuance/outcome.ts", async () => {
    const c = await berlinCounter();
    const at = new Date("2026-11-30T10:00:00Z");
    const failed = (extra = {}) =>
      makeJob(db, c, {
        state: "production_exception",
        errorCode: "CARD_JAM",
        errorMessage: "Card jammed",
        completedAt: at,
        ...extra,
      });
    const open = await failed();
    const retried = await failed();
    await makeJob(db, c, { retryOfJobId: retried.id, state: "done", completedAt: at });
    const canceled = await failed({ canceledAt: at, state: "submission_failed", errorCode: "bad_request:d1" });
    const moved = await failed({ canceledAt: at });
    await makeJob(db, c, { retryOfJobId: moved.id, state: "requested" });

    const rows = await exceptionsInRange({ db, branchId: c.branch.id, from: "2026-11-30", to: "2026-11-30" });
    const handling = Object.fromEntries(rows.map((r) => [r.id, r.handling]));
    expect(handling).toEqual({
      [open.id]: "needs_action",
      [retried.id]: "retried",
      [canceled.id]: "canceled",
      [moved.id]: "moved",
    });
    // The same answer as the outcome every screen shows.
    for (const r of rows) {
      const retriedAs = r.id === retried.id || r.id === moved.id ? "x" : null;
      const canceledAt = r.id === canceled.id || r.id === moved.id ? at : null;
      expect(r.handling === "needs_action").toBe(needsAction({ state: r.state, canceledAt, retriedAs }));
    }
    expect(rows.find((r) => r.id === open.id)).toMatchObject({
      teller: "Tara Teller",
      station: "Counter printer 1",
      product: c.product.name,
      completedAt: "2026-11-30T10:00:00.000Z",
    });

    const [branch] = (await branchComparison({ db, from: "2026-11-30", to: "2026-11-30" })).filter(
      (b) => b.branchId === c.branch.id,
    );
    expect(branch).toMatchObject({ code: c.branch.code, issued: 1, exceptions: 4, needsAction: 1, spoiled: 0 });
  });
});
