// The admin's training controls: switching a user or a branch into training and wiping training
// data are audited (by a real admin, naming what changed); drills are added and cleared; all of
// it is for admins only. Runs with the queue tests: the wipe deletes every training job.
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { listTrainingFaults } from "@/db/queries/training";
import { auditLog, branches, issuanceJobs, users } from "@/db/schema";
import { makeCounter, makeJob, makeUser } from "@/db/testing/factories";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { setUserTrainingAction } = await import("./set-user-training");
const { setBranchTrainingAction } = await import("./set-branch-training");
const { addTrainingFaultAction } = await import("./add-training-fault");
const { clearTrainingFaultAction } = await import("./clear-training-fault");
const { wipeTrainingDataAction } = await import("./wipe-training-data");

afterAll(() => db.$client.end());

const audited = async (action: string, entityId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

describe("training controls", () => {
  it("switch users and branches in and out of training, audited, for admins only", async () => {
    const counter = await makeCounter(db);
    actAs(await makeUser(db, "manager", counter.branch.id));
    const refused = await setUserTrainingAction({ userId: counter.teller.id, training: true });
    expect(refused).toMatchObject({ ok: false, code: "forbidden:action" });

    const admin = await makeUser(db, "admin", null);
    actAs(admin);
    expect(await setUserTrainingAction({ userId: counter.teller.id, training: true })).toMatchObject({ ok: true });
    const [user] = await db.select().from(users).where(eq(users.id, counter.teller.id));
    expect(user?.training).toBe(true);
    const [entry] = await audited("user.training_on", counter.teller.id);
    expect(entry).toMatchObject({ actorId: admin.id, before: { training: false }, after: { training: true } });
    // Switching again to the same state changes nothing and audits nothing more.
    await setUserTrainingAction({ userId: counter.teller.id, training: true });
    expect(await audited("user.training_on", counter.teller.id)).toHaveLength(1);
    await setUserTrainingAction({ userId: counter.teller.id, training: false });
    expect(await audited("user.training_off", counter.teller.id)).toHaveLength(1);

    expect(await setBranchTrainingAction({ branchId: counter.branch.id, training: true })).toMatchObject({ ok: true });
    const [branch] = await db.select().from(branches).where(eq(branches.id, counter.branch.id));
    expect(branch?.training).toBe(true);
    expect(await audited("branch.training_on", counter.branch.id)).toHaveLength(1);
    await setBranchTrainingAction({ branchId: counter.branch.id, training: false });
  });

  it("add and clear drills", async () => {
    const counter = await makeCounter(db);
    actAs(await makeUser(db, "admin", null));
    const added = await addTrainingFaultAction({
      stationId: counter.station.id,
      kind: "jam",
      count: 2,
      untilCleared: false,
    });
    expect(added).toMatchObject({ ok: true });
    const mine = async () => (await listTrainingFaults({ db })).filter((f) => f.stationId === counter.station.id);
    expect(await mine()).toEqual([expect.objectContaining({ kind: "jam", remaining: 2 })]);
    const forever = await addTrainingFaultAction({ stationId: "", kind: "d1_429", untilCleared: true });
    expect(forever).toMatchObject({ ok: true });
    const missing = await addTrainingFaultAction({ stationId: counter.station.id, kind: "jam", untilCleared: false });
    expect(missing).toMatchObject({ ok: false, fieldErrors: { count: [expect.any(String)] } });
    for (const result of [added, forever]) {
      if (result.ok)
        expect(await clearTrainingFaultAction({ faultId: result.data.faultId })).toMatchObject({ ok: true });
    }
    expect(await mine()).toEqual([]);
  });

  it("wipe training data only with the typed word, audited with the counts", async () => {
    const counter = await makeCounter(db);
    const admin = await makeUser(db, "admin", null);
    actAs(admin);
    const training = await makeJob(db, counter, { training: true });
    const real = await makeJob(db, counter);
    expect(await wipeTrainingDataAction({ confirm: "wipe it" })).toMatchObject({
      ok: false,
      fieldErrors: { confirm: [expect.any(String)] },
    });
    expect(await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, training.id))).toHaveLength(1);
    const wiped = await wipeTrainingDataAction({ confirm: "WIPE" });
    expect(wiped).toMatchObject({ ok: true });
    expect(await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, training.id))).toEqual([]);
    expect(await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, real.id))).toHaveLength(1);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "training.wipe"), eq(auditLog.actorId, admin.id)));
    expect(entry?.after).toMatchObject({ jobs: expect.any(Number) });
    expect((entry?.after as { jobs: number }).jobs).toBeGreaterThanOrEqual(1);
  });
});
