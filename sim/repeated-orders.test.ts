// The simulator's answers to a second order for a cardId it already holds, one per mode (D1 does
// not publish its own, §13), set by SIM_REPEATED_ORDERS or the control API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadSimEnv } from "./env";
import type { DevPki } from "./pki";
import type { RunningSimulator } from "./server";
import {
  d1Client,
  getToken,
  orderBody,
  orderUrl,
  startTestSimulator,
  statusUrl,
  tempPki,
  waitFor,
} from "./test-helpers";

describe("repeated orders", () => {
  let pki: DevPki;
  let cleanup: () => Promise<void>;
  let sim: RunningSimulator;
  let client: ReturnType<typeof d1Client>;
  let auth: Record<string, string>;
  let seq = 0;
  const nextCard = () => `rep-${Date.now()}-${++seq}`;

  beforeAll(async () => {
    ({ pki, cleanup } = await tempPki());
    sim = await startTestSimulator(pki);
    client = d1Client(pki);
    auth = { authorization: `Bearer ${await getToken(sim, client, pki)}`, "content-type": "application/json" };
  });
  beforeEach(() => sim.core.reset());
  afterAll(async () => {
    await client.close();
    await sim.stop();
    await cleanup();
  });

  const post = async (cardId: string) =>
    client.call("POST", orderUrl(sim, cardId), { headers: auth, body: JSON.stringify(await orderBody(pki)) });
  const setMode = (mode: string) =>
    fetch(`${sim.adminUrl}/faults/repeated-orders`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ mode }),
    });
  const done = (cardId: string) =>
    waitFor(() => sim.core.orders.get(cardId)?.latest.details.status === "CARD_PROD_DONE", 5000, "card done");

  it("answers a repeat with 409 in conflict mode and 400 FIELD_INVALID_VALUE cardId in bad_request mode", async () => {
    expect((await setMode("conflict")).status).toBe(200);
    const a = nextCard();
    expect((await post(a)).status).toBe(202);
    expect((await post(a)).status).toBe(409);

    expect((await setMode("bad_request")).status).toBe(200);
    const b = nextCard();
    expect((await post(b)).status).toBe(202);
    const repeat = await post(b);
    expect(repeat.status).toBe(400);
    expect(repeat.json).toEqual({ errorCode: "FIELD_INVALID_VALUE", error: "cardId" });

    const counters = sim.core.orders.counters;
    expect(counters.ordersRepeated).toBe(2);
    // Production starts when the station takes the order from its queue, a moment after the 202.
    await Promise.all([done(a), done(b)]);
    expect(counters.productionsStarted[a]).toBe(1);
    expect(counters.productionsStarted[b]).toBe(1);
  });

  it("produces a second card in duplicate mode, and E3 then shows the second operation", async () => {
    await setMode("duplicate");
    const cardId = nextCard();
    const first = (await post(cardId)).json as { operationId: string };
    const second = await post(cardId);
    expect(second.status).toBe(202);
    const secondId = (second.json as { operationId: string }).operationId;
    expect(secondId).not.toBe(first.operationId);
    await done(cardId);
    await waitFor(() => sim.core.orders.counters.productionsStarted[cardId] === 2, 5000, "second production");
    expect(sim.core.orders.counters.productionsStartedByIssuerRequestId["req-0001"]).toBe(2);
    const status = await client.call("GET", statusUrl(sim, cardId), { headers: auth });
    expect((status.json as { operations: { operationId: string }[] }).operations[0]?.operationId).toBe(secondId);
  });

  it("goes back to the configured mode on reset and refuses an unknown mode", async () => {
    await setMode("conflict");
    sim.core.reset();
    expect(sim.core.repeatedOrders.mode).toBe("original");
    expect((await setMode("twice")).status).toBe(400);
    const cardId = nextCard();
    const first = await post(cardId);
    expect((await post(cardId)).json).toEqual(first.json);
  });

  it("reads the mode from SIM_REPEATED_ORDERS", () => {
    expect(loadSimEnv({}).SIM_REPEATED_ORDERS).toBe("original");
    expect(loadSimEnv({ SIM_REPEATED_ORDERS: "duplicate" }).SIM_REPEATED_ORDERS).toBe("duplicate");
    expect(() => loadSimEnv({ SIM_REPEATED_ORDERS: "twice" })).toThrow(/SIM_REPEATED_ORDERS/);
  });
});
