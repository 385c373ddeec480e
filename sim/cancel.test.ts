// The issuer cancel route (a simulator decision: D1 publishes none) and order faults scoped to
// one station, which let a browser journey break D1 for its own card only.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DevPki } from "./pki";
import type { RunningSimulator } from "./server";
import { d1Client, getToken, ISSUER, orderBody, orderUrl, startTestSimulator, tempPki, waitFor } from "./test-helpers";

describe("issuer cancel", () => {
  let pki: DevPki;
  let cleanup: () => Promise<void>;
  let sim: RunningSimulator;
  let client: ReturnType<typeof d1Client>;
  let auth: Record<string, string>;
  let seq = 0;
  const nextCard = () => `card-c-${Date.now()}-${++seq}`;
  const cancelUrl = (cardId: string) => `${sim.bankingUrl}/issuers/${ISSUER}/physicalCards/${cardId}/operations:cancel`;

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

  const order = async (cardId: string, over: Record<string, unknown> = {}) =>
    client.call("POST", orderUrl(sim, cardId), { headers: auth, body: JSON.stringify(await orderBody(pki, over)) });
  const cancel = (cardId: string) => client.call("POST", cancelUrl(cardId), { headers: auth, body: "{}" });

  it("takes a card waiting at an offline station out of its queue and reports CARD_PROD_CANCELED", async () => {
    const station = sim.core.stations.get("BR001-PS-02")!;
    sim.core.stations.update(station, { state: "OFFLINE", timings: { offlineTimeoutMs: 60_000 } });
    const cardId = nextCard();
    expect((await order(cardId, { persoStation: "BR001-PS-02" })).status).toBe(202);
    expect((await cancel(cardId)).status).toBe(202);
    expect(sim.core.orders.get(cardId)?.latest.details.status).toBe("CARD_PROD_CANCELED");
    // Asked again: the same answer. Back online: nothing to print.
    expect((await cancel(cardId)).status).toBe(202);
    sim.core.stations.update(station, { state: "ONLINE" });
    sim.core.agent.kick(station);
    expect(station.queue).toEqual([]);
    expect(station.produced).toBe(0);
    expect(sim.core.orders.counters.productionsStarted[cardId] ?? 0).toBe(0);
  });

  it("is too late once the station has taken the card (409), and 404 for an unknown card", async () => {
    const cardId = nextCard();
    expect((await order(cardId)).status).toBe(202);
    await waitFor(() => (sim.core.orders.counters.productionsStarted[cardId] ?? 0) > 0, 2000, "production");
    const late = await cancel(cardId);
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ errorCode: "SIM_PRODUCTION_STARTED" });
    expect((await cancel(nextCard())).status).toBe(404);
  });

  it("applies an order fault scoped to a station to that station's orders only", async () => {
    sim.core.orderFaults.add({ mode: "http500", count: 5, persoStation: "BR001-PS-03" });
    expect((await order(nextCard(), { persoStation: "BR001-PS-03" })).status).toBe(500);
    expect((await order(nextCard())).status).toBe(202);
    expect(sim.core.orderFaults.list()[0]?.count).toBe(4);
  });
});
