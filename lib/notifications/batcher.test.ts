// The batcher's isolation: when a shared statement fails, each notification in it is applied
// again on its own, so a bad one fails alone and the others commit. The statement is replaced
// by a stand-in that refuses any batch holding the poison card, like PostgreSQL refusing a NUL.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { D1StatusUpdate } from "@/db/queries/job-updates";

const calls = vi.hoisted(() => ({ batches: [] as string[][], unavailable: false }));
vi.mock("@/db", () => ({ db: {} }));
vi.mock("@/db/queries/job-updates", () => ({
  applyD1StatusUpdates: async ({ updates }: { updates: D1StatusUpdate[] }) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    calls.batches.push(updates.map((u) => u.cardId));
    if (calls.unavailable) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    if (updates.some((u) => u.cardId === "poison")) throw new Error("unsupported Unicode escape sequence");
    return { recorded: updates.length, applied: updates.length, unknownCards: [] };
  },
}));

const { applyBatched } = await import("./batcher");
const { metrics } = await import("@/lib/metrics/registry");
const applied = async () =>
  (await metrics.notificationOperations.get()).values.find((v) => v.labels.outcome === "applied")?.value ?? 0;
const update = (cardId: string): D1StatusUpdate => ({
  cardId,
  operationId: `op-${cardId}`,
  d1Status: "CARD_PROD_DONE",
  newState: "done",
});

describe("notification batcher", () => {
  beforeEach(() => {
    calls.batches = [];
    calls.unavailable = false;
  });

  it("fails only the notification that breaks a shared statement; the others commit", async () => {
    const cards = ["a", "b", "poison", "c", "d"];
    const results = await Promise.allSettled(cards.map((c) => applyBatched([update(c)])));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    // "a" went alone; b…d arrived meanwhile and shared one statement, which failed, then each alone.
    expect(calls.batches).toEqual([["a"], ["b", "poison", "c", "d"], ["b"], ["poison"], ["c"], ["d"]]);
  });

  it("does not retry one by one when the database itself is unavailable", async () => {
    calls.unavailable = true;
    const results = await Promise.allSettled(["a", "b", "c"].map((c) => applyBatched([update(c)])));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(calls.batches).toEqual([["a"], ["b", "c"]]);
  });

  it("counts the updates of a shared statement once, not once per notification in it", async () => {
    const before = await applied();
    await Promise.all(["a", "b", "c", "d"].map((c) => applyBatched([update(c)])));
    // "a" alone, then b…d together: four updates applied, four counted.
    expect(calls.batches).toEqual([["a"], ["b", "c", "d"]]);
    expect((await applied()) - before).toBe(4);
  });
});
