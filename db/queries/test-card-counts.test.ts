// A new station's test card is no customer's card: the board's numbers and latest requests and the
// reports' cards, times and exceptions leave it out, so that they agree with each other; it shows
// only in spoilage, under its own reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { makeCounter, makeJob } from "@/db/testing/factories";
import { branchJobs, openJobCount } from "./branch-jobs";
import { branchStats } from "./branch-stats";
import { branchToday, cardsIssued, exceptionsInRange, timeToCard } from "./reports";

afterAll(() => db.$client.end());

let counter: Awaited<ReturnType<typeof makeCounter>>;
let customerJob: string;
const test = { customerId: null, purpose: "station_test" as const, nameOnCard: "TEST CARD" };

beforeAll(async () => {
  counter = await makeCounter(db);
  const done = { state: "done" as const, completedAt: new Date() };
  customerJob = (await makeJob(db, counter, done)).id;
  await makeJob(db, counter, { ...test, ...done });
  await makeJob(db, counter, { ...test, state: "submission_failed", completedAt: new Date() });
  await makeJob(db, counter, { ...test, state: "requested" });
});

describe("test cards in the numbers", () => {
  it("are not on the board", async () => {
    const stats = await branchStats({ db, training: false, branchId: counter.branch.id });
    expect(stats.today).toMatchObject({ issued: 1, exceptions: 0, needsAction: 0 });
    expect(
      (await branchJobs({ db, training: false, branchId: counter.branch.id, limit: 50 })).map((j) => j.id),
    ).toEqual([customerJob]);
    expect(await openJobCount({ db, training: false, branchId: counter.branch.id })).toBe(0);
  });

  it("are not in the reports' cards, times or exceptions", async () => {
    const today = await branchToday({ db, branchId: counter.branch.id });
    const range = { db, branchId: counter.branch.id, from: today, to: today, grain: "day" as const };
    const issued = await cardsIssued({ ...range, by: "station" });
    expect(issued.reduce((n, r) => n + r.count, 0)).toBe(1);
    expect((await timeToCard(range)).find((r) => r.period === null)?.cards).toBe(1);
    expect(await exceptionsInRange(range)).toEqual([]);
  });
});
