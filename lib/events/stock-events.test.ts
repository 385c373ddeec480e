// Stock changes over real PostgreSQL LISTEN/NOTIFY (migration 0020_stock_changes_notify): every
// movement and count, whoever writes it, reaches the branch's event streams once, naming the
// branch and the station, so that screens showing stock refetch their figures.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { applyD1StatusUpdates } from "@/db/queries/job-updates";
import { insertCount, setExplanation } from "@/db/queries/stock-count";
import { insertStockRows } from "@/db/queries/stock";
import { cardProducts, stockTypes } from "@/db/schema";
import { makeCounter, makeJob, makeSession, makeStation, makeUser, uniq } from "@/db/testing/factories";
import { env } from "@/lib/env";
import { until as waitUntil } from "@/test-support/until";
import { EventHub, eventHub } from "./listener";
import { branchEventStream } from "./sse";

const until = (probe: () => boolean, what: string) => waitUntil(probe, what, 15_000, 10);

type Change = { branchId: string; stationId: string | null };
let counter: Awaited<ReturnType<typeof makeCounter>>;
let other: Awaited<ReturnType<typeof makeCounter>>;
let second: Awaited<ReturnType<typeof makeUser>>;
let stockTypeId: string;
const hub = new EventHub(env.DATABASE_URL);

beforeAll(async () => {
  counter = await makeCounter(db);
  other = await makeCounter(db);
  second = await makeUser(db, "manager", counter.branch.id);
  const [type] = await db
    .insert(stockTypes)
    .values({ code: uniq("ST-"), name: "Live blank PVC" })
    .returning();
  stockTypeId = type!.id;
  await db.update(cardProducts).set({ stockTypeId }).where(eq(cardProducts.id, counter.product.id));
  await Promise.all([hub.ensureConnected(), eventHub.ensureConnected()]);
});
afterAll(async () => {
  await Promise.all([hub.close(), eventHub.close()]);
  await db.$client.end();
});

/** Every stock change of the branch the hub passes on, in order. */
function watch(branchId: string) {
  const got: Change[] = [];
  const stop = hub.watchStock(branchId, (payload) => got.push(JSON.parse(payload) as Change));
  return { got, stop };
}

const people = () => ({ actorId: counter.teller.id, secondActorId: second.id });
const receive = (quantity: number) =>
  db.transaction((tx) =>
    insertStockRows({
      db: tx,
      rows: [{ branchId: counter.branch.id, stockTypeId, place: "vault", movement: "received", quantity, ...people() }],
    }),
  );

/**
 * Notifications from one session reach a listener in commit order: a receipt committed after the
 * movement under test marks the end of what that movement sent, so "exactly once" needs no sleep.
 */
async function changesOf(movement: () => Promise<unknown>, sub: { got: Change[] }): Promise<Change[]> {
  const from = sub.got.length;
  await movement();
  await receive(1);
  const marker = (c: Change | undefined) => c?.branchId === counter.branch.id && c.stationId === null;
  await until(() => sub.got.length > from && marker(sub.got.at(-1)), "the marker receipt");
  return sub.got.slice(from, -1);
}

describe("stock changes", () => {
  it("a load (two ledger rows) notifies once, with the branch and the station; a receipt names no station", async () => {
    const sub = watch(counter.branch.id);
    const elsewhere = watch(other.branch.id);
    await receive(100);
    await until(() => sub.got.length === 1, "the receipt");
    expect(sub.got).toEqual([{ branchId: counter.branch.id, stationId: null }]);

    const load = () =>
      db.transaction((tx) => {
        const common = {
          branchId: counter.branch.id,
          stockTypeId,
          movement: "loaded" as const,
          transferId: randomUUID(),
        };
        return insertStockRows({
          db: tx,
          rows: [
            { ...common, ...people(), place: "vault", quantity: -40 },
            { ...common, ...people(), place: "station", stationId: counter.station.id, quantity: 40 },
          ],
        });
      });
    expect(await changesOf(load, sub)).toEqual([{ branchId: counter.branch.id, stationId: counter.station.id }]);
    // Another branch's streams hear nothing of it.
    expect(elsewhere.got).toEqual([]);
    sub.stop();
    elsewhere.stop();
  });

  it("a card produced or jammed at a station, recorded from D1's notification, notifies for that station", async () => {
    const sub = watch(counter.branch.id);
    const spare = await makeStation(db, counter.branch.id, { label: "Spare" });
    const produced = await makeJob(db, counter, { state: "ready" });
    const jammed = await makeJob(db, { ...counter, station: spare }, { state: "ready" });
    const changes = await changesOf(
      () =>
        applyD1StatusUpdates({
          db,
          updates: [
            { cardId: produced.cardId, operationId: uniq("op-"), d1Status: "CARD_PRODUCED", newState: "done" },
            {
              cardId: jammed.cardId,
              operationId: uniq("op-"),
              d1Status: "CARD_PROD_EXCEPTION",
              newState: "production_exception",
              reason: "jam",
            },
          ],
        }),
      sub,
    );
    // One statement, two stations: one change each.
    expect(changes).toHaveLength(2);
    expect(changes).toEqual(
      expect.arrayContaining([
        { branchId: counter.branch.id, stationId: counter.station.id },
        { branchId: counter.branch.id, stationId: spare.id },
      ]),
    );
    sub.stop();
  });

  it("an end-of-day count and its explanation notify for the counted station", async () => {
    const sub = watch(counter.branch.id);
    const station = { branchId: counter.branch.id, stationId: counter.station.id };
    let countId = "";
    const count = async () => {
      const row = await insertCount({
        db,
        count: {
          branchId: counter.branch.id,
          stockTypeId,
          businessDate: "2026-01-05",
          place: "station",
          stationId: counter.station.id,
          expected: 40,
          counted: 39,
          countedBy: counter.teller.id,
          confirmedBy: second.id,
        },
      });
      countId = row.id;
    };
    expect(await changesOf(count, sub)).toEqual([station]);
    const explain = () => setExplanation({ db, id: countId, explanation: "one fell", explainedBy: second.id });
    expect(await changesOf(explain, sub)).toEqual([station]);
    sub.stop();
  });

  it("reaches the branch's event stream as a `stock` frame without an id", async () => {
    const session = await makeSession(db, counter.teller);
    const abort = new AbortController();
    const response = branchEventStream(counter.branch.id, null, abort.signal, session);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        text += decoder.decode(value, { stream: true });
      }
    })();
    await until(() => text.includes(": live\n\n"), "the stream to go live");
    await receive(3);
    await until(() => text.includes("event: stock\n"), "the stock frame");
    abort.abort();
    const frame = text.split("\n\n").find((block) => block.startsWith("event: stock"))!;
    const [event, data] = frame.split("\n");
    expect(event).toBe("event: stock");
    expect(JSON.parse(data!.replace(/^data: /, ""))).toEqual({ branchId: counter.branch.id, stationId: null });
  });
});
