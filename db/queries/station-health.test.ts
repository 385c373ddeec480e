import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { stockCounts, stockTypes } from "@/db/schema";
import { makeCounter, makeJob, makeStation, makeUser, uniq } from "@/db/testing/factories";
import { loadStationHealth, loadStationPicks } from "@/lib/board";
import { readStationHealth } from "@/lib/stations/health";
import { stationHealth } from "./station-health";
import { countOpenJobs, setStationEnabled } from "./stations";
import { insertStockRows } from "./stock";

const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);
const health = async (branchId: string) => readStationHealth(await stationHealth({ db, training: false, branchId }));

describe("station health", () => {
  afterAll(() => db.$client.end());

  it("reports last success, queue depth, median time to card and last hour's exceptions in plain words", async () => {
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
    // D1's free text says what happened; the code is D1's (or the simulator's) and never shown.
    for (const at of [600, 500]) {
      await makeJob(db, counter, {
        state: "production_exception",
        errorCode: "SOME_D1_CODE",
        errorMessage: "jam",
        createdAt: ago(at),
        completedAt: ago(at - 10),
      });
    }
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

    const stations = await health(counter.branch.id);
    expect(stations.map((s) => s.id)).toEqual([counter.station.id, idle.id]); // default first
    const main = stations[0]!;
    expect(main.queueDepth).toBe(2);
    expect(main.medianSeconds).toBeCloseTo(120, 0);
    expect(main.cardsLast24h).toBe(3);
    expect(Date.parse(main.lastSuccessAt!)).toBeCloseTo(ago(400).getTime(), -4);
    expect(main.exceptionsLastHour).toEqual([
      { kind: "jam", count: 2 },
      { kind: "card_data", count: 1 },
    ]);
    // Its last failure was D1's data, not the station: the station is not suspected.
    expect(main).toMatchObject({ availability: "ready", lastProblem: { kind: "card_data" } });
    expect(stations[1]).toMatchObject({
      availability: "ready",
      queueDepth: 0,
      medianSeconds: null,
      lastSuccessAt: null,
      lastProblem: null,
      exceptionsLastHour: [],
    });
    expect(await countOpenJobs({ db, stationId: counter.station.id, training: false })).toBe(2);
  });

  it("marks a station likely unavailable after a card failed there, after the healthy ones, until a card succeeds", async () => {
    const counter = await makeCounter(db);
    const spare = await makeStation(db, counter.branch.id, { label: "Spare" });
    await makeJob(db, counter, { state: "done", createdAt: ago(300), completedAt: ago(280) });
    await makeJob(db, counter, {
      state: "production_exception",
      errorMessage: "station offline",
      createdAt: ago(200),
      completedAt: ago(120),
    });
    let stations = await health(counter.branch.id);
    // The default jammed: the healthy spare leads.
    expect(stations.map((s) => s.id)).toEqual([spare.id, counter.station.id]);
    expect(stations[1]).toMatchObject({
      availability: "likely_unavailable",
      lastProblem: { kind: "offline" },
    });
    expect(Date.parse(stations[1]!.lastProblem!.at)).toBeCloseTo(ago(120).getTime(), -4);

    await makeJob(db, counter, { state: "done", createdAt: ago(60), completedAt: ago(30) });
    stations = await health(counter.branch.id);
    expect(stations.map((s) => [s.id, s.availability])).toEqual([
      [counter.station.id, "ready"],
      [spare.id, "ready"],
    ]);
  });

  it("clears the mark when the manager enables the station again, and lists disabled stations last", async () => {
    const counter = await makeCounter(db);
    const other = await makeStation(db, counter.branch.id, { label: "Other" });
    const job = { ...counter, station: other };
    await makeJob(db, job, {
      state: "production_exception",
      errorMessage: "out of stock",
      createdAt: ago(100),
      completedAt: ago(90),
    });
    expect((await health(counter.branch.id))[1]).toMatchObject({
      id: other.id,
      availability: "likely_unavailable",
      lastProblem: { kind: "out_of_stock" },
    });
    await setStationEnabled({ db, id: other.id, enabled: false });
    expect((await health(counter.branch.id))[1]).toMatchObject({ id: other.id, availability: "disabled" });
    await setStationEnabled({ db, id: other.id, enabled: true });
    expect((await health(counter.branch.id))[1]).toMatchObject({ id: other.id, availability: "ready" });
  });

  it("gives the teller's picker, in one query, what the manager's read gives for the enabled stations", async () => {
    const counter = await makeCounter(db);
    const branchId = counter.branch.id;
    const [type] = await db
      .insert(stockTypes)
      .values({ code: uniq("ST-"), name: "Pick blank PVC" })
      .returning();
    const jammed = await makeStation(db, branchId, { label: "Jammed", location: "Back office" });
    const held = await makeStation(db, branchId, { label: "Held" });
    const cleared = await makeStation(db, branchId, { label: "Cleared" });
    const off = await makeStation(db, branchId, { label: "Off" });
    await makeJob(db, counter, { state: "done", createdAt: ago(900), completedAt: ago(880) });
    await makeJob(db, counter, { state: "requested" });
    await makeJob(
      db,
      { ...counter, station: jammed },
      {
        state: "production_exception",
        errorMessage: "jam",
        createdAt: ago(300),
        completedAt: ago(290),
      },
    );
    await makeJob(
      db,
      { ...counter, station: cleared },
      {
        state: "production_exception",
        errorMessage: "station offline",
        createdAt: ago(300),
        completedAt: ago(290),
      },
    );
    await setStationEnabled({ db, id: off.id, enabled: false });
    await setStationEnabled({ db, id: cleared.id, enabled: true });
    const station = (stationId: string, quantity: number) => ({
      branchId,
      stockTypeId: type!.id,
      place: "station" as const,
      stationId,
      movement: "loaded" as const,
      quantity,
    });
    await insertStockRows({ db, rows: [station(counter.station.id, 30), station(jammed.id, 3), station(off.id, 9)] });
    // An end-of-day difference of an earlier day, not explained: the station is held (and listed last).
    await db.insert(stockCounts).values({
      branchId,
      stockTypeId: type!.id,
      businessDate: "2026-01-05",
      place: "station",
      stationId: held.id,
      expected: 10,
      counted: 9,
      countedBy: counter.teller.id,
      confirmedBy: (await makeUser(db, "manager", branchId)).id,
    });

    const picks = (await loadStationPicks(branchId, false)).stations;
    const full = (await loadStationHealth(branchId, false)).stations.filter((s) => s.enabled);
    const picked = full.map((s) => Object.fromEntries(Object.keys(picks[0]!).map((k) => [k, s[k as keyof typeof s]])));
    expect(picks).toEqual(picked);
    expect(picks.map((s) => s.id)).not.toContain(off.id);
    expect(picks.at(-1)).toMatchObject({ id: held.id, unbalancedSince: "2026-01-05" });
    expect(picks.find((s) => s.id === jammed.id)).toMatchObject({
      availability: "likely_unavailable",
      stock: [{ stockTypeId: type!.id, name: "Pick blank PVC", balance: 3 }],
    });
    expect(picks.find((s) => s.id === cleared.id)).toMatchObject({
      availability: "ready",
      lastProblem: { kind: "offline" },
    });
    expect(picks.find((s) => s.id === counter.station.id)).toMatchObject({ queueDepth: 1, stock: [{ balance: 30 }] });
  });

  it("never lets a disabled station be the default (database check)", async () => {
    const counter = await makeCounter(db);
    await expect(
      db.execute(sql`update stations set enabled = false where id = ${counter.station.id}`),
    ).rejects.toThrow();
  });
});
