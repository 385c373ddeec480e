import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobEvents } from "@/db/schema";
import { makeCounter, makeJob } from "@/db/testing/factories";
import { d1Outage } from "./d1-outage";

const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000);

describe("the branch's view of a D1 outage", () => {
  afterAll(() => db.$client.end());

  it("says since when D1 fails, how many requests wait and when the next try runs; nothing once D1 answers", async () => {
    const counter = await makeCounter(db);
    expect(await d1Outage({ db, training: false, branchId: counter.branch.id })).toBeNull();

    const retry = async (job: { id: string }, at: Date, next: Date) =>
      db.insert(jobEvents).values({
        jobId: job.id,
        branchId: counter.branch.id,
        kind: "submit_retrying",
        state: "submitting",
        detail: { code: "unavailable:d1", attempt: 1, nextAttemptAt: next.toISOString() },
        createdAt: at,
      });
    const first = await makeJob(db, counter, { state: "submitting", errorCode: "unavailable:d1" });
    const second = await makeJob(db, counter, { state: "submitting", errorCode: "unavailable:d1" });
    await retry(first, ago(180), ago(170));
    await retry(first, ago(20), inSeconds(25));
    await retry(second, ago(10), inSeconds(12));
    // The card system being down is not D1 being down.
    await makeJob(db, counter, { state: "submitting", errorCode: "unavailable:card_system" });

    const outage = await d1Outage({ db, training: false, branchId: counter.branch.id });
    expect(outage).toMatchObject({ waiting: 2 });
    expect(Date.parse(outage!.since)).toBeCloseTo(ago(180).getTime(), -3);
    expect(Date.parse(outage!.lastAttemptAt)).toBeCloseTo(ago(10).getTime(), -3);
    // The earliest scheduled try of the requests' latest failures (not the stale one of the first).
    expect(Date.parse(outage!.nextAttemptAt!)).toBeCloseTo(inSeconds(12).getTime(), -3);

    // Another branch sees nothing of it.
    const other = await makeCounter(db);
    expect(await d1Outage({ db, training: false, branchId: other.branch.id })).toBeNull();

    // D1 accepts the orders: the outage is over.
    await db.execute(sql`update issuance_jobs set state = 'requested' where id in (${first.id}, ${second.id})`);
    expect(await d1Outage({ db, training: false, branchId: counter.branch.id })).toBeNull();
  });
});
