// Maker-checker on the run's database, through the real actions: a request that meets a rule
// waits in awaiting_approval with nothing queued for D1; a manager of the branch other than the
// requester approves it (queued in the same transaction) or rejects it (final); a second or
// concurrent decision changes nothing; the worker and reconciliation leave waiting requests alone.
// In the queue project (one file at a time): it changes the bank-wide rules, which would reach
// other files' requests if they ran alongside.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { saveApprovalSettings } from "@/db/queries/approvals";
import { listCustomerCards } from "@/db/queries/customer-cards";
import { findJobsToReconcile } from "@/db/queries/jobs";
import { auditLog, issuanceJobs, jobEvents, stockCounts, stockTypes } from "@/db/schema";
import { makeCounter, makeCustomer, makeJob, makeProduct, makeUser } from "@/db/testing/factories";
import { actAs } from "@/test-support/action-session";
import type { IssuanceDeps } from "./deps";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({ redirect: () => undefined }));
vi.mock("@/lib/issuance/cancel-deps", () => ({
  cancelDeps: () => ({
    d1: {
      cancelProduction: () => Promise.reject(new Error("D1 must not be asked about a request it never got")),
      getProductionStatus: () => Promise.reject(new Error("D1 must not be asked about a request it never got")),
    },
  }),
}));

const { issueCardAction } = await import("@/lib/actions/teller/issue-card");
const { cancelJobAction } = await import("@/lib/actions/teller/cancel-job");
const { approveRequestAction } = await import("@/lib/actions/manager/approve-request");
const { rejectRequestAction } = await import("@/lib/actions/manager/reject-request");
const { updateApprovalSettingsAction } = await import("@/lib/actions/admin/update-approval-settings");
const { approvalRulesFor } = await import("./approval-rules");
const { submitOrder } = await import("./submit");

let counter: Awaited<ReturnType<typeof makeCounter>>;
let gated: Awaited<ReturnType<typeof makeProduct>>;
let manager: Awaited<ReturnType<typeof makeUser>>;
let otherManager: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  counter = await makeCounter(db);
  gated = await makeProduct(db, [counter.branch.id], { needsApproval: true });
  manager = await makeUser(db, "manager", counter.branch.id);
  otherManager = await makeUser(db, "manager", counter.branch.id);
  await saveApprovalSettings({ db, values: { repeatReplacementDays: null, nameDiffers: false } });
});

afterAll(async () => {
  await saveApprovalSettings({ db, values: { repeatReplacementDays: null, nameDiffers: false } });
  // No worker runs here: the approved requests' submissions leave the queue, their jobs close.
  await db.execute(sql`select graphile_worker.remove_job('submit:' || id::text)
    from issuance_jobs where branch_id = ${counter.branch.id}`);
  await db.execute(sql`update issuance_jobs set completed_at = now()
    where branch_id = ${counter.branch.id} and completed_at is null`);
  await db.$client.end();
});

const row = async (id: string) => (await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, id)))[0]!;
const queued = async (id: string) => {
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from graphile_worker.jobs where key = ${`submit:${id}`}`,
  );
  return rows[0]?.n ?? 0;
};
const events = async (id: string) =>
  (await db.select().from(jobEvents).where(eq(jobEvents.jobId, id)).orderBy(jobEvents.id)).map((e) => ({
    kind: e.kind,
    state: e.state,
    detail: e.detail,
  }));

/** Issues a card at the counter as `who` (the teller by default); returns the new job's id. */
async function issue(productId: string, who = counter.teller, nameOnCard = "JANE DOE"): Promise<string> {
  actAs(who);
  const customer = await makeCustomer(db, { givenName: "Jane", familyName: "Doe" });
  const result = await issueCardAction({
    requestKey: randomUUID(),
    customerId: customer.id,
    productId,
    stationId: counter.station.id,
    reason: "CREATION",
    nameOnCard,
  });
  if (!result.ok) throw new Error(`issue refused: ${result.code} ${JSON.stringify(result.fieldErrors)}`);
  return result.data.jobId;
}

describe("requests that meet an approval rule", () => {
  it("without a rule: sent as before", async () => {
    const id = await issue(counter.product.id);
    expect(await row(id)).toMatchObject({ state: "submitting", approvalRules: null });
    expect(await queued(id)).toBe(1);
  });

  it("a product that needs approval: waits, with nothing queued for D1, and says why", async () => {
    const id = await issue(gated.id);
    expect(await row(id)).toMatchObject({ state: "awaiting_approval", approvalRules: ["product"] });
    expect(await queued(id)).toBe(0);
    expect(await events(id)).toEqual([
      expect.objectContaining({
        kind: "created",
        state: "awaiting_approval",
        detail: expect.objectContaining({ approvalRules: ["product"] }),
      }),
    ]);
    // The worker and reconciliation never send it, however long it waits.
    const noD1 = new Proxy({}, { get: () => () => Promise.reject(new Error("D1 called")) });
    const deps = { d1: noD1, cardSystem: noD1, isRetryable: () => false } as unknown as IssuanceDeps;
    expect(await submitOrder(id, deps)).toBe("skipped");
    await db
      .update(issuanceJobs)
      .set({ updatedAt: new Date(Date.now() - 3_600_000) })
      .where(eq(issuanceJobs.id, id));
    const stale = await findJobsToReconcile({ db, quietSeconds: 60, limit: 10_000 });
    expect(stale.some((j) => j.id === id)).toBe(false);
    expect((await row(id)).state).toBe("awaiting_approval");
  });

  it("a second replacement for the customer within the set days", async () => {
    const customer = await makeCustomer(db);
    const card = await makeJob(db, { ...counter, customer }, { state: "handed_over", reason: "CREATION" });
    const request = {
      requestKey: randomUUID(),
      customerId: customer.id,
      productId: counter.product.id,
      reason: "REPLACEMENT" as const,
      nameOnCard: "JANE DOE",
      training: false,
    };
    await saveApprovalSettings({ db, values: { repeatReplacementDays: 30, nameDiffers: false } });
    expect(await approvalRulesFor(request)).toEqual([]);
    const first = await makeJob(db, { ...counter, customer }, { reason: "REPLACEMENT", replacesJobId: card.id });
    expect(await approvalRulesFor(request)).toEqual(["repeat_replacement"]);
    // The same request submitted again is not its own earlier replacement; a new card is no replacement.
    expect(await approvalRulesFor({ ...request, requestKey: first.requestKey })).toEqual([]);
    expect(await approvalRulesFor({ ...request, reason: "CREATION" })).toEqual([]);
    // A rejected replacement made no card; older than the set days no longer counts; rule off.
    await db.update(issuanceJobs).set({ state: "rejected" }).where(eq(issuanceJobs.id, first.id));
    expect(await approvalRulesFor(request)).toEqual([]);
    await db
      .update(issuanceJobs)
      .set({ state: "submitting", createdAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(eq(issuanceJobs.id, first.id));
    expect(await approvalRulesFor(request)).toEqual([]);
    await db.update(issuanceJobs).set({ createdAt: new Date() }).where(eq(issuanceJobs.id, first.id));
    await saveApprovalSettings({ db, values: { repeatReplacementDays: null, nameDiffers: false } });
    expect(await approvalRulesFor(request)).toEqual([]);
  });

  it("a name on the card beyond the emboss rules of the recorded name, when the rule is on", async () => {
    const admin = await makeUser(db, "admin", null);
    actAs(admin);
    expect(await updateApprovalSettingsAction({ repeatReplacementDays: "", nameDiffers: "on" })).toMatchObject({
      ok: true,
      data: { repeatReplacementDays: null, nameDiffers: true },
    });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "approval_settings.update"))
      .orderBy(sql`${auditLog.at} desc`)
      .limit(1);
    expect(audit?.after).toEqual({ repeatReplacementDays: null, nameDiffers: true });
    const differs = await issue(counter.product.id, counter.teller, "JOHN SMITH");
    expect(await row(differs)).toMatchObject({ state: "awaiting_approval", approvalRules: ["name_differs"] });
    const initials = await issue(counter.product.id, counter.teller, "J DOE");
    expect((await row(initials)).state).toBe("submitting");
    const both = await issue(gated.id, counter.teller, "JOHN SMITH");
    expect((await row(both)).approvalRules).toEqual(["product", "name_differs"]);
    await saveApprovalSettings({ db, values: { repeatReplacementDays: null, nameDiffers: false } });
    actAs(admin);
    expect(await updateApprovalSettingsAction({ repeatReplacementDays: "0", nameDiffers: "" })).toMatchObject({
      ok: false,
      code: "invalid:action",
    });
  });
});

describe("a replacement awaiting approval", () => {
  it("stands for its card meanwhile; once rejected, the card can be replaced again", async () => {
    const customer = await makeCustomer(db);
    const card = await makeJob(db, { ...counter, customer }, { state: "handed_over", cardStatus: "active" });
    const pending = async () =>
      (await listCustomerCards({ db, training: false, customerId: customer.id })).find((c) => c.jobId === card.id)
        ?.replaceable;
    const replacement = await makeJob(
      db,
      { ...counter, customer },
      { state: "awaiting_approval", reason: "REPLACEMENT", replacesJobId: card.id },
    );
    expect(await pending()).toBe(false);
    await db.update(issuanceJobs).set({ state: "rejected" }).where(eq(issuanceJobs.id, replacement.id));
    expect(await pending()).toBe(true);
  });
});

describe("the manager's decision", () => {
  it("approve: queued in the same step, decided by and why, an event and an audit entry; a repeat changes nothing", async () => {
    const id = await issue(gated.id);
    // The teller's request context (tracing is off here, so set by hand): the approved run continues it.
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    await db.update(issuanceJobs).set({ traceparent }).where(eq(issuanceJobs.id, id));
    actAs(manager);
    expect(await approveRequestAction({ jobId: id, note: "" })).toMatchObject({ ok: false, code: "invalid:action" });
    expect(await approveRequestAction({ jobId: id, note: "Customer known to the branch" })).toMatchObject({
      ok: true,
      data: { state: "submitting" },
    });
    expect(await row(id)).toMatchObject({
      state: "submitting",
      decidedBy: manager.id,
      decisionNote: "Customer known to the branch",
      completedAt: null,
    });
    expect(await queued(id)).toBe(1);
    const { rows: payloads } = await db.execute<{ payload: { traceparent?: string } }>(
      sql`select payload from graphile_worker._private_jobs where key = ${`submit:${id}`}`,
    );
    expect(payloads[0]?.payload.traceparent).toBe(traceparent);
    expect(await approveRequestAction({ jobId: id, note: "again" })).toMatchObject({ ok: true });
    expect((await events(id)).filter((e) => e.kind === "approved")).toEqual([
      {
        kind: "approved",
        state: "submitting",
        detail: expect.objectContaining({ note: "Customer known to the branch" }),
      },
    ]);
    actAs(otherManager);
    expect(await rejectRequestAction({ jobId: id, note: "too late" })).toMatchObject({
      ok: false,
      code: "conflict:job",
    });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "job.approve")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: manager.id, after: { state: "submitting" } });
  });

  it("reject: final with the reason, nothing queued; no approval afterwards", async () => {
    const id = await issue(gated.id);
    actAs(manager);
    expect(await rejectRequestAction({ jobId: id, note: "Name does not match the ID" })).toMatchObject({
      ok: true,
      data: { state: "rejected" },
    });
    const rejected = await row(id);
    expect(rejected).toMatchObject({ state: "rejected", decisionNote: "Name does not match the ID" });
    expect(rejected.completedAt).not.toBeNull();
    expect(await queued(id)).toBe(0);
    expect((await events(id)).at(-1)).toMatchObject({ kind: "rejected", state: "rejected" });
    actAs(otherManager);
    expect(await approveRequestAction({ jobId: id, note: "overrule" })).toMatchObject({
      ok: false,
      code: "conflict:job",
    });
    expect((await row(id)).state).toBe("rejected");
    expect(await queued(id)).toBe(0);
  });

  it("never by the requester, a teller, an admin or another branch's manager", async () => {
    const own = await issue(gated.id, manager);
    actAs(manager);
    expect(await approveRequestAction({ jobId: own, note: "my own" })).toMatchObject({
      ok: false,
      code: "forbidden:job",
    });
    const id = await issue(gated.id);
    const elsewhere = await makeCounter(db);
    for (const who of [
      counter.teller,
      await makeUser(db, "admin", counter.branch.id),
      await makeUser(db, "manager", elsewhere.branch.id),
    ]) {
      actAs(who);
      expect(await approveRequestAction({ jobId: id, note: "looks fine" })).toMatchObject({ ok: false });
      expect(await rejectRequestAction({ jobId: id, note: "not this one" })).toMatchObject({ ok: false });
    }
    expect(await row(own)).toMatchObject({ state: "awaiting_approval", decidedBy: null });
    expect(await row(id)).toMatchObject({ state: "awaiting_approval", decidedBy: null });
    actAs(otherManager);
    expect(await approveRequestAction({ jobId: own, note: "checked by a colleague" })).toMatchObject({ ok: true });
  });

  it("two managers at once: exactly one decision counts", async () => {
    const id = await issue(gated.id);
    const [a, b] = await Promise.all([
      (async () => {
        actAs(manager);
        return approveRequestAction({ jobId: id, note: "fine" });
      })(),
      (async () => {
        actAs(otherManager);
        return rejectRequestAction({ jobId: id, note: "not fine" });
      })(),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const decisions = (await events(id)).filter((e) => e.kind === "approved" || e.kind === "rejected");
    expect(decisions).toHaveLength(1);
    expect(await queued(id)).toBe((await row(id)).state === "submitting" ? 1 : 0);
  });

  it("no approval sends a card to a station held by an unexplained end-of-day difference", async () => {
    const id = await issue(gated.id);
    const [stock] = await db
      .insert(stockTypes)
      .values({ code: `T${randomUUID().slice(0, 8)}`, name: "Test plastic" })
      .returning();
    const [count] = await db
      .insert(stockCounts)
      .values({
        branchId: counter.branch.id,
        stockTypeId: stock!.id,
        businessDate: "2020-01-02",
        place: "station",
        stationId: counter.station.id,
        expected: 10,
        counted: 9,
        countedBy: manager.id,
        confirmedBy: otherManager.id,
      })
      .returning();
    actAs(manager);
    const refused = await approveRequestAction({ jobId: id, note: "Looks fine to me" });
    expect(refused).toMatchObject({ ok: false, code: "invalid:station" });
    expect(await row(id)).toMatchObject({ state: "awaiting_approval", decidedBy: null });
    expect(await queued(id)).toBe(0);
    // Once explained, the approval goes through.
    await db
      .update(stockCounts)
      .set({ explanation: "Recounted", explainedBy: manager.id, explainedAt: new Date() })
      .where(eq(stockCounts.id, count!.id));
    expect(await approveRequestAction({ jobId: id, note: "Looks fine to me" })).toMatchObject({ ok: true });
  });

  it("the teller cancels a waiting request: simply canceled, D1 never asked; no decision afterwards", async () => {
    const id = await issue(gated.id);
    actAs(counter.teller);
    expect(await cancelJobAction({ jobId: id })).toMatchObject({ ok: true, data: { reach: "never_sent" } });
    expect(await row(id)).toMatchObject({ state: "canceled", destroyIfProduced: false });
    actAs(manager);
    expect(await approveRequestAction({ jobId: id, note: "looks fine" })).toMatchObject({
      ok: false,
      code: "conflict:job",
    });
    expect(await queued(id)).toBe(0);
  });
});
