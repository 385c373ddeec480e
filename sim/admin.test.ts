import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DevPki } from "./pki";
import type { RunningSimulator } from "./server";
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

describe("control API and E2 fault injection", () => {
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
  beforeEach(async () => {
    expect((await admin("POST", "/reset")).status).toBe(200);
  });
  afterAll(async () => {
    await client.close();
    await sim.stop();
    await receiver.close();
    await cleanup();
  });

  async function admin(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${sim.adminUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return {
      status: res.status,
      text,
      json: (res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined) as Record<
        string,
        unknown
      >,
    };
  }
  const post = async (cardId: string, timeoutMs = 5000) =>
    client.call("POST", orderUrl(sim, cardId), {
      headers: auth,
      body: JSON.stringify(await orderBody(pki)),
      timeoutMs,
    });

  it("lists, adds and updates stations, validating input", async () => {
    const list = await admin("GET", "/stations");
    expect((list.json.stations as unknown[]).length).toBe(5);
    const added = await admin("POST", "/stations", {
      persoStation: "BR003-PS-01",
      branchCode: "BR003",
      stock: { DEBIT_CLASSIC: 10 },
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ persoStation: "BR003-PS-01", state: "ONLINE", stock: { DEBIT_CLASSIC: 10 } });
    expect((await admin("POST", "/stations", { persoStation: "BR003-PS-01", branchCode: "BR003" })).status).toBe(409);
    const patched = await admin("PATCH", "/stations/BR003-PS-01", {
      state: "OFFLINE",
      timings: { readyMs: 5 },
      stock: null,
    });
    expect(patched.json).toMatchObject({ state: "OFFLINE", stock: "unlimited", timings: { readyMs: 5 } });
    expect((await admin("PATCH", "/stations/BR003-PS-01", { state: "SLEEPING" })).status).toBe(400);
    expect((await admin("PATCH", "/stations/NOPE", { state: "ONLINE" })).status).toBe(404);
    expect((await admin("POST", "/stations/BR001-PS-01/faults", { kind: "meltdown" })).status).toBe(400);
    await admin("POST", "/reset");
    expect((await admin("GET", "/stations/BR003-PS-01")).status).toBe(404);
  });

  it("keeps a station fault until cleared and removes faults one by one or all at once", async () => {
    const added = await admin("POST", "/stations/BR001-PS-01/faults", { kind: "jam", untilCleared: true });
    expect(added.json).toMatchObject({ faults: [{ kind: "jam", remaining: null }] });
    await admin("POST", "/faults/orders", { mode: "http500", probability: 1 });
    await admin("POST", "/faults/orders", { mode: "http429", count: 1 });
    expect((await admin("DELETE", "/faults/orders/0")).json).toMatchObject({ orders: [{ mode: "http429" }] });
    expect((await admin("DELETE", "/faults/orders/5")).status).toBe(404);
    expect((await admin("DELETE", "/faults/orders/x")).status).toBe(400);
    expect((await admin("DELETE", "/stations/BR001-PS-01/faults/0")).json).toMatchObject({ faults: [] });
    await admin("PATCH", "/stations/BR001-PS-02", { state: "OFFLINE" });
    await admin("POST", "/faults/notifications", { dropNext: 2 });
    expect((await admin("POST", "/faults/clear-all")).status).toBe(200);
    expect((await admin("GET", "/faults")).json).toMatchObject({ orders: [], notifications: { dropNext: 0 } });
    expect((await admin("GET", "/stations/BR001-PS-02")).json).toMatchObject({ state: "ONLINE" });
  });

  it("injects 500 for the next request only", async () => {
    expect((await admin("POST", "/faults/orders", { mode: "http500", count: 1 })).status).toBe(201);
    const failed = await post(`c-${++seq}`);
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({ errorCode: "SIM_INTERNAL_ERROR" });
    expect((await post(`c-${++seq}`)).status).toBe(202);
  });

  it("injects 429 with Retry-After", async () => {
    await admin("POST", "/faults/orders", { mode: "http429", count: 2, retryAfterSeconds: 7 });
    const limited = await post(`c-${++seq}`);
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("7");
    expect((await post(`c-${++seq}`)).status).toBe(429);
    expect((await post(`c-${++seq}`)).status).toBe(202);
  });

  it("injects a hang: the client times out and no order is taken", async () => {
    await admin("POST", "/faults/orders", { mode: "hang", count: 1 });
    const cardId = `c-${++seq}`;
    await expect(post(cardId, 150)).rejects.toMatchObject({ name: "TimeoutError" });
    expect(sim.core.orders.get(cardId)).toBeUndefined();
    expect((await post(cardId)).status).toBe(202);
  });

  it("injects a lost answer: the retry gets the original operationId and one production", async () => {
    await admin("POST", "/faults/orders", { mode: "hangAfterAccept", count: 1 });
    const cardId = `c-${++seq}`;
    await expect(post(cardId, 150)).rejects.toMatchObject({ name: "TimeoutError" });
    const retry = await post(cardId);
    expect(retry.status).toBe(202);
    expect((retry.json as { operationId: string }).operationId).toBe(sim.core.orders.get(cardId)?.operationId);
    await waitFor(() => sim.core.orders.get(cardId)?.latest.details.status === "CARD_PROD_DONE", 5000, "done");
    const counters = await admin("GET", "/counters");
    expect(counters.json).toMatchObject({
      ordersAccepted: { [cardId]: 2 },
      productionsStarted: { [cardId]: 1 },
      operationsCreated: 1,
    });
  });

  it("injects a slow answer that still succeeds", async () => {
    await admin("POST", "/faults/orders", { mode: "slow", count: 1, delayMs: 120 });
    const started = Date.now();
    expect((await post(`c-${++seq}`)).status).toBe(202);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("applies a probability fault to every request at 1 and can be cleared", async () => {
    await admin("POST", "/faults/orders", { mode: "http500", probability: 1 });
    expect((await post(`c-${++seq}`)).status).toBe(500);
    expect((await post(`c-${++seq}`)).status).toBe(500);
    expect((await admin("GET", "/faults")).json).toMatchObject({ orders: [{ mode: "http500", probability: 1 }] });
    await admin("DELETE", "/faults/orders");
    expect((await post(`c-${++seq}`)).status).toBe(202);
    expect((await admin("POST", "/faults/orders", { mode: "http500" })).status).toBe(400);
  });

  it("sets notification faults and exposes the notification log without card data", async () => {
    expect((await admin("POST", "/faults/notifications", { dropNext: 1 })).json).toMatchObject({
      notifications: { dropNext: 1 },
    });
    const cardId = `c-${++seq}`;
    await post(cardId);
    await waitFor(() => receiver.statusesFor(cardId).includes("CARD_PROD_DONE"), 5000, "done");
    // The receiver has the call before the notifier has read its answer.
    await waitFor(() => sim.core.notifier.stats.delivered === 2, 5000, "two deliveries");
    expect(receiver.statusesFor(cardId)).toEqual(["CARD_PROD_READY", "CARD_PROD_DONE"]);
    const log = await admin("GET", "/notifications");
    const events = log.json.events as Array<{ outcome: string; operations: Array<{ detailsStatus: string }> }>;
    expect(events.map((e) => `${e.outcome}:${e.operations[0]?.detailsStatus}`)).toEqual([
      "dropped:CARD_PROD_REQUESTED",
      "delivered:CARD_PROD_READY",
      "delivered:CARD_PROD_DONE",
    ]);
    expect(log.text).not.toContain("4111111111111111");
    expect((await admin("GET", "/counters")).json).toMatchObject({ notifications: { dropped: 1, delivered: 2 } });
  });

  it("lists orders, shows a status page and refuses foreign origins", async () => {
    const cardId = `c-${++seq}`;
    await post(cardId);
    const orders = await admin("GET", "/orders");
    expect(orders.json.orders).toEqual([expect.objectContaining({ cardId, persoStation: "BR001-PS-01" })]);
    expect(orders.text).not.toContain("4111");
    expect((await admin("GET", `/orders/${cardId}`)).json).toMatchObject({ cardId });
    const page = await admin("GET", "/");
    expect(page.text).toContain("BR002-PS-02");
    expect(page.text).toContain(cardId);
    expect((await admin("POST", "/reset", undefined, { origin: "https://evil.example" })).status).toBe(403);
    expect((await admin("GET", "/no-such-route")).status).toBe(404);
  });

  it("refuses a cross-origin or non-JSON write, such as a form post from another local page", async () => {
    const own = new URL(sim.adminUrl!).origin;
    const send = (headers: Record<string, string>, body?: string) =>
      fetch(`${sim.adminUrl}/faults/orders`, { method: "POST", headers, ...(body ? { body } : {}) });
    const fault = JSON.stringify({ mode: "http500", count: 1 });
    // What a page at http://localhost:3000 can send without a CORS preflight.
    const fromPage = await send({ origin: "http://localhost:3000", "content-type": "text/plain" }, fault);
    expect(fromPage.status).toBe(403);
    expect((await send({ origin: "null", "content-type": "application/json" }, fault)).status).toBe(403);
    expect((await send({ origin: own, "content-type": "text/plain" }, fault)).status).toBe(415);
    expect((await send({ "content-type": "application/x-www-form-urlencoded" }, "mode=http500")).status).toBe(415);
    expect((await admin("GET", "/faults")).json).toMatchObject({ orders: [] });
    // Its own page, and scripts (no Origin), with JSON; a write without a body needs no type.
    expect((await send({ origin: own, "content-type": "application/json" }, fault)).status).toBe(201);
    expect((await send({ "content-type": "application/json; charset=utf-8" }, fault)).status).toBe(201);
    expect((await fetch(`${sim.adminUrl}/reset`, { method: "POST" })).status).toBe(200);
  });
});
