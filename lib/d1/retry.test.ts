// Faults injected through the simulator's control API: what is retried, how long we wait, and
// that a retried order still yields exactly one production.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createSimLogger } from "@/sim/logger";
import { startSimulator } from "@/sim/server";
import { createD1Client, type D1Client } from "./client";
import type { D1Config } from "./config";
import { createD1Dispatcher } from "./dispatcher";
import { isRetryableD1Error, retryAfterMs } from "./errors";
import {
  captureLogger,
  orderInput,
  recordRequests,
  startSimFixture,
  type SimCounters,
  type SimFixture,
  type SimOrder,
} from "@/test-support/d1-simulator";

let fx: SimFixture;
const clients: D1Client[] = [];

beforeAll(async () => {
  fx = await startSimFixture();
});
afterEach(async () => {
  await fx.admin("DELETE", "/faults/orders");
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(() => fx.stop());

/** A client whose backoff sleeps are recorded (and skipped), with its requests and logs captured. */
function client(overrides: Partial<D1Config> = {}) {
  const config = fx.config(overrides);
  const recorded = recordRequests(createD1Dispatcher(config));
  const delays: number[] = [];
  const logs = captureLogger();
  const d1 = createD1Client(config, {
    dispatcher: recorded.dispatcher,
    logger: logs.logger,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
  });
  clients.push(d1);
  const posts = (cardId: string) =>
    recorded.requests.filter((r) => r.method === "POST" && r.path.includes(`/${cardId}/operations:production`)).length;
  const statusGets = (cardId: string) =>
    recorded.requests.filter((r) => r.method === "GET" && r.path.includes(`/${cardId}/productionStatus`)).length;
  const tokenFetches = () => recorded.requests.filter((r) => r.path.endsWith("/oauth2/token")).length;
  return { d1, delays, posts, statusGets, tokenFetches, logs };
}

const counters = () => fx.admin<SimCounters>("GET", "/counters");

describe("retries", () => {
  it("retries 500s with jittered backoff, then succeeds", async () => {
    const { d1, delays, posts, statusGets } = client({
      maxAttempts: 4,
      retry: { baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 },
    });
    await fx.admin("POST", "/faults/orders", { mode: "http500", count: 2 });
    const result = await d1.orderInstantCard(orderInput("card-500"));
    expect(result).toMatchObject({ status: 202, attempts: 3 });
    expect(posts("card-500")).toBe(3);
    // A 5xx may come after D1 took the order: each repeat waits for productionStatus to say "unknown".
    expect(statusGets("card-500")).toBe(2);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeLessThan(100);
    expect(delays[1]).toBeLessThan(200);
    expect((await counters()).ordersAccepted["card-500"]).toBe(1);
  });

  it("waits as long as Retry-After says on 429, then succeeds", async () => {
    const { d1, delays, posts } = client();
    await fx.admin("POST", "/faults/orders", { mode: "http429", count: 2, retryAfterSeconds: 1 });
    const result = await d1.orderInstantCard(orderInput("card-429"));
    expect(result.status).toBe(202);
    expect(posts("card-429")).toBe(3);
    expect(delays).toEqual([1000, 1000]);
  });

  it("leaves a Retry-After longer than the call may wait to the job queue", async () => {
    const { d1, delays, posts } = client({ retry: { baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 2000 } });
    await fx.admin("POST", "/faults/orders", { mode: "http429", count: 1, retryAfterSeconds: 60 });
    const e = (await d1.orderInstantCard(orderInput("card-429-long")).catch((err: unknown) => err)) as AppError;
    expect(e.code).toBe("unavailable:d1");
    expect(retryAfterMs(e)).toBe(60_000);
    expect(isRetryableD1Error(e)).toBe(true);
    expect(posts("card-429-long")).toBe(1);
    expect(delays).toEqual([]);
  });

  it("gives up with unavailable:d1 after maxAttempts of persistent 500s", async () => {
    const { d1, posts } = client({ maxAttempts: 3 });
    await fx.admin("POST", "/faults/orders", { mode: "http500", probability: 1 });
    const e = (await d1.orderInstantCard(orderInput("card-down")).catch((err: unknown) => err)) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe("unavailable:d1");
    expect(e.message).toMatch(/not reachable.*kept/);
    expect(e.detail).toMatchObject({
      operation: "order",
      cardId: "card-down",
      attempts: 3,
      httpStatus: 500,
      d1ErrorCode: "SIM_INTERNAL_ERROR",
    });
    expect(isRetryableD1Error(e)).toBe(true);
    expect(posts("card-down")).toBe(3);
    expect((await counters()).ordersAccepted["card-down"]).toBeUndefined();
  });

  it("times out a hanging D1, finds the card unknown to productionStatus, and orders again", async () => {
    const { d1, posts, statusGets } = client({ timeoutMs: 300 });
    await fx.admin("POST", "/faults/orders", { mode: "hang", count: 1 });
    const result = await d1.orderInstantCard(orderInput("card-hang"));
    expect(result).toMatchObject({ status: 202, attempts: 2 });
    expect(posts("card-hang")).toBe(2);
    expect(statusGets("card-hang")).toBe(1);
  });

  it("after a lost 202, follows the order productionStatus shows instead of ordering again", async () => {
    const { d1, posts, statusGets } = client({ timeoutMs: 300 });
    await fx.admin("POST", "/faults/orders", { mode: "hangAfterAccept", count: 1 });
    const result = await d1.orderInstantCard(orderInput("card-lost-202"));
    expect(result).toMatchObject({ status: "known", after: "uncertain", alreadyOrdered: true });
    expect(posts("card-lost-202")).toBe(1);
    expect(statusGets("card-lost-202")).toBe(1);
    const order = await fx.admin<SimOrder>("GET", "/orders/card-lost-202");
    expect(result.operationId).toBe(order.operationId);
    const c = await counters();
    expect(c.ordersAccepted["card-lost-202"]).toBe(1);
  });

  it("does not retry a refusal of the order", async () => {
    const { d1, posts, delays } = client();
    await expect(
      d1.orderInstantCard(orderInput("card-refused", { cardProductId: "bad product!" })),
    ).rejects.toMatchObject({ code: "invalid:d1" });
    expect(posts("card-refused")).toBe(1);
    expect(delays).toEqual([]);
  });
});

describe("401", () => {
  it("fetches a new token and tries again when D1 no longer accepts the token", async () => {
    const { d1, tokenFetches, logs } = client();
    expect(await d1.getProductionStatus("card-before-restart")).toBeNull();
    expect(tokenFetches()).toBe(1);
    // A new simulator on the same port signs tokens with a new secret: the cached token is now invalid.
    await fx.restart();
    const result = await d1.orderInstantCard(orderInput("card-after-restart"));
    expect(result.status).toBe(202);
    expect(tokenFetches()).toBe(2);
    expect(logs.text()).toMatch(/"httpStatus":401,"d1ErrorCode":"AUTHORIZER_UNAUTHORIZED"/);
  });

  it("gives up after one refresh when D1 keeps answering 401", async () => {
    // A second simulator on the same PKI refuses every token the first one issues: send the
    // banking calls there while the tokens still come from the first.
    const other = await startSimulator({ pki: fx.pki, port: 0, adminPort: false, logger: createSimLogger("silent") });
    try {
      const { d1, tokenFetches, delays } = client({ bankingUrl: other.bankingUrl });
      const e = (await d1.getProductionStatus("card-x").catch((err: unknown) => err)) as AppError;
      expect(e).toBeInstanceOf(AppError);
      expect(e.code).toBe("unauthorized:d1");
      expect(e.detail).toMatchObject({ httpStatus: 401, d1ErrorCode: "AUTHORIZER_UNAUTHORIZED", operation: "status" });
      expect(isRetryableD1Error(e)).toBe(true);
      expect(tokenFetches()).toBe(2);
      expect(delays).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});
