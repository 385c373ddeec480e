import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { makeCounter, makeJob, makeStation } from "@/db/testing/factories";
import { stationHealth } from "./station-health";
import { countOpenJobs } from "./stations";

const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);

describe("station health", () => {
  afterAll(() => db.$client.end());

  it("reports last success, queue depth, median time to card and last hour's exceptions by reason", async () => {
    const counter = await makeCounter(db);
    const idle = await makeStation(db, counter.branch.id, { label: "Idle" });
    // Three cards done in 60, 120 and 300 seconds; the median is 120.
    for (const [created, took] of [
      [900, 60],
      [800, 120],
      [700, 300],
    ] as const) {
      await makeJob(db, counter, { state: "done", createdAt: ago(created), completedAt: ago(created - took) });
    }
    await makeJob(db, counter, {
      state: "production_exception",
      errorCode: "CARD_JAM",
      createdAt: ago(600),
      completedAt: ago(590),
    });
    await makeJob(db, counter, {
      state: "production_exception",
      errorCode: "CARD_JAM",
      createdAt: ago(500),
      completedAt: ago(490),
    });
    await makeJob(db, counter, { state: "data_exception", createdAt: ago(400), completedAt: ago(399) });
    // An exception two hours ago is not "in the last hour".
    await makeJob(db, counter, {
      state: "submission_failed",
      errorCode: "OLD",
      createdAt: ago(7300),
      completedAt: ago(7200),
    });
    await makeJob(db, counter, { state: "requested" });
    await makeJob(db, counter, { state: "submitting" });

    const health = await stationHealth({ db, branchId: counter.branch.id });
    expect(health.map((s) => s.id)).toEqual([counter.station.id, idle.id]); // default first
    const main = health[0]!;
    expect(main.queueDepth).toBe(2);
    expect(main.medianSeconds).toBeCloseTo(120, 0);
    expect(main.cardsLast24h).toBe(3);
    expect(Date.parse(main.lastSuccessAt!)).toBeCloseTo(ago(400).getTime(), -4);
    expect(main.exceptionsLastHour).toEqual([
      { reason: "CARD_JAM", count: 2 },
      { reason: "data_exception", count: 1 },
    ]);
    expect(health[1]).toMatchObject({
      queueDepth: 0,
      medianSeconds: null,
      lastSuccessAt: null,
      exceptionsLastHour: [],
    });
    expect(await countOpenJobs({ db, stationId: counter.station.id })).toBe(2);
  });

  it("never lets a disabled station be the default (database check)", async () => {
    const counter = await makeCounter(db);
    await expect(
      db.execute(sql`update stations set enabled = false where id = ${counter.station.id}`),
    ).rejects.toThrow();
  });
});
