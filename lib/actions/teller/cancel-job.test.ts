// The cancel and move actions behind the wrapper: branch scope, only open requests, and the
// existing close of a failed card now recorded as canceled at the counter. D1 is the stub a
// deployment without D1 settings gets (cancel-deps.ts), so nothing here reaches a network.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { issuanceJobs } from "@/db/schema";
import { makeCounter, makeJob, makeStation, makeUser } from "@/db/testing/factories";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({ redirect: () => undefined }));
vi.mock("@/lib/issuance/cancel-deps", () => ({
  cancelDeps: () => ({
    d1: {
      cancelProduction: () => Promise.resolve({ outcome: "unreachable" }),
      getProductionStatus: () => Promise.reject(new Error("D1 down")),
    },
  }),
}));

const { cancelJobAction } = await import("./cancel-job");
const { moveJobAction } = await import("./move-job");
const { closeJobAction } = await import("./close-job");

let counter: Awaited<ReturnType<typeof makeCounter>>;
let elsewhere: Awaited<ReturnType<typeof makeCounter>>;

beforeAll(async () => {
  counter = await makeCounter(db);
  elsewhere = await makeCounter(db);
});

afterAll(async () => {
  // No worker runs here: take the moved requests' queued submissions back out of the queue.
  await db.execute(sql`select graphile_worker.remove_job('submit:' || id::text)
    from issuance_jobs where branch_id = ${counter.branch.id}`);
  await db.$client.end();
});

const row = async (id: string) => (await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, id)))[0]!;

describe("cancel and move at the counter", () => {
  it("refuses another branch's request", async () => {
    const job = await makeJob(db, elsewhere, { state: "requested" });
    actAs(counter.teller);
    expect(await cancelJobAction({ jobId: job.id })).toMatchObject({ ok: false, code: "forbidden:branch" });
    expect(await moveJobAction({ jobId: job.id, stationId: counter.station.id })).toMatchObject({
      ok: false,
      code: "forbidden:branch",
    });
    expect((await row(job.id)).state).toBe("requested");
  });

  it("a request D1 holds, with D1 unreachable: canceled at the counter and flagged for destruction", async () => {
    const job = await makeJob(db, counter, { state: "requested" });
    actAs(counter.teller);
    const result = await cancelJobAction({ jobId: job.id });
    expect(result).toMatchObject({ ok: true, data: { reach: "not_stopped" } });
    expect(await row(job.id)).toMatchObject({
      state: "canceled",
      destroyIfProduced: true,
      canceledBy: counter.teller.id,
    });
  });

  it("refuses a card already produced", async () => {
    const job = await makeJob(db, counter, { state: "done" });
    actAs(counter.teller);
    expect(await cancelJobAction({ jobId: job.id })).toMatchObject({ ok: false, code: "conflict:job" });
  });

  it("a manager may move a waiting request; the old one is canceled and linked", async () => {
    const other = await makeStation(db, counter.branch.id, { label: "Other printer" });
    const manager = await makeUser(db, "manager", counter.branch.id);
    const job = await makeJob(db, counter, { state: "ready" });
    actAs(manager);
    const result = await moveJobAction({ jobId: job.id, stationId: other.id });
    expect(result).toMatchObject({ ok: true, data: { movedInPlace: false } });
    const newId = result.ok ? result.data.jobId : "";
    expect(await row(newId)).toMatchObject({ retryOfJobId: job.id, stationId: other.id });
    expect((await row(job.id)).state).toBe("canceled");
  });

  it("closing a failed card records it as canceled at the counter (T5)", async () => {
    const job = await makeJob(db, counter, { state: "production_exception" });
    actAs(counter.teller);
    expect(await closeJobAction({ jobId: job.id })).toMatchObject({ ok: true });
    const closed = await row(job.id);
    expect(closed.state).toBe("production_exception");
    expect(closed.canceledAt).toBeInstanceOf(Date);
    expect(closed.canceledBy).toBe(counter.teller.id);
  });
});
