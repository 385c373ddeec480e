import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { branches } from "@/db/schema";
import { makeCounter, makeJob } from "@/db/testing/factories";
import { branchStats } from "./branch-stats";
import { notHandedOver } from "./not-handed-over";

let berlin: Awaited<ReturnType<typeof makeCounter>>;
beforeAll(async () => {
  berlin = await makeCounter(db);
  await db
    .update(branches)
    .set({ timezone: "Europe/Berlin", closesAt: "18:00" })
    .where(eq(branches.id, berlin.branch.id));
});
afterAll(() => db.$client.end());

const ids = (cards: Array<{ id: string }>) => cards.map((c) => c.id).sort();

describe("cards produced, not handed over by closing time", () => {
  it("lists earlier days' cards before closing, and today's too once the branch has closed (local time)", async () => {
    // 30 November in Berlin (UTC+1): 10:00 and, the day before, 16:00 local.
    const today = await makeJob(db, berlin, { state: "done", completedAt: new Date("2026-11-30T09:00:00Z") });
    const yesterday = await makeJob(db, berlin, { state: "done", completedAt: new Date("2026-11-29T15:00:00Z") });
    // Handed over, canceled-and-produced (to destroy) and still in production: never listed.
    await makeJob(db, berlin, { state: "handed_over", completedAt: new Date("2026-11-29T15:00:00Z") });
    await makeJob(db, berlin, {
      state: "done",
      destroyIfProduced: true,
      completedAt: new Date("2026-11-29T15:00:00Z"),
    });
    await makeJob(db, berlin, { state: "ready" });

    // 17:30 in Berlin (16:30 UTC): open, so only yesterday's card.
    const open = await notHandedOver({
      db,
      training: false,
      branchId: berlin.branch.id,
      now: new Date("2026-11-30T16:30:00Z"),
    });
    expect(ids(open)).toEqual([yesterday.id]);
    // 18:05 in Berlin (17:05 UTC, still before 18:00 in UTC): closed, both, oldest first.
    const closed = await notHandedOver({
      db,
      training: false,
      branchId: berlin.branch.id,
      now: new Date("2026-11-30T17:05:00Z"),
    });
    expect(closed.map((c) => c.id)).toEqual([yesterday.id, today.id]);
    expect(closed[0]).toMatchObject({ product: berlin.product.name, teller: berlin.teller.name });
    // Just after local midnight, 1 December: today's card is now from an earlier day.
    const night = await notHandedOver({
      db,
      training: false,
      branchId: berlin.branch.id,
      now: new Date("2026-11-30T23:30:00Z"),
    });
    expect(ids(night)).toEqual(ids([yesterday, today]));
  });

  it("shows only the branch's own cards", async () => {
    const other = await makeCounter(db);
    const elsewhere = await makeJob(db, other, { state: "done", completedAt: new Date("2026-11-01T09:00:00Z") });
    const listed = await notHandedOver({
      db,
      training: false,
      branchId: berlin.branch.id,
      now: new Date("2026-12-01T09:00:00Z"),
    });
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.map((c) => c.id)).not.toContain(elsewhere.id);
    expect(
      await notHandedOver({ db, training: false, branchId: other.branch.id, now: new Date("2026-12-01T09:00:00Z") }),
    ).toHaveLength(1);
  });

  it("still counts a handed-over card as issued on the board", async () => {
    const counter = await makeCounter(db);
    const now = Date.now();
    await makeJob(db, counter, {
      state: "done",
      createdAt: new Date(now - 90_000),
      completedAt: new Date(now - 60_000),
    });
    await makeJob(db, counter, {
      state: "handed_over",
      createdAt: new Date(now - 90_000),
      completedAt: new Date(now - 60_000),
    });
    const stats = await branchStats({ db, training: false, branchId: counter.branch.id });
    expect(stats.today.issued).toBe(2);
  });
});
