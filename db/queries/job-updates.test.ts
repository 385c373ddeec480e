// The receiver's one statement for a request canceled at the counter: a card D1 reports produced
// anyway is flagged for destruction (the job stays canceled, never "produced"), once.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, issuanceJobs, jobEvents } from "@/db/schema";
import { makeCounter, makeJob, uniq } from "@/db/testing/factories";
import { applyD1StatusUpdates } from "./job-updates";

let counter: Awaited<ReturnType<typeof makeCounter>>;

beforeAll(async () => {
  counter = await makeCounter(db);
});

afterAll(async () => {
  await db.$client.end();
});

const update = (cardId: string, d1Status: string, newState: string) => ({
  cardId,
  operationId: uniq("op-"),
  d1Status,
  newState,
});
const row = async (id: string) => (await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, id)))[0]!;
const events = async (id: string) => db.select().from(jobEvents).where(eq(jobEvents.jobId, id));

describe("a card produced after a cancel at the counter", () => {
  it("keeps the job canceled, flags it once, with an event and an audit entry", async () => {
    const job = await makeJob(db, counter, { state: "canceled", canceledAt: new Date(), destroyIfProduced: true });
    await applyD1StatusUpdates({ db, updates: [update(job.cardId, "CARD_PROD_READY", "ready")] });
    expect((await row(job.id)).producedAfterCancelAt).toBeNull();

    const result = await applyD1StatusUpdates({ db, updates: [update(job.cardId, "CARD_PROD_DONE", "done")] });
    expect(result.applied).toBe(1);
    const flagged = await row(job.id);
    expect(flagged).toMatchObject({ state: "canceled", cardStatus: null, d1Status: "CARD_PROD_DONE" });
    expect(flagged.producedAfterCancelAt).toBeInstanceOf(Date);

    // D1 says it again (another operation id): still one flag, one event.
    await applyD1StatusUpdates({ db, updates: [update(job.cardId, "CARD_PROD_DONE", "done")] });
    expect((await row(job.id)).producedAfterCancelAt).toEqual(flagged.producedAfterCancelAt);
    expect((await events(job.id)).filter((e) => e.kind === "produced_after_cancel")).toHaveLength(1);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, job.id));
    expect(audits.map((a) => a.action)).toEqual(["job.produced_after_cancel"]);
  });

  it("a request not canceled is produced as before", async () => {
    const job = await makeJob(db, counter, { state: "ready" });
    await applyD1StatusUpdates({ db, updates: [update(job.cardId, "CARD_PROD_DONE", "done")] });
    expect(await row(job.id)).toMatchObject({ state: "done", cardStatus: "inactive", producedAfterCancelAt: null });
  });
});
