import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { makeCounter, makeJob } from "@/db/testing/factories";
import { branchJobs, openJobCount } from "./branch-jobs";
import { exceptionsInWords } from "@/lib/issuance/station-problems";
import { branchStats } from "./branch-stats";

const DAY = 86_400_000;

describe("branch board numbers", () => {
  afterAll(() => db.$client.end());

  it("counts today and the last 7 days with median, p90 and exceptions by reason", async () => {
    const counter = await makeCounter(db);
    const now = Date.now();
    // Today (UTC branch): ten cards taking 10..100 seconds.
    for (let i = 1; i <= 10; i++) {
      await makeJob(db, counter, {
        state: "done",
        createdAt: new Date(now - 60_000 - i * 10_000),
        completedAt: new Date(now - 60_000),
      });
    }
    await makeJob(db, counter, {
      state: "production_exception",
      errorCode: "CARD_JAM",
      errorMessage: "Card jammed in the personalization station",
      createdAt: new Date(now - 5000),
      completedAt: new Date(now - 4000),
    });
    // Three days ago: one card and one data exception; ten days ago: ignored.
    await makeJob(db, counter, {
      state: "done",
      createdAt: new Date(now - 3 * DAY - 200_000),
      completedAt: new Date(now - 3 * DAY),
    });
    await makeJob(db, counter, {
      state: "data_exception",
      createdAt: new Date(now - 3 * DAY),
      completedAt: new Date(now - 3 * DAY + 1000),
    });
    await makeJob(db, counter, {
      state: "done",
      createdAt: new Date(now - 10 * DAY),
      completedAt: new Date(now - 10 * DAY),
    });
    await makeJob(db, counter, { state: "ready" });

    const stats = await branchStats({ db, training: false, branchId: counter.branch.id });
    expect(stats.days).toHaveLength(7);
    expect(stats.days.at(-1)?.issued).toBe(10);
    // The facts lib/board.ts puts in plain words (the raw code kept for the tooltip).
    expect(stats.today).toMatchObject({
      issued: 10,
      exceptions: 1,
      byReason: [
        {
          state: "production_exception",
          errorCode: "CARD_JAM",
          errorMessage: "Card jammed in the personalization station",
          count: 1,
        },
      ],
    });
    expect(stats.today.medianSeconds).toBeCloseTo(55, 0);
    expect(stats.today.p90Seconds).toBeCloseTo(91, 0);
    expect(stats.week).toMatchObject({ issued: 11, exceptions: 2 });
    expect(exceptionsInWords(stats.week.byReason)).toEqual([
      // A tie in the kinds' fixed order (the same in every language), not by English words.
      { kind: "jam", codes: ["CARD_JAM"], count: 1 },
      { kind: "card_data", codes: ["data_exception"], count: 1 },
    ]);
    expect(stats.days.reduce((n, d) => n + d.issued, 0)).toBe(11);
    expect(await openJobCount({ db, training: false, branchId: counter.branch.id })).toBe(1);
    const jobs = await branchJobs({ db, training: false, branchId: counter.branch.id, limit: 5 });
    expect(jobs).toHaveLength(5);
    expect(jobs[0]).toMatchObject({ state: "ready", station: counter.station.label, product: counter.product.name });
  });

  it("gathers different codes of one kind under its words, never showing a code as the reason", async () => {
    const counter = await makeCounter(db);
    const at = new Date(Date.now() - 1000);
    for (const [errorCode, errorMessage] of [
      ["SOME_JAM", "Card jammed in the personalization station"],
      ["OTHER_JAM", "jam at the feeder"],
      ["bad_request:d1", "D1 refused the order"],
    ] as const) {
      await makeJob(db, counter, {
        state: errorCode === "bad_request:d1" ? "submission_failed" : "production_exception",
        errorCode,
        errorMessage,
        createdAt: at,
        completedAt: at,
      });
    }
    // One of the jams was retried: an exception still, but no longer one to act on.
    const [jam] = await branchJobs({ db, training: false, branchId: counter.branch.id, limit: 3 }).then((jobs) =>
      jobs.filter((j) => j.errorCode === "SOME_JAM"),
    );
    await makeJob(db, counter, { retryOfJobId: jam!.id, state: "requested" });
    const { today } = await branchStats({ db, training: false, branchId: counter.branch.id });
    expect(today).toMatchObject({ exceptions: 3, needsAction: 2 });
    expect(exceptionsInWords(today.byReason)).toEqual([
      {
        kind: "jam",
        codes: expect.arrayContaining(["SOME_JAM", "OTHER_JAM"]) as string[],
        count: 2,
      },
      { kind: "not_accepted", codes: ["bad_request:d1"], count: 1 },
    ]);
  });

  it("answers zeros for a branch without jobs", async () => {
    const counter = await makeCounter(db);
    const stats = await branchStats({ db, training: false, branchId: counter.branch.id });
    expect(stats.today).toEqual({
      issued: 0,
      exceptions: 0,
      needsAction: 0,
      medianSeconds: null,
      p90Seconds: null,
      byReason: [],
    });
    expect(stats.days.every((d) => d.issued === 0)).toBe(true);
  });
});
