// The card stock the receiver's one statement records: a produced card takes one blank from its
// station once, however often D1 says so; a production exception moves one to the spoiled pile;
// balances are sums of the ledger, which refuses updates and deletes.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { cardProducts, stockLedger, stockTypes } from "@/db/schema";
import { makeCounter, makeJob, makeUser, uniq } from "@/db/testing/factories";
import { stationStock } from "@/lib/stock/labels";
import { applyD1StatusUpdates } from "./job-updates";
import { stationHealth } from "./station-health";
import { branchBalances, insertStockRows, lowStockStations, placeBalance } from "./stock";

let counter: Awaited<ReturnType<typeof makeCounter>>;
let stockTypeId: string;

beforeAll(async () => {
  counter = await makeCounter(db);
  const [type] = await db
    .insert(stockTypes)
    .values({ code: uniq("ST-"), name: `Stock ${uniq()}` })
    .returning();
  stockTypeId = type!.id;
  await db.update(cardProducts).set({ stockTypeId }).where(eq(cardProducts.id, counter.product.id));
  await insertStockRows({
    db,
    rows: [
      {
        branchId: counter.branch.id,
        stockTypeId,
        place: "station",
        stationId: counter.station.id,
        movement: "loaded",
        quantity: 10,
      },
    ],
  });
});

afterAll(async () => {
  await db.$client.end();
});

const update = (cardId: string, d1Status: string, newState: string) => ({
  cardId,
  operationId: uniq("op-"),
  d1Status,
  newState,
});
const station = () =>
  placeBalance({ db, branchId: counter.branch.id, stockTypeId, place: "station", stationId: counter.station.id });
const spoiled = () => placeBalance({ db, branchId: counter.branch.id, stockTypeId, place: "spoiled" });
const rowsOf = (jobId: string) => db.select().from(stockLedger).where(eq(stockLedger.jobId, jobId));

describe("stock in the receiver's statement", () => {
  it("a produced card takes one card from its station, once, even when D1 repeats it", async () => {
    const before = await station();
    const job = await makeJob(db, counter, { state: "ready" });
    const done = update(job.cardId, "CARD_PROD_DONE", "done");
    await applyD1StatusUpdates({ db, updates: [done] });
    // The same notification again, and the same status under another operation id.
    await applyD1StatusUpdates({ db, updates: [done] });
    await applyD1StatusUpdates({ db, updates: [update(job.cardId, "CARD_PROD_DONE", "done")] });
    expect(await station()).toBe(before - 1);
    expect(await rowsOf(job.id)).toMatchObject([{ place: "station", movement: "produced", quantity: -1 }]);
  });

  it("a production exception moves one card from the station to the spoiled pile, once", async () => {
    const [before, pile] = [await station(), await spoiled()];
    const job = await makeJob(db, counter, { state: "requested" });
    const jam = { ...update(job.cardId, "CARD_PROD_EXCEPTION", "production_exception"), reason: "jam" };
    await applyD1StatusUpdates({ db, updates: [jam] });
    await applyD1StatusUpdates({ db, updates: [{ ...jam, operationId: uniq("op-") }] });
    expect(await station()).toBe(before - 1);
    expect(await spoiled()).toBe(pile + 1);
    const rows = await rowsOf(job.id);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.spoilReason === "production_exception" && r.movement === "spoiled")).toBe(true);
    expect(rows[0]!.transferId).toBe(rows[1]!.transferId);
  });

  it("a card printed after a cancel is produced and goes to the spoiled pile", async () => {
    const [before, pile] = [await station(), await spoiled()];
    const job = await makeJob(db, counter, { state: "canceled", canceledAt: new Date(), destroyIfProduced: true });
    await applyD1StatusUpdates({ db, updates: [update(job.cardId, "CARD_PROD_DONE", "done")] });
    expect(await station()).toBe(before - 1);
    expect(await spoiled()).toBe(pile + 1);
  });

  it("does not count cards of a product without a stock type, nor a data exception", async () => {
    const other = await makeCounter(db);
    const job = await makeJob(db, other, { state: "ready" });
    await applyD1StatusUpdates({ db, updates: [update(job.cardId, "CARD_PROD_DONE", "done")] });
    expect(await rowsOf(job.id)).toEqual([]);
    const bad = await makeJob(db, counter, { state: "requested" });
    await applyD1StatusUpdates({ db, updates: [update(bad.cardId, "CARD_DATA_EXCEPTION", "data_exception")] });
    expect(await rowsOf(bad.id)).toEqual([]);
  });
});

describe("the ledger", () => {
  it("balances are sums per place, and rows can be neither changed nor deleted", async () => {
    const c = await makeCounter(db);
    await insertStockRows({
      db,
      rows: [
        { branchId: c.branch.id, stockTypeId, place: "vault", movement: "received", quantity: 500 },
        { branchId: c.branch.id, stockTypeId, place: "vault", movement: "loaded", quantity: -100 },
        {
          branchId: c.branch.id,
          stockTypeId,
          place: "station",
          stationId: c.station.id,
          movement: "loaded",
          quantity: 100,
        },
        {
          branchId: c.branch.id,
          stockTypeId,
          place: "station",
          stationId: c.station.id,
          movement: "produced",
          quantity: -5,
        },
      ],
    });
    const balances = await branchBalances({ db, branchId: c.branch.id });
    expect(balances.map((b) => [b.place, b.balance]).sort()).toEqual([
      ["station", 95],
      ["vault", 400],
    ]);
    await expect(
      db.execute(sql`update stock_ledger set quantity = 1 where branch_id = ${c.branch.id}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from stock_ledger where branch_id = ${c.branch.id}`)).rejects.toThrow();
  });

  it("refuses the same person as both signers", async () => {
    const c = await makeCounter(db);
    const manager = await makeUser(db, "manager", c.branch.id);
    await expect(
      insertStockRows({
        db,
        rows: [
          {
            branchId: c.branch.id,
            stockTypeId,
            place: "vault",
            movement: "received",
            quantity: 5,
            actorId: manager.id,
            secondActorId: manager.id,
          },
        ],
      }),
    ).rejects.toThrow();
  });
});

describe("a station's blank cards in the health query", () => {
  it("carries the balance per stock type and the threshold; the picker warns below it and hides at zero", async () => {
    const [row] = (await stationHealth({ db, training: false, branchId: counter.branch.id })).filter(
      (s) => s.id === counter.station.id,
    );
    const balance = await station();
    expect(row).toMatchObject({ lowStockThreshold: 20, stock: [{ stockTypeId, balance }] });
    expect(stationStock(row!, stockTypeId)).toEqual({ balance, low: true, empty: balance <= 0 });
    expect(stationStock({ stock: [], lowStockThreshold: 5 }, stockTypeId)).toEqual({
      balance: 0,
      low: true,
      empty: true,
    });
    expect(stationStock({ stock: [{ stockTypeId, balance: 50 }], lowStockThreshold: 20 }, stockTypeId)?.low).toBe(
      false,
    );
    expect(stationStock(row!, null)).toBeNull();
  });
});

describe("the board's low-stock list", () => {
  it("lists enabled stations below their threshold for a stock the branch's products use", async () => {
    const c = await makeCounter(db);
    await db.update(cardProducts).set({ stockTypeId }).where(eq(cardProducts.id, c.product.id));
    const load = (quantity: number) =>
      insertStockRows({
        db,
        rows: [
          {
            branchId: c.branch.id,
            stockTypeId,
            place: "station",
            stationId: c.station.id,
            movement: "loaded",
            quantity,
          },
        ],
      });
    expect(await lowStockStations({ db, branchId: c.branch.id })).toMatchObject([
      { stationId: c.station.id, balance: 0, threshold: 20 },
    ]);
    await load(7);
    expect(await lowStockStations({ db, branchId: c.branch.id })).toMatchObject([{ balance: 7 }]);
    await load(13);
    expect(await lowStockStations({ db, branchId: c.branch.id })).toEqual([]);
  });
});
