// The expected figure of an end-of-day count: opening balance from every earlier day, the day's
// movements split by kind, and days cut at the branch's own midnight (Berlin here, not UTC).
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { makeBranch, makeStation, uniq } from "@/db/testing/factories";
import { stockTypes } from "@/db/schema";
import { insertStockRows } from "./stock";
import { movedSince, placeBalances } from "./stock-count";

afterAll(() => db.$client.end());

async function setUp() {
  const branch = await makeBranch(db, { timezone: "Europe/Berlin" });
  const station = await makeStation(db, branch.id, { label: "Counter printer 1" });
  const [type] = await db
    .insert(stockTypes)
    .values({ code: uniq("ST-"), name: "Visa blank" })
    .returning();
  const add = (at: string, place: "vault" | "station" | "spoiled", movement: string, quantity: number) =>
    insertStockRows({
      db,
      rows: [
        {
          branchId: branch.id,
          stockTypeId: type!.id,
          place,
          stationId: place === "station" ? station.id : null,
          movement: movement as "received",
          quantity,
          at: new Date(at),
        },
      ],
    });
  return { branch, station, type: type!, add };
}

describe("placeBalances", () => {
  it("adds the opening balance and the day's receive, load, produce and spoil per place", async () => {
    const { branch, station, add } = await setUp();
    // 9 March: 500 received, 100 loaded into the station, 3 produced. 23:30 Berlin is still the 9th.
    await add("2026-03-09T09:00:00Z", "vault", "received", 500);
    await add("2026-03-09T10:00:00Z", "vault", "loaded", -100);
    await add("2026-03-09T10:00:00Z", "station", "loaded", 100);
    await add("2026-03-09T22:30:00Z", "station", "produced", -3);
    // 10 March (Berlin): 50 loaded, 5 produced, 1 spoiled at the station.
    await add("2026-03-09T23:30:00Z", "vault", "loaded", -50);
    await add("2026-03-09T23:30:00Z", "station", "loaded", 50);
    for (let i = 0; i < 5; i++) await add("2026-03-10T12:00:00Z", "station", "produced", -1);
    await add("2026-03-10T13:00:00Z", "station", "spoiled", -1);
    await add("2026-03-10T13:00:00Z", "spoiled", "spoiled", 1);
    // 00:30 Berlin on 11 March: not the 10th's.
    await add("2026-03-10T23:30:00Z", "station", "produced", -1);

    const balances = await placeBalances({ db, branchId: branch.id, businessDate: "2026-03-10" });
    expect(balances.map((b) => [b.place, b.opening, b.expected])).toEqual([
      ["vault", 400, 350],
      ["station", 97, 141],
      ["spoiled", 0, 1],
    ]);
    const atStation = balances.find((b) => b.place === "station");
    expect(atStation).toMatchObject({
      stationId: station.id,
      stationLabel: "Counter printer 1",
      stockTypeName: "Visa blank",
    });
    expect(atStation?.movements).toEqual({
      received: 0,
      loaded: 50,
      produced: -5,
      spoiled: -1,
      destroyed: 0,
      corrected: 0,
    });
    // The 9th alone: the row at 23:30 Berlin is in, the one at 00:30 on the 10th is not.
    const ninth = await placeBalances({ db, branchId: branch.id, businessDate: "2026-03-09" });
    expect(ninth.find((b) => b.place === "station")?.expected).toBe(97);
    expect(ninth.find((b) => b.place === "vault")?.expected).toBe(400);
  });

  it("stops at the cut-off, and tells whether stock moved since a moment", async () => {
    const { branch, station, type, add } = await setUp();
    await add("2026-03-10T08:00:00Z", "station", "loaded", 20);
    await add("2026-03-10T15:00:00Z", "station", "produced", -1);
    const until = new Date("2026-03-10T12:00:00Z");
    const [before] = await placeBalances({ db, branchId: branch.id, businessDate: "2026-03-10", until });
    expect(before?.expected).toBe(20);
    const key = { branchId: branch.id, stockTypeId: type.id, place: "station" as const, stationId: station.id };
    expect(await movedSince({ db, ...key, since: until })).toBe(true);
    expect(await movedSince({ db, ...key, since: new Date("2026-03-10T16:00:00Z") })).toBe(false);
  });
});
