// Re-ordering safely whatever D1 does with a repeated order (d1-api.md §13): the simulator plays
// each plausible answer (the original 202, 409, 400, or a second card) and the client must end
// with exactly one production per cardId in every one of them.
import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createD1Client, type D1Client } from "./client";
import type { D1Config } from "./config";
import { createD1Dispatcher } from "./dispatcher";
import { isRetryableD1Error } from "./errors";
import { failedBeforeSending } from "./transport";
import {
  captureLogger,
  orderInput,
  recordRequests,
  startSimFixture,
  type SimCounters,
  type SimFixture,
  type SimOrder,
} from "@/test-support/d1-simulator";

const MODES = ["original", "conflict", "bad_request", "duplicate"] as const;

let fx: SimFixture;
const clients: D1Client[] = [];
let seq = 0;

beforeAll(async () => {
  fx = await startSimFixture();
});
afterEach(async () => {
  await fx.admin("DELETE", "/faults/orders");
  await fx.admin("POST", "/faults/repeated-orders", { mode: "original" });
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(() => fx.stop());

// The request timeout is what ends a hanging answer, so only the test of a lost answer shortens
// it; everywhere else a short one would turn a loaded machine's slow (but sure) answer into a
// timeout and a retry, and the counts of requests would be off (seen under load: a 300 ms timeout
// on the 404 test's productionStatus).
function client(overrides: Partial<D1Config> = {}) {
  const config = fx.config({ timeoutMs: 10_000, ...overrides });
  const recorded = recordRequests(createD1Dispatcher(config));
  const d1 = createD1Client(config, { dispatcher: recorded.dispatcher, logger: captureLogger().logger });
  clients.push(d1);
  const count = (method: string, cardId: string, suffix: string) =>
    recorded.requests.filter((r) => r.method === method && r.path.includes(`/${cardId}/${suffix}`)).length;
  return {
    d1,
    posts: (cardId: string) => count("POST", cardId, "operations:production"),
    statusGets: (cardId: string) => count("GET", cardId, "productionStatus"),
  };
}

const productions = async (cardId: string) =>
  (await fx.admin<SimCounters>("GET", "/counters")).productionsStarted[cardId] ?? 0;

async function settled(cardId: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const order = await fx.admin<SimOrder>("GET", `/orders/${cardId}`);
    if (order.latest.status !== "PENDING") return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`order ${cardId} did not finish`);
}

describe.each(MODES)("D1 answering a repeated order as %s", (mode) => {
  const cardId = (what: string) => `re-${mode}-${what}-${++seq}`.replaceAll("_", "-");

  beforeAll(async () => {
    await fx.admin("POST", "/faults/repeated-orders", { mode });
  });
  afterEach(() => fx.admin("POST", "/faults/repeated-orders", { mode }));

  it("a lost answer is followed through productionStatus, not ordered again", async () => {
    // Long enough for the token, the handshake and productionStatus on a loaded machine.
    const { d1, posts } = client({ timeoutMs: 2_000 });
    await fx.admin("POST", "/faults/orders", { mode: "hangAfterAccept", count: 1 });
    const id = cardId("lost");
    const result = await d1.orderInstantCard(orderInput(id));
    expect(result).toMatchObject({ status: "known", after: "uncertain" });
    expect(posts(id)).toBe(1);
    await settled(id);
    expect(await productions(id)).toBe(1);
  });

  it("a run after an earlier one asks first and does not send when D1 knows the card", async () => {
    const { d1, posts, statusGets } = client();
    const id = cardId("again");
    const first = await d1.orderInstantCard(orderInput(id));
    const again = await d1.orderInstantCard(orderInput(id, { maybeSentBefore: true }));
    expect(again).toMatchObject({ status: "known", after: "check", operationId: first.operationId });
    expect(posts(id)).toBe(1);
    expect(statusGets(id)).toBe(1);
    await settled(id);
    expect(await productions(id)).toBe(1);
  });

  it("a run after an earlier one sends when D1 does not know the card (404)", async () => {
    const { d1, posts, statusGets } = client();
    const id = cardId("unknown");
    const result = await d1.orderInstantCard(orderInput(id, { maybeSentBefore: true }));
    expect(result).toMatchObject({ status: 202 });
    expect([statusGets(id), posts(id)]).toEqual([1, 1]);
  });
});

describe("refusals of a possible repeat", () => {
  it.each([
    ["conflict", 409],
    ["bad_request", 400],
  ] as const)("%s: D1's %i for a card it holds is followed through productionStatus", async (mode, status) => {
    await fx.admin("POST", "/faults/repeated-orders", { mode });
    const { d1 } = client();
    const id = `refused-${mode.replace("_", "-")}-${++seq}`;
    const first = await d1.orderInstantCard(orderInput(id));
    // Without maybeSentBefore, as after a crash that lost the record of the first run.
    const result = await d1.orderInstantCard(orderInput(id));
    expect(result).toMatchObject({ status: "known", after: status, operationId: first.operationId });
    await settled(id);
    expect(await productions(id)).toBe(1);
  });

  it("a 400 for a card D1 does not know stays a final refusal", async () => {
    const { d1, statusGets } = client();
    const id = `refused-real-${++seq}`;
    const e = (await d1
      .orderInstantCard(orderInput(id, { persoStation: "BR999-PS-09" }))
      .catch((err: unknown) => err)) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.detail).toMatchObject({ httpStatus: 400 });
    expect(isRetryableD1Error(e)).toBe(false);
    expect(statusGets(id)).toBe(1);
  });
});

describe("failures before sending", () => {
  it("names connection refused, DNS and TLS refusals as not sent, and timeouts and resets as uncertain", () => {
    for (const reason of ["ECONNREFUSED", "ENOTFOUND", "UND_ERR_CONNECT_TIMEOUT", "CERT_HAS_EXPIRED"])
      expect(failedBeforeSending(reason)).toBe(true);
    expect(failedBeforeSending("ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED")).toBe(true);
    for (const reason of ["timeout", "ECONNRESET", "UND_ERR_SOCKET", "EPIPE", "AbortError"])
      expect(failedBeforeSending(reason)).toBe(false);
  });

  it("re-sends directly after connection refused, without asking productionStatus", async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    const { d1, posts, statusGets } = client({ bankingUrl: `https://127.0.0.1:${port}/banking/v1`, maxAttempts: 3 });
    const id = `refused-conn-${++seq}`;
    const e = (await d1.orderInstantCard(orderInput(id)).catch((err: unknown) => err)) as AppError;
    expect(e.code).toBe("unavailable:d1");
    expect(e.detail).toMatchObject({ reason: "ECONNREFUSED", attempts: 3 });
    expect(posts(id)).toBe(3);
    expect(statusGets(id)).toBe(0);
  });
});
