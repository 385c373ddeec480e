// The real retry and cancel actions on the run's database: a canceled card stays canceled, a
// retry on the station that failed needs the teller's confirmation, and a retry and a cancel
// clicked at once never both happen.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { issuanceJobs } from "@/db/schema";
import { makeCounter, makeJob, makeStation } from "@/db/testing/factories";
import type { ActionInput } from "@/lib/actions/result";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// The wrapper redirects to the new job after a successful retry; here the result is enough.
vi.mock("next/navigation", () => ({ redirect: () => undefined }));

const { retryJobAction } = await import("./retry-job");
const { closeJobAction } = await import("./close-job");

let counter: Awaited<ReturnType<typeof makeCounter>>;
let other: Awaited<ReturnType<typeof makeStation>>;
const created: string[] = [];

beforeAll(async () => {
  counter = await makeCounter(db);
  other = await makeStation(db, counter.branch.id, { label: "Other printer" });
  actAs(counter.teller);
});

afterAll(async () => {
  // No worker runs in this project: take the queued submissions back out of graphile-worker's
  // queue so the queue tests that run later do not pick them up.
  for (const id of created) await db.execute(sql`select graphile_worker.remove_job(${`submit:${id}`})`);
  await db.$client.end();
});

const jammed = () => makeJob(db, counter, { state: "production_exception", errorMessage: "jam" });
const retriesOf = async (jobId: string) => db.select().from(issuanceJobs).where(eq(issuanceJobs.retryOfJobId, jobId));
async function retry(input: ActionInput<typeof retryJobAction>) {
  const result = await retryJobAction(input);
  if (result.ok) created.push(result.data.jobId);
  return result;
}

describe("retrying a failed card", () => {
  it("issues a misprinted card again, but not a produced card that is fine", async () => {
    const good = await makeJob(db, counter, { state: "done", completedAt: new Date() });
    expect(await retry({ jobId: good.id, stationId: other.id })).toMatchObject({ ok: false, code: "conflict:job" });
    const misprinted = await makeJob(db, counter, { state: "done", completedAt: new Date(), destroyIfProduced: true });
    expect(await retry({ jobId: misprinted.id, stationId: other.id })).toMatchObject({ ok: true });
    expect(await retriesOf(misprinted.id)).toHaveLength(1);
  });

  it("refuses a card canceled at the counter, with a clear message", async () => {
    const job = await jammed();
    expect(await closeJobAction({ jobId: job.id })).toMatchObject({ ok: true });
    const result = await retry({ jobId: job.id, stationId: other.id });
    expect(result).toMatchObject({ ok: false, code: "conflict:job" });
    expect(!result.ok && result.message).toContain("canceled at the counter");
    expect(await retriesOf(job.id)).toHaveLength(0);
  });

  it("refuses the station that failed without the teller's confirmation, as a field error", async () => {
    const job = await jammed();
    const result = await retry({ jobId: job.id, stationId: counter.station.id });
    expect(result).toMatchObject({ ok: false, code: "invalid:job" });
    expect(!result.ok && result.fieldErrors?.confirmSameStation?.[0]).toContain("Confirm that its problem is solved");
    expect(await retriesOf(job.id)).toHaveLength(0);
  });

  it("retries on the station that failed when the teller confirms it (form value)", async () => {
    const job = await jammed();
    const form = new FormData();
    form.set("jobId", job.id);
    form.set("stationId", counter.station.id);
    form.set("confirmSameStation", "true");
    const result = await retryJobAction(null, form);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) created.push(result.data.jobId);
    const [again] = await retriesOf(job.id);
    expect(again?.stationId).toBe(counter.station.id);
  });

  it("retries on another station without confirmation, once", async () => {
    const job = await jammed();
    const first = await retry({ jobId: job.id, stationId: other.id });
    const second = await retry({ jobId: job.id, stationId: other.id });
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    expect(await retriesOf(job.id)).toHaveLength(1);
  });

  it("a retried card can no longer be canceled", async () => {
    const job = await jammed();
    expect(await retry({ jobId: job.id, stationId: other.id })).toMatchObject({ ok: true });
    expect(await closeJobAction({ jobId: job.id })).toMatchObject({ ok: false, code: "conflict:job" });
  });

  it("a retry and a cancel clicked at once: exactly one of them happens", async () => {
    for (let i = 0; i < 5; i++) {
      const job = await jammed();
      const [retried, closed] = await Promise.all([
        retry({ jobId: job.id, stationId: other.id }),
        closeJobAction({ jobId: job.id }),
      ]);
      expect([retried.ok, closed.ok].filter(Boolean)).toHaveLength(1);
      const retries = await retriesOf(job.id);
      expect(retries).toHaveLength(retried.ok ? 1 : 0);
    }
  });
});
