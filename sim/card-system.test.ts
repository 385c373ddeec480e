import { readFileSync } from "node:fs";
import { Agent, request } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DevPki } from "./pki";
import { startCardSystemStub, stubPan, type RunningCardSystemStub } from "./card-system";
import { tempPki } from "./test-helpers";

let pki: DevPki;
let cleanup: () => Promise<void>;
let stub: RunningCardSystemStub;
let agent: Agent;

const product = { bin: "411111", panLength: 16, expiryMonths: 36 };

async function call(method: "GET" | "PUT" | "POST", path: string, body?: unknown, dispatcher = agent) {
  const res = await request(`${stub.url}${path}`, {
    method,
    dispatcher,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${stub.controlUrl}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return res.status;
}

beforeAll(async () => {
  ({ pki, cleanup } = await tempPki());
  stub = await startCardSystemStub({ pki, port: 0, controlPort: 0 });
  const read = (file: string) => readFileSync(file, "utf8");
  agent = new Agent({
    connect: { cert: read(pki.issuerClient.certPath), key: read(pki.issuerClient.keyPath), ca: read(pki.ca.certPath) },
  });
});
afterAll(async () => {
  await agent.close();
  await stub.stop();
  await cleanup();
});
beforeEach(() => stub.faults.clear());

describe("card system stub", () => {
  it("allocates the same card for the same cardId, with the simulated source's PAN", async () => {
    const first = await call("PUT", "/cards/card-a/data", { product });
    const again = await call("PUT", "/cards/card-a/data", { product });
    expect(first.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(first.json?.pan).toBe(stubPan("card-a", "411111", 16));
    expect(first.json).toMatchObject({ panSequenceNumber: "00", exp: expect.stringMatching(/^\d{4}$/) });
    expect(stub.counters.allocations["card-a"]).toBe(2);
  });

  it("refuses a client without a certificate from the CA", async () => {
    const anonymous = new Agent({ connect: { ca: readFileSync(pki.ca.certPath, "utf8") } });
    await expect(call("GET", "/health", undefined, anonymous)).rejects.toThrow();
    await anonymous.close();
  });

  it("activates, blocks, and then refuses activation; unknown cards are 404", async () => {
    await call("PUT", "/cards/card-b/data", { product });
    expect((await call("POST", "/cards/card-b/activation")).status).toBe(204);
    expect((await call("POST", "/cards/card-b/activation")).status).toBe(204);
    expect((await call("POST", "/cards/card-b/block", { reason: "stolen" })).status).toBe(204);
    expect(stub.state("card-b")).toBe("blocked");
    expect(await call("POST", "/cards/card-b/activation")).toMatchObject({
      status: 409,
      json: { errorCode: "CARD_NOT_ACTIVATABLE" },
    });
    expect((await call("POST", "/cards/card-b/block", { reason: "mislaid" })).status).toBe(400);
    expect((await call("POST", "/cards/nobody/activation")).status).toBe(404);
  });

  it("records a debit card's account and the block reason, shown by the control API", async () => {
    await call("PUT", "/cards/card-debit/data", { product, accountNumber: "0000000042" });
    expect((await call("PUT", "/cards/card-bad/data", { product, accountNumber: "12 34" })).status).toBe(400);
    expect((await call("POST", "/cards/card-debit/block", { reason: "stolen" })).status).toBe(204);
    expect((await call("POST", "/cards/card-debit/block", { reason: "lost" })).status).toBe(204);
    const card = stub.card("card-debit");
    expect(card).toMatchObject({ state: "blocked", accountNumber: "0000000042", blockReason: "stolen" });
    expect(Date.parse(card!.blockedAt!)).toBeGreaterThanOrEqual(Date.parse(card!.allocatedAt));
    const seen = await fetch(`${stub.controlUrl}/cards/card-debit`);
    expect(await seen.json()).toEqual(card);
    expect((await fetch(`${stub.controlUrl}/cards/nobody`)).status).toBe(404);
  });

  it("applies each fault set through the control API, for its count", async () => {
    expect(await control("POST", "/faults", { mode: "http500", count: 1 })).toBe(200);
    expect((await call("GET", "/health")).status).toBe(500);
    expect((await call("GET", "/health")).status).toBe(200);

    await control("POST", "/faults", { mode: "badLuhn" });
    const bad = await call("PUT", "/cards/card-c/data", { product });
    expect(bad.json?.pan).not.toBe(stubPan("card-c", "411111", 16));
    expect((await call("PUT", "/cards/card-c/data", { product })).json?.pan).toBe(stubPan("card-c", "411111", 16));

    await control("POST", "/faults", { mode: "duplicatePan" });
    const dup = await call("PUT", "/cards/card-d/data", { product });
    expect(dup.json?.pan).toBe(stubPan("card-c", "411111", 16));

    await call("PUT", "/cards/card-e/data", { product });
    await control("POST", "/faults", { mode: "refuseActivation" });
    expect((await call("POST", "/cards/card-e/activation")).status).toBe(409);
    expect((await call("POST", "/cards/card-e/activation")).status).toBe(204);

    // Slow: far beyond a client's patience, then the fault is used up.
    await control("POST", "/faults", { mode: "slow", delayMs: 5_000 });
    await expect(
      request(`${stub.url}/health`, { dispatcher: agent, signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    expect(stub.faults.list()).toEqual([]);

    expect(await control("POST", "/faults", { mode: "explode" })).toBe(400);
    const foreign = await fetch(`${stub.controlUrl}/faults`, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "http://localhost:3000" },
      body: JSON.stringify({ mode: "http500" }),
    });
    expect(foreign.status).toBe(403);
    await control("POST", "/faults", { mode: "http500", count: 5 });
    expect(await control("DELETE", "/faults")).toBe(204);
    expect((await call("GET", "/health")).status).toBe(200);
  });
});
