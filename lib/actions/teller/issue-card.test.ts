// The real issue action on the run's database, with the bank's card system played by the stub of
// docs/card-system.openapi.yaml over mutual TLS: a lost or stolen card is blocked there before
// its replacement exists, a failed block orders nothing, a customer without a card gets no
// replacement, the same product twice in a day needs a confirmation, a debit card names one of
// the customer's own accounts, and a product the customer may not have is refused with the rule.
import { readFileSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { listCustomerCards } from "@/db/queries/customer-cards";
import { insertStockRows } from "@/db/queries/stock";
import { accounts, auditLog, issuanceJobs, jobEvents, stockTypes } from "@/db/schema";
import { makeCounter, makeCustomer, makeJob, makeProduct, uniq } from "@/db/testing/factories";
import type { ActionInput } from "@/lib/actions/result";
import type { CardSystem } from "@/lib/card-system/card-system";
import { HttpCardSystem } from "@/lib/card-system/http";
import { AppError } from "@/lib/errors";
import { ageOn, dateIn } from "@/lib/issuance/eligibility";
import { submitOrder } from "@/lib/issuance/submit";
import { render } from "@/lib/i18n/message";
import { NO_CARD_TO_REPLACE } from "@/lib/issuance/issue-checks";
import { startCardSystemStub, type RunningCardSystemStub } from "@/sim/card-system";
import { tempPki } from "@/sim/test-helpers";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({ redirect: () => undefined }));

const { issueCardAction } = await import("./issue-card");

let stub: RunningCardSystemStub;
let cleanupPki: () => Promise<void>;
let cards: HttpCardSystem;
let counter: Awaited<ReturnType<typeof makeCounter>>;
/** What the action's card system saw when it blocked: how many replacements of the card existed. */
const atBlock: Array<{ cardId: string; replacements: number }> = [];
const created: string[] = [];

beforeAll(async () => {
  const { pki, cleanup } = await tempPki();
  cleanupPki = cleanup;
  stub = await startCardSystemStub({ pki, port: 0, controlPort: 0 });
  const read = (file: string) => readFileSync(file, "utf8");
  cards = new HttpCardSystem({
    url: stub.url,
    tls: { cert: read(pki.issuerClient.certPath), key: read(pki.issuerClient.keyPath), ca: read(pki.ca.certPath) },
    timeoutMs: 2_000,
    maxAttempts: 2,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  // The process's card system (lib/card-system/index.ts): the stub, with a look at the database
  // at the moment of the block.
  const observed: CardSystem = {
    allocate: (r) => cards.allocate(r),
    activate: (r) => cards.activate(r),
    ping: () => cards.ping(),
    block: async (r) => {
      const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from issuance_jobs
        where replaces_job_id = (select id from issuance_jobs where card_id = ${r.cardId})`);
      atBlock.push({ cardId: r.cardId, replacements: rows[0]?.n ?? -1 });
      return cards.block(r);
    },
  };
  (globalThis as { __bii_card_system?: CardSystem }).__bii_card_system = observed;
  counter = await makeCounter(db);
  actAs(counter.teller);
});

afterAll(async () => {
  for (const id of created) await db.execute(sql`select graphile_worker.remove_job(${`submit:${id}`})`);
  await db
    .update(issuanceJobs)
    .set({ completedAt: sql`now()` })
    .where(sql`completed_at is null and branch_id = ${counter.branch.id}`);
  await cards.close();
  await stub.stop();
  await cleanupPki();
  await db.$client.end();
});

beforeEach(() => stub.faults.clear());

/** A card handed over long ago, known to the card system (allocated there, as at its order). */
async function handedOverCard(customerId: string, productId = counter.product.id) {
  const job = await makeJob(db, counter, {
    customerId,
    productId,
    state: "handed_over",
    cardStatus: "active",
    createdAt: new Date(Date.now() - 200 * 86_400_000),
    completedAt: new Date(Date.now() - 200 * 86_400_000),
  });
  const { pan } = await cards.allocate({
    jobId: job.id,
    cardId: job.cardId,
    product: { bin: "453201", panLength: 16, expiryMonths: 36 },
    nameOnCard: "JANE DOE",
  });
  // The real last four digits: the queue tests check every stored job's against its PAN.
  await db
    .update(issuanceJobs)
    .set({ panLast4: pan.slice(-4) })
    .where(eq(issuanceJobs.id, job.id));
  return job;
}

async function issue(input: Partial<ActionInput<typeof issueCardAction>> & { customerId: string }) {
  const result = await issueCardAction({
    requestKey: crypto.randomUUID(),
    productId: counter.product.id,
    stationId: counter.station.id,
    reason: "CREATION",
    nameOnCard: "JANE DOE",
    ...input,
  });
  if (result.ok) created.push(result.data.jobId);
  return result;
}

const jobsOf = (customerId: string) => db.select().from(issuanceJobs).where(eq(issuanceJobs.customerId, customerId));
const jobById = async (id: string) => (await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, id)))[0]!;

describe("replacement and renewal", () => {
  it("refuses a replacement for a customer without a card, saying to issue a new card", async () => {
    const customer = await makeCustomer(db);
    const result = await issue({ customerId: customer.id, reason: "REPLACEMENT", replacementReason: "lost" });
    expect(result).toMatchObject({ ok: false, code: "invalid:job" });
    expect(!result.ok && result.fieldErrors?.reason).toEqual([render(NO_CARD_TO_REPLACE, "en")]);
    const renewal = await issue({ customerId: customer.id, reason: "RENEWAL" });
    expect(!renewal.ok && renewal.fieldErrors?.reason).toEqual([render(NO_CARD_TO_REPLACE, "en")]);
    expect(await jobsOf(customer.id)).toHaveLength(0);
  });

  it("blocks a lost card at the card system before the new card exists, and records the block", async () => {
    const customer = await makeCustomer(db);
    const old = await handedOverCard(customer.id);
    const result = await issue({
      customerId: customer.id,
      reason: "REPLACEMENT",
      replacesJobId: old.id,
      replacementReason: "lost",
    });
    expect(result).toMatchObject({ ok: true });
    expect(atBlock.find((b) => b.cardId === old.cardId)).toEqual({ cardId: old.cardId, replacements: 0 });
    expect(stub.card(old.cardId)).toMatchObject({ state: "blocked", blockReason: "lost" });

    const before = await jobById(old.id);
    expect(before).toMatchObject({ cardStatus: "blocked", blockReason: "lost" });
    expect(before.blockedAt).toBeInstanceOf(Date);
    const newJob = await jobById(result.ok ? result.data.jobId : "");
    expect(newJob).toMatchObject({ replacesJobId: old.id, replacementReason: "lost", reason: "REPLACEMENT" });
    expect(newJob.createdAt.getTime()).toBeGreaterThanOrEqual(before.blockedAt!.getTime());
    const events = await db.select().from(jobEvents).where(eq(jobEvents.jobId, old.id));
    expect(events.map((e) => [e.kind, e.detail])).toContainEqual(["card_blocked", { reason: "lost" }]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, old.id), eq(auditLog.action, "card.block")));
    expect(audit).toHaveLength(1);

    // The card now shows blocked with a replacement under way, and cannot be replaced again.
    const [listed] = await listCustomerCards({ db, training: false, customerId: customer.id });
    expect(listed).toMatchObject({ status: "blocked", replacementPending: true, replaceable: false });
    const again = await issue({
      customerId: customer.id,
      reason: "REPLACEMENT",
      replacesJobId: old.id,
      replacementReason: "stolen",
      confirmDuplicate: true,
    });
    expect(!again.ok && again.fieldErrors?.replacesJobId?.[0]).toContain("already under way");
  });

  it("orders nothing when the card system cannot block the lost card", async () => {
    const customer = await makeCustomer(db);
    const old = await handedOverCard(customer.id);
    stub.faults.add({ mode: "http500", count: 2, delayMs: 0 });
    const result = await issue({
      customerId: customer.id,
      reason: "REPLACEMENT",
      replacesJobId: old.id,
      replacementReason: "stolen",
    });
    expect(result).toMatchObject({ ok: false, code: "unavailable:card_system" });
    expect(!result.ok && result.message).toContain("no new card was ordered");
    expect(await jobsOf(customer.id)).toHaveLength(1);
    expect(await jobById(old.id)).toMatchObject({ cardStatus: "active", blockedAt: null });
    expect(stub.card(old.cardId)?.state).toBe("issued");
  });

  it("does not block a damaged card, and a renewal replaces an expiring one", async () => {
    const customer = await makeCustomer(db);
    const damaged = await handedOverCard(customer.id);
    const replaced = await issue({
      customerId: customer.id,
      reason: "REPLACEMENT",
      replacesJobId: damaged.id,
      replacementReason: "damaged",
    });
    expect(replaced).toMatchObject({ ok: true });
    expect(stub.card(damaged.cardId)?.state).toBe("issued");
    expect(await jobById(damaged.id)).toMatchObject({ cardStatus: "active" });

    const other = await makeProduct(db, [counter.branch.id]);
    const expiring = await handedOverCard(customer.id, other.id);
    const renewed = await issue({
      customerId: customer.id,
      productId: other.id,
      reason: "RENEWAL",
      replacesJobId: expiring.id,
    });
    expect(renewed).toMatchObject({ ok: true });
    expect(await jobById(renewed.ok ? renewed.data.jobId : "")).toMatchObject({
      reason: "RENEWAL",
      replacesJobId: expiring.id,
      replacementReason: "expiring",
    });
  });

  it("refuses a card of another customer and a card already replaced", async () => {
    const customer = await makeCustomer(db);
    await handedOverCard(customer.id);
    const foreign = await handedOverCard((await makeCustomer(db)).id);
    const result = await issue({
      customerId: customer.id,
      reason: "REPLACEMENT",
      replacesJobId: foreign.id,
      replacementReason: "damaged",
    });
    expect(!result.ok && result.fieldErrors?.replacesJobId).toEqual(["Choose one of this customer's cards."]);
    const gone = await handedOverCard(customer.id);
    await db.update(issuanceJobs).set({ cardStatus: "replaced" }).where(eq(issuanceJobs.id, gone.id));
    const twice = await issue({
      customerId: customer.id,
      reason: "REPLACEMENT",
      replacesJobId: gone.id,
      replacementReason: "damaged",
    });
    expect(!twice.ok && twice.fieldErrors?.replacesJobId?.[0]).toContain("already replaced");
  });
});

describe("the same product twice within a day", () => {
  it("asks for a confirmation, which the server checks; the same form sent again is no duplicate", async () => {
    const customer = await makeCustomer(db);
    const requestKey = crypto.randomUUID();
    const first = await issue({ customerId: customer.id, requestKey });
    expect(first).toMatchObject({ ok: true });
    expect(await issue({ customerId: customer.id, requestKey })).toEqual(first);
    const second = await issue({ customerId: customer.id });
    expect(second).toMatchObject({ ok: false, code: "invalid:job" });
    expect(!second.ok && second.fieldErrors?.confirmDuplicate?.[0]).toMatch(
      /^Test product \w+ was already requested for this customer at \d\d:\d\d \(sending to d1\)/i,
    );
    expect(await issue({ customerId: customer.id, confirmDuplicate: true })).toMatchObject({ ok: true });
    // A canceled request does not count.
    const other = await makeCustomer(db);
    await makeJob(db, counter, { customerId: other.id, state: "canceled" });
    expect(await issue({ customerId: other.id })).toMatchObject({ ok: true });
  });
});

describe("debit products and eligibility", () => {
  it("asks a debit card's account and takes only one of the customer's own", async () => {
    const debit = await makeProduct(db, [counter.branch.id], { needsAccount: true });
    const customer = await makeCustomer(db);
    const stranger = await makeCustomer(db);
    const [own] = await db
      .insert(accounts)
      .values({ customerId: customer.id, accountNumber: uniq("9"), openedAt: "2020-01-01" })
      .returning();
    const [theirs] = await db
      .insert(accounts)
      .values({ customerId: stranger.id, accountNumber: uniq("8"), openedAt: "2020-01-01" })
      .returning();
    const none = await issue({ customerId: customer.id, productId: debit.id });
    expect(!none.ok && none.fieldErrors?.accountId?.[0]).toContain("is a debit card: choose the account");
    const foreign = await issue({ customerId: customer.id, productId: debit.id, accountId: theirs!.id });
    expect(!foreign.ok && foreign.fieldErrors?.accountId).toEqual(["Choose one of this customer's accounts."]);
    const ok = await issue({ customerId: customer.id, productId: debit.id, accountId: own!.id });
    expect(ok).toMatchObject({ ok: true });
    const job = await jobById(ok.ok ? ok.data.jobId : "");
    expect(job).toMatchObject({ accountId: own!.id });

    // The submission hands the account to the card system with the allocation (D1 then refuses,
    // so the job ends here without a card).
    const refused = () => Promise.reject(new AppError("bad_request:d1"));
    await submitOrder(job.id, {
      d1: { orderInstantCard: refused, getProductionStatus: refused },
      cardSystem: cards,
      isRetryable: () => false,
    });
    expect(stub.card(job.cardId)).toMatchObject({ state: "issued", accountNumber: own!.accountNumber });
    const plain = await issue({ customerId: stranger.id });
    const plainJob = await jobById(plain.ok ? plain.data.jobId : "");
    await submitOrder(plainJob.id, {
      d1: { orderInstantCard: refused, getProductionStatus: refused },
      cardSystem: cards,
      isRetryable: () => false,
    });
    expect(stub.card(plainJob.cardId)).toMatchObject({ state: "issued", accountNumber: undefined });
  });

  it("refuses a product outside the customer's age range or type, with the rule and the age", async () => {
    const youth = await makeProduct(db, [counter.branch.id], { name: uniq("Youth "), maxAge: 25 });
    const elder = await makeCustomer(db, { dateOfBirth: "1943-05-02" });
    const age = ageOn("1943-05-02", dateIn(counter.branch.timezone));
    const result = await issue({ customerId: elder.id, productId: youth.id, nameOnCard: "JANE DOE" });
    expect(!result.ok && result.fieldErrors?.productId?.[0]).toBe(
      `${youth.name}: for customers up to 25; this customer is ${age}. Choose another card.`,
    );
    const business = await makeProduct(db, [counter.branch.id], { customerTypes: ["business"] });
    const refused = await issue({ customerId: elder.id, productId: business.id });
    expect(!refused.ok && refused.fieldErrors?.productId?.[0]).toContain("for business customers only");
    const company = await makeCustomer(db, { customerType: "business" });
    expect(await issue({ customerId: company.id, productId: business.id })).toMatchObject({ ok: true });
    expect(await jobsOf(elder.id)).toHaveLength(0);
  });
});

describe("a station without blank cards", () => {
  it("is refused for a product that prints on its stock, with a field error; loaded, it is taken", async () => {
    const [type] = await db
      .insert(stockTypes)
      .values({ code: uniq("ST-"), name: "Issue stock" })
      .returning();
    const product = await makeProduct(db, [counter.branch.id], { stockTypeId: type!.id });
    const customer = await makeCustomer(db);
    const refused = await issue({ customerId: customer.id, productId: product.id });
    expect(refused).toMatchObject({ ok: false, code: "invalid:station" });
    expect(!refused.ok && refused.fieldErrors?.stationId?.[0]).toContain("no blank cards");
    await insertStockRows({
      db,
      rows: [
        {
          branchId: counter.branch.id,
          stockTypeId: type!.id,
          place: "station",
          stationId: counter.station.id,
          movement: "loaded",
          quantity: 1,
        },
      ],
    });
    expect(await issue({ customerId: customer.id, productId: product.id })).toMatchObject({ ok: true });
  });
});
