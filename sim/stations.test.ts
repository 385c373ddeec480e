import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DevPki } from "./pki";
import type { RunningSimulator } from "./server";
import { DEFAULT_STATIONS } from "./stations";
import {
  d1Client,
  getToken,
  orderBody,
  orderUrl,
  startReceiver,
  startTestSimulator,
  tempPki,
  waitFor,
} from "./test-helpers";
import type { DetailsStatus } from "./types";

const FINAL: DetailsStatus[] = ["CARD_PROD_DONE", "CARD_PROD_EXCEPTION", "DATA_EXCEPTION", "CARD_PROD_CANCELED"];

describe("agent, stations and notifications", () => {
  let pki: DevPki;
  let cleanup: () => Promise<void>;
  let sim: RunningSimulator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let client: ReturnType<typeof d1Client>;
  let auth: Record<string, string>;
  let seq = 0;

  beforeAll(async () => {
    ({ pki, cleanup } = await tempPki());
    receiver = await startReceiver();
    sim = await startTestSimulator(pki, { notify: { baseUrl: receiver.url, baseDelayMs: 5 } });
    client = d1Client(pki);
    auth = { authorization: `Bearer ${await getToken(sim, client, pki)}`, "content-type": "application/json" };
  });
  beforeEach(() => {
    sim.core.reset();
    receiver.calls.length = 0;
  });
  afterAll(async () => {
    await client.close();
    await sim.stop();
    await receiver.close();
    await cleanup();
  });

  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${sim.adminUrl}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  async function order(persoStation = "BR001-PS-01", over: Record<string, unknown> = {}): Promise<string> {
    const cardId = `card-${++seq}`;
    const reply = await client.call("POST", orderUrl(sim, cardId), {
      headers: auth,
      body: JSON.stringify(await orderBody(pki, { persoStation, issuerRequestId: `req-${seq}`, ...over })),
    });
    expect(reply.status).toBe(202);
    return cardId;
  }
  const finalOf = (cardId: string) =>
    waitFor(
      () => receiver.operations().find((o) => o.cardId === cardId && FINAL.includes(o.details.status)),
      5000,
      `final status of ${cardId}`,
    );

  it("has exactly the default stations", () => {
    expect(sim.core.stations.list().map((s) => [s.persoStation, s.branchCode])).toEqual([
      ["BR001-PS-01", "BR001"],
      ["BR001-PS-02", "BR001"],
      ["BR001-PS-03", "BR001"],
      ["BR002-PS-01", "BR002"],
      ["BR002-PS-02", "BR002"],
    ]);
    expect(DEFAULT_STATIONS).toHaveLength(5);
  });

  it("notifies REQUESTED → READY → DONE to the issuer and drops the card data", async () => {
    const cardId = await order();
    const done = await finalOf(cardId);
    expect(receiver.statusesFor(cardId)).toEqual(["CARD_PROD_REQUESTED", "CARD_PROD_READY", "CARD_PROD_DONE"]);
    const ops = receiver.operations().filter((o) => o.cardId === cardId);
    expect(ops.map((o) => o.status)).toEqual(["PENDING", "PENDING", "SUCCESSFUL"]);
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(1);
    expect(done).toMatchObject({
      operation: "PRODUCE",
      issuerRequestId: expect.stringMatching(/^req-/),
      endTime: expect.any(String),
    });
    expect(receiver.calls[0]?.path).toBe("/notifications/d1/v2/issuers/ISSUER0001/cards");
    expect(JSON.stringify(receiver.calls.map((c) => c.body))).not.toContain("4111111111111111");
    expect(sim.core.orders.get(cardId)?.cardData).toBeUndefined();
  });

  it.each([
    ["jam", "CARD_PROD_EXCEPTION", "jam", "SIM_CARD_JAM"],
    ["chipWriteFail", "CARD_PROD_EXCEPTION", "chip write failure", "SIM_CHIP_WRITE_FAILURE"],
    ["outOfStock", "CARD_PROD_EXCEPTION", "out of stock", "SIM_OUT_OF_STOCK"],
    ["dataException", "DATA_EXCEPTION", "invalid personalization data", "SIM_DATA_EXCEPTION"],
  ])("a %s fault fails the next card with %s", async (kind, status, reason, errorCode) => {
    expect((await admin("POST", "/stations/BR001-PS-02/faults", { kind, count: 1 })).status).toBe(201);
    const failed = await order("BR001-PS-02");
    expect(await finalOf(failed)).toMatchObject({
      status: "FAILED",
      details: { status, reason },
      errorCode,
      error: expect.any(String),
      endTime: expect.any(String),
    });
    expect(sim.core.orders.get(failed)?.cardData).toBeUndefined();
    const next = await order("BR001-PS-02");
    expect((await finalOf(next)).details.status).toBe("CARD_PROD_DONE");
  });

  it("fails with out of stock when the station has no blank cards for the product, and counts stock down", async () => {
    await admin("PATCH", "/stations/BR002-PS-01", { stock: { DEBIT_CLASSIC: 1 } });
    const first = await order("BR002-PS-01");
    expect((await finalOf(first)).details.status).toBe("CARD_PROD_DONE");
    const second = await order("BR002-PS-01");
    expect(await finalOf(second)).toMatchObject({ details: { status: "CARD_PROD_EXCEPTION", reason: "out of stock" } });
    expect(receiver.statusesFor(second)).toEqual(["CARD_PROD_REQUESTED", "CARD_PROD_READY", "CARD_PROD_EXCEPTION"]);
    expect(sim.core.stations.get("BR002-PS-01")?.stock).toEqual({ DEBIT_CLASSIC: 0 });
  });

  it("accepts orders for an OFFLINE station, then fails them with station offline", async () => {
    await admin("PATCH", "/stations/BR002-PS-02", { state: "OFFLINE" });
    const cardId = await order("BR002-PS-02");
    expect(await finalOf(cardId)).toMatchObject({
      status: "FAILED",
      details: { status: "CARD_PROD_EXCEPTION", reason: "station offline" },
    });
    expect(receiver.statusesFor(cardId)).toEqual(["CARD_PROD_REQUESTED", "CARD_PROD_EXCEPTION"]);
    expect(sim.core.orders.counters.productionsStarted[cardId]).toBeUndefined();
  });

  it("resumes queued cards when an OFFLINE station comes back before the timeout", async () => {
    await admin("PATCH", "/stations/BR002-PS-02", { state: "OFFLINE", timings: { offlineTimeoutMs: 60_000 } });
    const cardId = await order("BR002-PS-02");
    await waitFor(() => receiver.statusesFor(cardId).length === 1, 2000, "REQUESTED");
    await admin("PATCH", "/stations/BR002-PS-02", { state: "ONLINE" });
    expect((await finalOf(cardId)).details.status).toBe("CARD_PROD_DONE");
  });

  it("works one card at a time in FIFO order", async () => {
    const cards = [await order("BR001-PS-03"), await order("BR001-PS-03"), await order("BR001-PS-03")];
    for (const c of cards) await finalOf(c);
    const sequence = receiver
      .operations()
      .filter((o) => cards.includes(o.cardId) && o.details.status !== "CARD_PROD_REQUESTED")
      .map((o) => `${o.cardId}:${o.details.status}`);
    expect(sequence).toEqual(cards.flatMap((c) => [`${c}:CARD_PROD_READY`, `${c}:CARD_PROD_DONE`]));
  });

  it("cancels a queued card with CARD_PROD_CANCELED and refuses to cancel a finished one", async () => {
    await admin("PATCH", "/stations/BR001-PS-01", { timings: { readyMs: 150, doneMs: 200 } });
    const busy = await order("BR001-PS-01");
    const queued = await order("BR001-PS-01");
    const cancel = await admin("POST", `/orders/${queued}/cancel`);
    expect(cancel.status).toBe(200);
    expect(await finalOf(queued)).toMatchObject({
      status: "FAILED",
      details: { status: "CARD_PROD_CANCELED" },
      errorCode: "SIM_CARD_PROD_CANCELED",
    });
    expect((await finalOf(busy)).details.status).toBe("CARD_PROD_DONE");
    expect(sim.core.orders.counters.productionsStarted[queued]).toBeUndefined();
    expect((await admin("POST", `/orders/${busy}/cancel`)).status).toBe(409);
  });

  it("fails cards on a station in ERROR state", async () => {
    await admin("PATCH", "/stations/BR001-PS-01", { state: "ERROR" });
    const cardId = await order("BR001-PS-01");
    expect(await finalOf(cardId)).toMatchObject({
      details: { status: "CARD_PROD_EXCEPTION", reason: "station error" },
    });
  });
});

describe("manual stations driven through the control API", () => {
  it("lets a test pull the job and report READY, DONE or an exception step by step", async () => {
    const { pki, cleanup } = await tempPki();
    const receiver = await startReceiver();
    const sim = await startTestSimulator(pki, {
      notify: { baseUrl: receiver.url },
      stations: [{ persoStation: "KIOSK-PS-101", branchCode: "K1", manual: true }],
    });
    const client = d1Client(pki);
    const auth = { authorization: `Bearer ${await getToken(sim, client, pki)}`, "content-type": "application/json" };
    const admin = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${sim.adminUrl}${path}`, {
        method,
        headers: { "content-type": "application/json" },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    try {
      for (const cardId of ["m-1", "m-2"]) {
        const body = JSON.stringify(await orderBody(pki, { persoStation: "KIOSK-PS-101", issuerRequestId: cardId }));
        expect((await client.call("POST", orderUrl(sim, cardId), { headers: auth, body })).status).toBe(202);
      }
      expect((await admin("GET", "/stations/KIOSK-PS-101/job")).json.job).toMatchObject({
        cardId: "m-1",
        phase: "taken",
      });
      expect((await admin("POST", "/stations/KIOSK-PS-101/report", { step: "done" })).status).toBe(409);
      expect((await admin("POST", "/stations/KIOSK-PS-101/report", { step: "ready" })).status).toBe(200);
      expect((await admin("POST", "/stations/KIOSK-PS-101/report", { step: "done" })).status).toBe(200);
      await waitFor(
        () => (sim.core.stations.get("KIOSK-PS-101")?.current === "m-2" ? true : undefined),
        2000,
        "next card",
      );
      expect((await admin("POST", "/stations/KIOSK-PS-101/report", { step: "jam" })).status).toBe(200);
      await waitFor(() => receiver.statusesFor("m-2").includes("CARD_PROD_EXCEPTION"), 2000, "jam notified");
      expect(receiver.statusesFor("m-1")).toEqual(["CARD_PROD_REQUESTED", "CARD_PROD_READY", "CARD_PROD_DONE"]);
      expect(receiver.statusesFor("m-2")).toEqual(["CARD_PROD_REQUESTED", "CARD_PROD_EXCEPTION"]);
      expect((await admin("GET", "/stations/KIOSK-PS-101/job")).json.job).toBeNull();
      expect((await admin("POST", "/stations/KIOSK-PS-101/report", { step: "ready" })).status).toBe(409);
    } finally {
      await client.close();
      await sim.stop();
      await receiver.close();
      await cleanup();
    }
  });
});
