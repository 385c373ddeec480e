import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";
import { AppError } from "@/lib/errors";
import { createD1Client, type D1Client } from "./client";
import { createD1Dispatcher } from "./dispatcher";
import { isRetryableD1Error } from "./errors";
import {
  captureLogger,
  orderInput,
  recordRequests,
  startSimFixture,
  TEST_PAN,
  type SimCounters,
  type SimFixture,
  type SimOrder,
} from "@/test-support/d1-simulator";

let fx: SimFixture;
let d1: D1Client;
let requests: { method: string; path: string }[];
const logs = captureLogger();

beforeAll(async () => {
  fx = await startSimFixture();
  const config = fx.config();
  const recorded = recordRequests(createD1Dispatcher(config));
  requests = recorded.requests;
  d1 = createD1Client(config, { dispatcher: recorded.dispatcher, logger: logs.logger });
});
afterAll(async () => {
  await d1.close();
  await fx.stop();
});

const orderPosts = (cardId: string) =>
  requests.filter((r) => r.method === "POST" && r.path.includes(`/physicalCards/${cardId}/operations:production`))
    .length;

async function waitForFinal(cardId: string): Promise<SimOrder> {
  for (let i = 0; i < 400; i++) {
    const order = await fx.admin<SimOrder>("GET", `/orders/${cardId}`);
    if (order.latest.status !== "PENDING") return order;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`order ${cardId} did not finish`);
}

async function error(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("orderInstantCard", () => {
  it("orders a card: 202 with the operationId the simulator created", async () => {
    const result = await d1.orderInstantCard(orderInput("card-happy", { correlationId: "teller-abc_1" }));
    expect(result).toMatchObject({ status: 202, alreadyOrdered: false, correlationId: "teller-abc_1", attempts: 1 });
    const order = await fx.admin<SimOrder>("GET", "/orders/card-happy");
    expect(result.status === 202 && result.operationId).toBe(order.operationId);
    expect((await waitForFinal("card-happy")).latest.details.status).toBe("CARD_PROD_DONE");
  });

  it("accepts the cards the simulated card data source allocates", async () => {
    const cardData = await new SimulatedCardSystem().allocate({
      jobId: "job-1",
      cardId: "card-simulated",
      product: { bin: "45320151", panLength: 16, expiryMonths: 48 },
      nameOnCard: "JOHN Q PUBLIC",
    });
    const result = await d1.orderInstantCard(orderInput("card-simulated", { cardData }));
    expect(result.status).toBe(202);
  });

  it("re-sending the same order (freshly encrypted) gives the same operation and one production", async () => {
    const input = orderInput("card-twice");
    const first = await d1.orderInstantCard(input);
    const second = await d1.orderInstantCard(input);
    expect(first.status === 202 && second.status === 202).toBe(true);
    expect(second.status === 202 && second.operationId).toBe(first.status === 202 && first.operationId);
    await waitForFinal("card-twice");
    const counters = await fx.admin<SimCounters>("GET", "/counters");
    expect(counters.ordersAccepted["card-twice"]).toBe(2);
    expect(counters.productionsStarted["card-twice"]).toBe(1);
  });

  it("answers D1's 409 for the same cardId by asking productionStatus and following it", async () => {
    const first = await d1.orderInstantCard(orderInput("card-conflict"));
    const result = await d1.orderInstantCard(
      orderInput("card-conflict", { cardData: { pan: "5555555555554444", exp: "3012", name: "JANE DOE" } }),
    );
    expect(result).toMatchObject({ status: "known", alreadyOrdered: true, after: 409, attempts: 1 });
    expect(result.operationId).toBe(first.operationId);
    await waitForFinal("card-conflict");
    expect((await fx.admin<SimCounters>("GET", "/counters")).productionsStarted["card-conflict"]).toBe(1);
  });

  it("turns an unknown station into a final error the teller can act on, keeping D1's code", async () => {
    const e = await error(d1.orderInstantCard(orderInput("card-nostation", { persoStation: "BR999-PS-09" })));
    expect(e.code).toBe("invalid:d1");
    expect(e.message).toBe(
      "The personalization station is not registered at D1. Choose another station or ask your manager.",
    );
    expect(e.detail).toMatchObject({
      d1ErrorCode: "FIELD_INVALID_VALUE",
      d1Error: "persoStation",
      httpStatus: 400,
      cardId: "card-nostation",
    });
    expect(isRetryableD1Error(e)).toBe(false);
    expect(orderPosts("card-nostation")).toBe(1);
  });

  it("names the field D1 refused", async () => {
    const e = await error(
      d1.orderInstantCard(orderInput("card-badname", { cardData: { pan: TEST_PAN, exp: "3012", name: "Jane Doe" } })),
    );
    expect(e.code).toBe("invalid:d1");
    expect(e.message).toMatch(/name on the card/);
    expect(e.detail).toMatchObject({ d1ErrorCode: "FIELD_INVALID_FORMAT", d1Error: "name" });
    expect(orderPosts("card-badname")).toBe(1);

    const issuance = await error(
      d1.orderInstantCard(orderInput("card-badissuance", { services: { issuance: "LOST" as "CREATION" } })),
    );
    expect(issuance.detail).toMatchObject({ d1ErrorCode: "FIELD_INVALID_VALUE", d1Error: "services.issuance" });
    expect(issuance.message).toMatch(/services\.issuance.*administrator/);
  });

  it("reports data D1 cannot decrypt as an encryption problem for support", async () => {
    const wrongKid = createD1Client(fx.config({ encryption: { ...fx.config().encryption, kid: "d1-old-key" } }), {
      logger: logs.logger,
    });
    const e = await error(wrongKid.orderInstantCard(orderInput("card-crypto")));
    expect(e.code).toBe("bad_request:d1");
    expect(e.message).toMatch(/could not be encrypted for D1.*support/);
    expect(e.detail).toMatchObject({ d1ErrorCode: "CRYPTO_ERROR" });
    await wrongKid.close();
  });

  it("refuses a cardId D1 would not accept before calling D1", async () => {
    const e = await error(d1.orderInstantCard(orderInput("card with spaces")));
    expect(e.code).toBe("bad_request:d1");
    expect(requests.some((r) => r.path.includes("card with spaces") || r.path.includes("card%20with"))).toBe(false);
  });

  it("logs each call without card data, tokens or JWE", async () => {
    const token = await d1.tokens.get();
    const text = logs.text();
    expect(text).toContain('"cardId":"card-happy"');
    expect(text).toContain('"httpStatus":202');
    expect(text).not.toContain(TEST_PAN);
    expect(text).not.toContain("5555555555554444");
    expect(text).not.toContain("JANE DOE");
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/eyJ/); // no JWT or JWE of any kind
  });
});
