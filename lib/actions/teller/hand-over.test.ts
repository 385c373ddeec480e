// The real hand-over and retry-activation actions on the run's database, with real card systems:
// the simulated one, and the HTTP one against the card system stub (sim/card-system.ts) where a
// failure has to be injected and then go away.
import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, issuanceJobs, jobEvents } from "@/db/schema";
import { findHandOverFacts } from "@/db/queries/hand-over";
import { makeCounter, makeJob, makeProduct, makeUser } from "@/db/testing/factories";
import type { CardSystem } from "@/lib/card-system/card-system";
import { HttpCardSystem } from "@/lib/card-system/http";
import { SimulatedCardSystem } from "@/lib/card-system/simulated";
import { startCardSystemStub, type RunningCardSystemStub } from "@/sim/card-system";
import { actAs } from "@/test-support/action-session";
import { tempPki } from "@/test-support/d1-simulator";

// Which card system the app talks to in this file; each test picks one.
const cards = vi.hoisted(() => ({ system: null as CardSystem | null }));
vi.mock("@/lib/card-system", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/card-system")>()),
  cardSystem: () => cards.system,
}));
vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { handOverAction } = await import("./hand-over");
const { retryActivationAction } = await import("./retry-activation");

let counter: Awaited<ReturnType<typeof makeCounter>>;
// A product whose cards the customer activates: no activation at hand-over.
let customerActivated: Awaited<ReturnType<typeof makeProduct>>;
let simulated: SimulatedCardSystem;
let stub: RunningCardSystemStub;
let http: HttpCardSystem;

beforeAll(async () => {
  counter = await makeCounter(db);
  customerActivated = await makeProduct(db, [counter.branch.id], { activateAtHandOver: false });
  const { pki } = await tempPki();
  stub = await startCardSystemStub({ pki, port: 0, controlPort: 0 });
  const read = (file: string) => readFileSync(file, "utf8");
  http = new HttpCardSystem({
    url: stub.url,
    tls: { cert: read(pki.issuerClient.certPath), key: read(pki.issuerClient.keyPath), ca: read(pki.ca.certPath) },
    timeoutMs: 2_000,
    maxAttempts: 2,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
});
beforeEach(() => {
  simulated = new SimulatedCardSystem();
  cards.system = simulated;
  stub.faults.clear();
  actAs(counter.teller);
});
afterAll(async () => {
  await http.close();
  await stub.stop();
  await db.$client.end();
});

const produced = (overrides: Parameters<typeof makeJob>[2] = {}) =>
  makeJob(db, counter, { state: "done", cardStatus: "inactive", panLast4: "4242", ...overrides });
const row = async (id: string) => (await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, id)))[0]!;
const eventsOf = async (id: string) =>
  (await db.select().from(jobEvents).where(eq(jobEvents.jobId, id)).orderBy(jobEvents.id)).map((e) => e.kind);
const handOver = (jobId: string) => handOverAction({ jobId, idDocumentType: "passport", idDocumentLast: "x42" });

describe("recording the hand-over", () => {
  it("moves the card to handed_over with who, when and the document's last characters, then activates it", async () => {
    const job = await produced();
    const result = await handOver(job.id);
    expect(result).toMatchObject({ ok: true, data: { outcome: { activation: "done", oldCardBlock: "not_needed" } } });
    const after = await row(job.id);
    expect(after).toMatchObject({
      state: "handed_over",
      handedOverBy: counter.teller.id,
      idDocumentType: "passport",
      idDocumentLast: "X42",
      cardStatus: "active",
      activationError: null,
    });
    expect(after.handedOverAt).toBeInstanceOf(Date);
    expect(after.activatedAt).toBeInstanceOf(Date);
    expect(simulated.stateOf(job.cardId)).toBe("active");
    expect(await eventsOf(job.id)).toEqual(["handed_over", "activated"]);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, job.id), eq(auditLog.action, "job.hand_over")));
    expect(audit?.after).toMatchObject({ state: "handed_over", idDocumentType: "passport", idDocumentLast: "X42" });
  });

  it("refuses a whole document number: only the last 2 to 4 characters are taken", async () => {
    const job = await produced();
    const result = await handOverAction({ jobId: job.id, idDocumentType: "id_card", idDocumentLast: "L01X00T47" });
    expect(result).toMatchObject({ ok: false, code: "invalid:action" });
    expect(!result.ok && result.fieldErrors?.idDocumentLast?.[0]).toContain("last 2 to 4");
    expect((await row(job.id)).state).toBe("done");
  });

  it("is idempotent: a double submit records one hand-over and activates once", async () => {
    const job = await produced();
    const results = await Promise.all([handOver(job.id), handOver(job.id)]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await eventsOf(job.id)).toEqual(["handed_over", "activated"]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, job.id));
    expect(audits.filter((a) => a.action === "job.hand_over")).toHaveLength(1);
  });

  it("refuses a card that was not produced, or was canceled and produced anyway", async () => {
    const waiting = await makeJob(db, counter, { state: "ready" });
    expect(await handOver(waiting.id)).toMatchObject({ ok: false, code: "conflict:job" });
    expect((await row(waiting.id)).state).toBe("ready");
    const toDestroy = await produced({ destroyIfProduced: true });
    expect(await handOver(toDestroy.id)).toMatchObject({ ok: false, code: "conflict:job" });
    expect((await row(toDestroy.id)).state).toBe("done");
  });

  it("refuses another branch's card", async () => {
    const job = await produced();
    const elsewhere = await makeCounter(db);
    actAs(elsewhere.teller);
    expect(await handOver(job.id)).toMatchObject({ ok: false, code: "forbidden:branch" });
    expect(await retryActivationAction({ jobId: job.id })).toMatchObject({ ok: false, code: "forbidden:branch" });
    expect((await row(job.id)).state).toBe("done");
  });

  it("checks branch and state from the job's row alone (findHandOverFacts), and says so for an unknown job", async () => {
    const job = await produced();
    expect(await findHandOverFacts({ db, jobId: job.id })).toEqual({
      branchId: counter.branch.id,
      state: "done",
      handedOver: false,
      destroyIfProduced: false,
      training: false,
    });
    await handOver(job.id);
    expect(await findHandOverFacts({ db, jobId: job.id })).toMatchObject({ state: "handed_over", handedOver: true });
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await handOver(unknown)).toMatchObject({ ok: false, code: "not_found:job" });
    expect(await retryActivationAction({ jobId: unknown })).toMatchObject({ ok: false, code: "not_found:job" });
  });

  it("leaves the card inactive when its product says the customer activates it", async () => {
    const job = await produced({ productId: customerActivated.id });
    expect(await handOver(job.id)).toMatchObject({ ok: true, data: { outcome: { activation: "not_needed" } } });
    expect(await row(job.id)).toMatchObject({ state: "handed_over", cardStatus: "inactive", activatedAt: null });
    expect(simulated.stateOf(job.cardId)).toBeUndefined();
  });
});

describe("a card system failure never undoes the hand-over", () => {
  it("keeps the hand-over when activation is refused, and stores why", async () => {
    const job = await produced();
    // A blocked card cannot be activated: the simulated card system refuses, as a real one would.
    await simulated.block({ cardId: job.cardId, reason: "lost" });
    const result = await handOver(job.id);
    expect(result).toMatchObject({ ok: true, data: { outcome: { activation: "failed" } } });
    const after = await row(job.id);
    expect(after).toMatchObject({ state: "handed_over", cardStatus: "inactive", activatedAt: null });
    expect(after.activationError).toContain("refused to activate");
    expect(await eventsOf(job.id)).toEqual(["handed_over", "activation_failed"]);
    // The reason the screen says in the reader's language, beside the stored English words.
    const [failed] = await db
      .select()
      .from(jobEvents)
      .where(and(eq(jobEvents.jobId, job.id), eq(jobEvents.kind, "activation_failed")));
    expect(failed!.detail).toMatchObject({ reason: "refused", message: after.activationError });
  });

  it("activates on retry once the card system accepts", async () => {
    cards.system = http;
    const job = await produced();
    await http.allocate({
      jobId: job.id,
      cardId: job.cardId,
      product: { bin: "453201", panLength: 16, expiryMonths: 36 },
      nameOnCard: "JANE DOE",
    });
    stub.faults.add({ mode: "refuseActivation", count: 1, delayMs: 0 });
    expect(await handOver(job.id)).toMatchObject({ ok: true, data: { outcome: { activation: "failed" } } });
    expect(stub.state(job.cardId)).toBe("issued");
    expect(await retryActivationAction({ jobId: job.id })).toMatchObject({
      ok: true,
      data: { outcome: { activation: "done" } },
    });
    expect(stub.state(job.cardId)).toBe("active");
    expect(await row(job.id)).toMatchObject({ cardStatus: "active", activationError: null });
    // Nothing left to do: a second retry asks the card system nothing.
    const activations = stub.counters.activations;
    expect(await retryActivationAction({ jobId: job.id })).toMatchObject({
      ok: true,
      data: { outcome: { activation: "not_needed" } },
    });
    expect(stub.counters.activations).toBe(activations);
  });

  it("retry-activation refuses a card not handed over yet", async () => {
    const job = await produced();
    expect(await retryActivationAction({ jobId: job.id })).toMatchObject({ ok: false, code: "conflict:job" });
  });
});

describe("handing over a replacement", () => {
  it("marks the replaced card replaced and blocks it through the card system", async () => {
    const old = await makeJob(db, counter, { state: "handed_over", cardStatus: "active", panLast4: "1111" });
    const job = await produced({ replacesJobId: old.id, reason: "REPLACEMENT", replacementReason: "damaged" });
    expect(await handOver(job.id)).toMatchObject({ ok: true, data: { outcome: { oldCardBlock: "done" } } });
    expect(await row(old.id)).toMatchObject({ cardStatus: "replaced", blockReason: "replaced" });
    expect((await row(old.id)).blockedAt).toBeInstanceOf(Date);
    expect(simulated.stateOf(old.cardId)).toEqual({ blocked: "replaced" });
    expect(await eventsOf(old.id)).toEqual(["card_replaced"]);
    expect(await eventsOf(job.id)).toEqual(["handed_over", "activated", "old_card_blocked"]);
  });

  it("does not block again a card already blocked as lost", async () => {
    const blockedAt = new Date(Date.now() - 3_600_000);
    const old = await makeJob(db, counter, {
      state: "handed_over",
      cardStatus: "blocked",
      blockedAt,
      blockReason: "lost",
    });
    const job = await produced({ replacesJobId: old.id, reason: "REPLACEMENT", replacementReason: "lost" });
    expect(await handOver(job.id)).toMatchObject({ ok: true, data: { outcome: { oldCardBlock: "not_needed" } } });
    expect(await row(old.id)).toMatchObject({ cardStatus: "replaced", blockReason: "lost", blockedAt });
    expect(simulated.stateOf(old.cardId)).toBeUndefined();
  });

  it("keeps the hand-over when blocking the old card fails, and blocks it on retry", async () => {
    cards.system = http;
    const product = { bin: "453201", panLength: 16, expiryMonths: 36 };
    const old = await makeJob(db, counter, { state: "handed_over", cardStatus: "active" });
    await http.allocate({ jobId: old.id, cardId: old.cardId, product, nameOnCard: "JANE DOE" });
    await http.activate({ cardId: old.cardId });
    // No activation of the new card here, so the block is the only call: both its attempts get a 500.
    const job = await produced({
      productId: customerActivated.id,
      replacesJobId: old.id,
      reason: "REPLACEMENT",
      replacementReason: "damaged",
    });
    stub.faults.add({ mode: "http500", count: 2, delayMs: 0 });
    expect(await handOver(job.id)).toMatchObject({ ok: true, data: { outcome: { oldCardBlock: "failed" } } });
    expect(await row(job.id)).toMatchObject({ state: "handed_over" });
    expect(await row(old.id)).toMatchObject({ cardStatus: "replaced", blockedAt: null });
    expect(stub.state(old.cardId)).toBe("active");
    expect(await retryActivationAction({ jobId: job.id })).toMatchObject({
      ok: true,
      data: { outcome: { oldCardBlock: "done" } },
    });
    expect(stub.state(old.cardId)).toBe("blocked");
    expect(await eventsOf(job.id)).toEqual(["handed_over", "old_card_block_failed", "old_card_blocked"]);
  });
});

describe("roles", () => {
  it("an admin (no teller role) cannot record a hand-over", async () => {
    const job = await produced();
    actAs(await makeUser(db, "admin", null));
    expect(await handOver(job.id)).toMatchObject({ ok: false, code: "forbidden:action" });
  });
});
