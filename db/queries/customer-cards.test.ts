// A customer's cards as the counter lists them: produced cards only, expired derived from when
// the card was produced and the product's validity (no expiry date is stored), blocked and
// replaced before expired; and which recent request makes a new one a likely duplicate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { makeCounter, makeCustomer, makeJob, makeProduct } from "@/db/testing/factories";
import { findRecentSameProductJob, listCustomerCards, markCardBlocked } from "./customer-cards";

let counter: Awaited<ReturnType<typeof makeCounter>>;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

beforeAll(async () => {
  counter = await makeCounter(db);
});
afterAll(() => db.$client.end());

describe("a customer's cards", () => {
  it("lists produced cards with their status, expired from the product's validity", async () => {
    const customer = await makeCustomer(db);
    const shortLived = await makeProduct(db, [counter.branch.id], { expiryMonths: 12 });
    const card = (overrides: Parameters<typeof makeJob>[2]) =>
      makeJob(db, counter, { customerId: customer.id, state: "handed_over", cardStatus: "active", ...overrides });
    const active = await card({ completedAt: daysAgo(300), productId: shortLived.id });
    const expired = await card({ completedAt: daysAgo(400), productId: shortLived.id });
    const blockedOld = await card({ completedAt: daysAgo(500), cardStatus: "blocked", productId: shortLived.id });
    const inactive = await card({ completedAt: daysAgo(1), state: "done", cardStatus: "inactive" });
    const replaced = await card({ completedAt: daysAgo(2), cardStatus: "replaced" });
    // Never produced: not a card.
    await makeJob(db, counter, { customerId: customer.id, state: "production_exception" });
    await makeJob(db, counter, { customerId: customer.id, state: "requested" });

    const listed = await listCustomerCards({ db, training: false, customerId: customer.id });
    expect(listed.map((c) => [c.jobId, c.status, c.replaceable])).toEqual([
      [inactive.id, "inactive", true],
      [replaced.id, "replaced", false],
      [active.id, "active", true],
      [expired.id, "expired", true],
      [blockedOld.id, "blocked", true],
    ]);
    expect(listed[2]).toMatchObject({ productName: shortLived.name, replacementPending: false });
    expect(Object.keys(listed[0]!)).not.toContain("cardId");
  });

  it("marks a card under replacement, unless the replacement failed or was canceled", async () => {
    const customer = await makeCustomer(db);
    const old = await makeJob(db, counter, {
      customerId: customer.id,
      state: "handed_over",
      cardStatus: "active",
      completedAt: daysAgo(30),
    });
    await makeJob(db, counter, { customerId: customer.id, replacesJobId: old.id, state: "canceled" });
    await makeJob(db, counter, { customerId: customer.id, replacesJobId: old.id, state: "production_exception" });
    expect((await listCustomerCards({ db, training: false, customerId: customer.id }))[0]).toMatchObject({
      replaceable: true,
    });
    const live = await makeJob(db, counter, { customerId: customer.id, replacesJobId: old.id, state: "requested" });
    expect((await listCustomerCards({ db, training: false, customerId: customer.id }))[0]).toMatchObject({
      replacementPending: true,
      replaceable: false,
    });
    // The teller's own resubmission of that replacement is not another one.
    const [own] = await listCustomerCards({
      db,
      training: false,
      customerId: customer.id,
      exceptRequestKey: live.requestKey,
    });
    expect(own).toMatchObject({ replacementPending: false, replaceable: true });
  });

  it("records a block once, and never on a replaced card", async () => {
    const job = await makeJob(db, counter, { state: "handed_over", cardStatus: "active", completedAt: daysAgo(3) });
    expect(await markCardBlocked({ db, jobId: job.id, reason: "stolen" })).toMatchObject({
      cardStatus: "blocked",
      blockReason: "stolen",
    });
    expect(await markCardBlocked({ db, jobId: job.id, reason: "lost" })).toBeNull();
    const replaced = await makeJob(db, counter, {
      state: "handed_over",
      cardStatus: "replaced",
      completedAt: daysAgo(3),
    });
    expect(await markCardBlocked({ db, jobId: replaced.id, reason: "lost" })).toBeNull();
  });

  it("records the block of a card its replacement's hand-over replaced, once, keeping it 'replaced'", async () => {
    const replaced = await makeJob(db, counter, {
      state: "handed_over",
      cardStatus: "replaced",
      completedAt: daysAgo(3),
    });
    expect(await markCardBlocked({ db, jobId: replaced.id, reason: "replaced" })).toMatchObject({
      cardStatus: "replaced",
      blockReason: "replaced",
      blockedAt: expect.any(Date) as Date,
    });
    expect(await markCardBlocked({ db, jobId: replaced.id, reason: "replaced" })).toBeNull();
    // Only a replaced card is blocked as replaced: a card still in the customer's hands is not.
    const active = await makeJob(db, counter, { state: "handed_over", cardStatus: "active", completedAt: daysAgo(3) });
    expect(await markCardBlocked({ db, jobId: active.id, reason: "replaced" })).toBeNull();
  });
});

describe("the same product within a day", () => {
  it("finds a request of the last 24 hours that was not canceled", async () => {
    const customer = await makeCustomer(db);
    const find = (exceptRequestKey = "none") =>
      findRecentSameProductJob({
        db,
        training: false,
        customerId: customer.id,
        productId: counter.product.id,
        timeZone: "Europe/Berlin",
        exceptRequestKey,
      });
    await makeJob(db, counter, { customerId: customer.id, createdAt: new Date(Date.now() - 30 * 3_600_000) });
    await makeJob(db, counter, { customerId: customer.id, state: "canceled" });
    expect(await find()).toBeNull();
    const recent = await makeJob(db, counter, {
      customerId: customer.id,
      state: "done",
      createdAt: new Date(Date.now() - 23 * 3_600_000),
    });
    expect(await find()).toMatchObject({ id: recent.id, state: "done" });
    expect(await find(recent.requestKey)).toBeNull();
  });
});
