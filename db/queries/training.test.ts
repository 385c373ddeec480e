// Training mode's one rule on the run's database: a training job is absent from everything real
// users see (board, counter lists, customer history, approvals, reports, station health, metrics)
// and present for a trainee; it writes no stock row and no audit entry; a person is in training
// by their own flag or their branch's; drills are claimed once each.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, branches, stockCounts, stockLedger, stockTypes, users } from "@/db/schema";
import { makeCounter, makeJob, makeProduct, makeSession, makeUser, uniq } from "@/db/testing/factories";
import { insertAudit } from "./audit";
import { countAwaitingApproval, findApprovalRequest, listAwaitingApproval } from "./approvals";
import { branchJobs, openJobCount } from "./branch-jobs";
import { branchStats } from "./branch-stats";
import { listCustomerCards } from "./customer-cards";
import { listCardsToDestroy, listWaitingJobs } from "./job-cancel";
import { findJobView, listJobs } from "./job-views";
import { applyD1StatusUpdates } from "./job-updates";
import { cardRequestCounts } from "./metrics";
import { notHandedOver } from "./not-handed-over";
import { branchComparison, cardsIssued } from "./reports";
import { findSessionRecord } from "./sessions";
import { stationHealth, stationPicks } from "./station-health";
import { countOpenJobs, countStationTests, stationEverUsed } from "./stations";
import { addTrainingFault, claimTrainingFault, listInTraining, setBranchTraining } from "./training";

afterAll(() => db.$client.end());

let counter: Awaited<ReturnType<typeof makeCounter>>;
let realJob: Awaited<ReturnType<typeof makeJob>>;
let trainingJob: Awaited<ReturnType<typeof makeJob>>;
let trainingApproval: Awaited<ReturnType<typeof makeJob>>;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  counter = await makeCounter(db);
  const done = { state: "done" as const, completedAt: new Date(Date.now() - 60_000), cardStatus: "inactive" as const };
  realJob = await makeJob(db, counter, { ...done, panLast4: "1111" });
  trainingJob = await makeJob(db, counter, { ...done, panLast4: "2222", training: true });
  trainingApproval = await makeJob(db, counter, {
    state: "awaiting_approval",
    training: true,
    approvalRules: ["name_differs"],
  });
  await makeJob(db, counter, { state: "requested", training: true });
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("one rule: trainees see training work, everyone else real work", () => {
  it("on the board and the counter's lists", async () => {
    const branchId = counter.branch.id;
    expect(ids(await branchJobs({ db, branchId, limit: 50, training: false }))).toEqual([realJob.id]);
    expect(ids(await branchJobs({ db, branchId, limit: 50, training: true }))).toContain(trainingJob.id);
    expect(await openJobCount({ db, branchId, training: false })).toBe(0);
    expect(await openJobCount({ db, branchId, training: true })).toBe(2);
    expect((await branchStats({ db, branchId, training: false })).today.issued).toBe(1);
    expect(ids(await listJobs({ db, branchId, training: false }))).toEqual([realJob.id]);
    expect(ids(await listJobs({ db, branchId, training: true }))).not.toContain(realJob.id);
    expect(await findJobView({ db, id: trainingJob.id, training: false })).toBeNull();
    expect((await findJobView({ db, id: trainingJob.id, training: true }))?.id).toBe(trainingJob.id);
    const closedEarly = new Date(Date.now() + 48 * 3600_000);
    expect(ids(await notHandedOver({ db, branchId, now: closedEarly, training: false }))).toEqual([realJob.id]);
    expect(ids(await notHandedOver({ db, branchId, now: closedEarly, training: true }))).toEqual([trainingJob.id]);
  });

  it("in the customer's card history and the approvals queue", async () => {
    const customerId = counter.customer.id;
    const jobIds = (cards: { jobId: string }[]) => cards.map((c) => c.jobId);
    expect(jobIds(await listCustomerCards({ db, customerId, training: false }))).toEqual([realJob.id]);
    expect(jobIds(await listCustomerCards({ db, customerId, training: true }))).toEqual([trainingJob.id]);
    expect(await listAwaitingApproval({ db, branchId: counter.branch.id, training: false })).toEqual([]);
    expect(await listAwaitingApproval({ db, branchId: counter.branch.id, training: true })).toHaveLength(1);
    // The approvals badge, and the request's own page (its title names the customer).
    expect(await countAwaitingApproval({ db, branchId: counter.branch.id, training: false })).toBe(0);
    expect(await countAwaitingApproval({ db, branchId: counter.branch.id, training: true })).toBe(1);
    expect(await findApprovalRequest({ db, jobId: trainingApproval.id, training: false })).toBeNull();
    expect((await findApprovalRequest({ db, jobId: trainingApproval.id, training: true }))?.id).toBe(
      trainingApproval.id,
    );
    // A real request awaiting approval (its own branch, so the figures of the tests below stay).
    const other = await makeCounter(db);
    const realApproval = await makeJob(db, other, { state: "awaiting_approval", approvalRules: ["name_differs"] });
    expect(await findApprovalRequest({ db, jobId: realApproval.id, training: true })).toBeNull();
    expect((await findApprovalRequest({ db, jobId: realApproval.id, training: false }))?.id).toBe(realApproval.id);
    expect(await countAwaitingApproval({ db, branchId: other.branch.id, training: false })).toBe(1);
    expect(await countAwaitingApproval({ db, branchId: other.branch.id, training: true })).toBe(0);
  });

  it("in station health", async () => {
    const [real] = await stationHealth({ db, branchId: counter.branch.id, training: false });
    const [trainee] = await stationHealth({ db, branchId: counter.branch.id, training: true });
    expect(real?.queueDepth).toBe(0);
    expect(real?.cardsLast24h).toBe(1);
    expect(trainee?.queueDepth).toBe(2);
  });

  it("in the cards to destroy and a station's disable warning", async () => {
    const c = await makeCounter(db);
    const produced = { state: "canceled" as const, producedAfterCancelAt: new Date(), completedAt: new Date() };
    const realCard = await makeJob(db, c, produced);
    const trainingCard = await makeJob(db, c, { ...produced, training: true });
    expect(ids(await listCardsToDestroy({ db, branchId: c.branch.id, training: false }))).toEqual([realCard.id]);
    expect(ids(await listCardsToDestroy({ db, branchId: c.branch.id, training: true }))).toEqual([trainingCard.id]);
    const realWaiting = await makeJob(db, c, { state: "requested" });
    const trainingWaiting = await makeJob(db, c, { state: "requested", training: true });
    const stationId = c.station.id;
    expect(await countOpenJobs({ db, stationId, training: false })).toBe(1);
    expect(await countOpenJobs({ db, stationId, training: true })).toBe(1);
    expect(ids(await listWaitingJobs({ db, stationId, training: false }))).toEqual([realWaiting.id]);
    expect(ids(await listWaitingJobs({ db, stationId, training: true }))).toEqual([trainingWaiting.id]);
  });

  it("in a station's setup, which is real work: test cards and whether it was ever used", async () => {
    const c = await makeCounter(db, { verifiedAt: null, enabled: false, isDefault: false });
    await makeJob(db, c, { state: "requested", purpose: "station_test", customerId: null, training: true });
    expect(await countStationTests({ db, stationId: c.station.id })).toEqual({ total: 0, latestState: null });
    await makeJob(db, c, { state: "done", training: true, completedAt: new Date() });
    expect(await stationEverUsed({ db, id: c.station.id })).toBe(false);
    const [health] = await stationHealth({ db, branchId: c.branch.id, training: false });
    expect(health?.everUsed).toBe(false);
    await makeJob(db, c, { state: "done", completedAt: new Date() });
    expect(await stationEverUsed({ db, id: c.station.id })).toBe(true);
    expect((await stationHealth({ db, branchId: c.branch.id, training: true }))[0]?.everUsed).toBe(true);
  });

  it("in the teller's station picker, where a count difference holds real cards only", async () => {
    const c = await makeCounter(db);
    const [type] = await db
      .insert(stockTypes)
      .values({ code: uniq("TP-"), name: "Picker plastic" })
      .returning();
    const confirmer = await makeUser(db, "teller", c.branch.id);
    await db.insert(stockCounts).values({
      branchId: c.branch.id,
      stockTypeId: type!.id,
      businessDate: "2020-01-02",
      place: "station",
      stationId: c.station.id,
      expected: 5,
      counted: 4,
      countedBy: c.teller.id,
      confirmedBy: confirmer.id,
    });
    expect((await stationPicks({ db, branchId: c.branch.id, training: false }))[0]?.unbalancedSince).toBe("2020-01-02");
    expect((await stationPicks({ db, branchId: c.branch.id, training: true }))[0]?.unbalancedSince).toBeNull();
  });

  it("in reports and metrics, which count real work only", async () => {
    const issued = await cardsIssued({
      db,
      branchId: counter.branch.id,
      from: today,
      to: today,
      grain: "day",
      by: "teller",
    });
    expect(issued.reduce((n, r) => n + r.count, 0)).toBe(1);
    const mine = (await branchComparison({ db, from: today, to: today })).find((b) => b.branchId === counter.branch.id);
    expect(mine?.issued).toBe(1);
    const requests = await cardRequestCounts({ db });
    expect(requests.filter((r) => r.branch === counter.branch.code).reduce((n, r) => n + r.n, 0)).toBe(1);
  });
});

describe("no stock rows, no audit entries for training jobs", () => {
  it("the receiver's statement books no stock and audits nothing for a training card", async () => {
    const [type] = await db
      .insert(stockTypes)
      .values({ code: uniq("TS-"), name: "Training stock" })
      .returning();
    const product = await makeProduct(db, [counter.branch.id], { stockTypeId: type!.id });
    const real = await makeJob(db, counter, { state: "requested", productId: product.id });
    const training = await makeJob(db, counter, { state: "requested", productId: product.id, training: true });
    const done = (cardId: string) => ({
      cardId,
      operationId: uniq("op-"),
      d1Status: "CARD_PROD_DONE",
      newState: "done",
    });
    // The real receiver's call moves only real jobs; the training call only training jobs.
    const viaD1 = await applyD1StatusUpdates({ db, updates: [done(real.cardId), done(training.cardId)] });
    expect(viaD1.unknownCards).toEqual([training.cardId]);
    const viaTraining = await applyD1StatusUpdates({ db, updates: [done(training.cardId)], training: true });
    expect(viaTraining.applied).toBe(1);
    expect(await db.select().from(stockLedger).where(eq(stockLedger.jobId, real.id))).toHaveLength(1);
    expect(await db.select().from(stockLedger).where(eq(stockLedger.jobId, training.id))).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, real.id))).toHaveLength(1);
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, training.id))).toEqual([]);
  });

  it("insertAudit writes nothing about a training job, and everything else as before", async () => {
    const entry = (entityId: string) => ({ action: "job.test", entityType: "issuance_job", entityId, after: { a: 1 } });
    await insertAudit({ db, entry: entry(trainingJob.id) });
    await insertAudit({ db, entry: entry(realJob.id) });
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, trainingJob.id))).toEqual([]);
    const [written] = await db.select().from(auditLog).where(eq(auditLog.entityId, realJob.id));
    expect(written).toMatchObject({ action: "job.test", after: { a: 1 } });
  });
});

describe("who is in training", () => {
  it("a user by their own flag or by their branch's, read with the session", async () => {
    const other = await makeCounter(db);
    const teller = await makeUser(db, "teller", other.branch.id);
    const session = await makeSession(db, teller);
    const flag = async () =>
      (await findSessionRecord({ db, userId: teller.id, sessionId: session.sessionId }))?.user.training;
    expect(await flag()).toBe(false);
    await setBranchTraining({ db, id: other.branch.id, training: true });
    expect(await flag()).toBe(true);
    expect((await listInTraining({ db })).branches.map((b) => b.id)).toContain(other.branch.id);
    await db.update(branches).set({ training: false }).where(eq(branches.id, other.branch.id));
    await db.update(users).set({ training: true }).where(eq(users.id, teller.id));
    expect(await flag()).toBe(true);
    expect((await listInTraining({ db })).users.map((u) => u.id)).toContain(teller.id);
  });
});

describe("drills", () => {
  it("are claimed station first, counted down once each, and kept until cleared when not counted", async () => {
    const c = await makeCounter(db, { persoStation: uniq("TRN-PS-") });
    const ps = c.station.persoStation;
    const by = c.teller.id;
    await addTrainingFault({ db, stationId: c.station.id, kind: "jam", remaining: 2, createdBy: by });
    const claims = await Promise.all([1, 2, 3].map(() => claimTrainingFault({ db, persoStation: ps })));
    // Two jams for the station; the third order finds any every-station drill of other tests, or none.
    expect(claims.filter((k) => k === "jam")).toHaveLength(2);
    const forever = await addTrainingFault({
      db,
      stationId: c.station.id,
      kind: "offline",
      remaining: null,
      createdBy: by,
    });
    expect(await claimTrainingFault({ db, persoStation: ps })).toBe("offline");
    expect(await claimTrainingFault({ db, persoStation: ps })).toBe("offline");
    expect(forever.remaining).toBeNull();
  });
});
