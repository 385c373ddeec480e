// A station's life: registered disabled and unverified, verified by a confirmed test card, then
// enabled; renamed; deleted only while it never sent a card. Every step audited, branch-scoped.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, issuanceJobs, jobEvents, stations } from "@/db/schema";
import { makeBranch, makeCounter, makeJob, makeUser, uniq } from "@/db/testing/factories";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { registerStationAction } = await import("./register-station");
const { setStationEnabledAction } = await import("./set-station-enabled");
const { verifyStationAction } = await import("./verify-station");
const { renameStationAction } = await import("./rename-station");
const { deleteStationAction } = await import("./delete-station");
const { printTestCardAction } = await import("./print-test-card");

let branch: Awaited<ReturnType<typeof makeBranch>>;
let manager: Awaited<ReturnType<typeof makeUser>>;
let stranger: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  const code = uniq("L").toUpperCase();
  branch = await makeBranch(db, { code, stationIdPattern: `${code}-PS-*` });
  manager = await makeUser(db, "manager", branch.id);
  stranger = await makeUser(db, "manager", (await makeBranch(db)).id);
});

afterAll(() => db.$client.end());

const row = async (id: string) => (await db.select().from(stations).where(eq(stations.id, id)))[0];
const audited = async (id: string, action: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)));

async function register() {
  actAs(manager);
  const result = await registerStationAction({
    persoStation: `${branch.code}-PS-${uniq().toUpperCase()}`,
    label: "Counter printer 5",
  });
  if (!result.ok) throw new Error(result.message);
  return result.data.stationId;
}

describe("station lifecycle", () => {
  it("registers a station disabled and unverified, and refuses to enable it before a test card", async () => {
    const id = await register();
    expect(await row(id)).toMatchObject({ enabled: false, verifiedAt: null });
    const refused = await setStationEnabledAction({ stationId: id, enabled: true });
    expect(refused).toMatchObject({ ok: false, code: "conflict:station" });
    expect(!refused.ok && refused.message).toContain("test card");
    expect((await row(id))?.enabled).toBe(false);
  });

  it("enables a station once a test card is confirmed, auditing who confirmed it", async () => {
    const id = await register();
    actAs(stranger);
    expect(await verifyStationAction({ stationId: id, testCardPrinted: true })).toMatchObject({
      ok: false,
      code: "forbidden:branch",
    });
    actAs(manager);
    expect(await verifyStationAction({ stationId: id, testCardPrinted: false })).toMatchObject({ ok: false });
    expect((await row(id))?.verifiedAt).toBeNull();
    expect(await verifyStationAction({ stationId: id, testCardPrinted: true })).toMatchObject({ ok: true });
    expect((await row(id))?.verifiedAt).toBeInstanceOf(Date);
    const [entry] = await audited(id, "station.verify");
    expect(entry).toMatchObject({ actorId: manager.id, branchId: branch.id });
    expect(await setStationEnabledAction({ stationId: id, enabled: true })).toMatchObject({ ok: true });
    expect((await row(id))?.enabled).toBe(true);
  });

  it("renames a station (label and location) with the change audited, only in its own branch", async () => {
    const id = await register();
    actAs(stranger);
    expect(await renameStationAction({ stationId: id, label: "Hijacked", location: "" })).toMatchObject({
      ok: false,
      code: "forbidden:branch",
    });
    actAs(manager);
    expect(await renameStationAction({ stationId: id, label: "Back office", location: "1st floor" })).toMatchObject({
      ok: true,
    });
    expect(await row(id)).toMatchObject({ label: "Back office", location: "1st floor" });
    const [entry] = await audited(id, "station.rename");
    expect(entry).toMatchObject({ before: { label: "Counter printer 5" }, after: { label: "Back office" } });
  });

  it("deletes a station that never sent a card, and keeps one that did", async () => {
    const id = await register();
    actAs(stranger);
    expect(await deleteStationAction({ stationId: id })).toMatchObject({ ok: false, code: "forbidden:branch" });
    actAs(manager);
    expect(await deleteStationAction({ stationId: id })).toMatchObject({ ok: true });
    expect(await row(id)).toBeUndefined();
    const [entry] = await audited(id, "station.delete");
    expect(entry?.before).toMatchObject({ label: "Counter printer 5" });

    const counter = await makeCounter(db, { isDefault: false });
    await makeJob(db, counter);
    actAs(await makeUser(db, "manager", counter.branch.id));
    const kept = await deleteStationAction({ stationId: counter.station.id });
    expect(kept).toMatchObject({ ok: false, code: "conflict:station" });
    expect(!kept.ok && kept.message).toContain("kept for the record");
    expect(await row(counter.station.id)).toBeDefined();
  });

  it("deletes a station that only trainees sent cards to, with their training requests and events", async () => {
    const counter = await makeCounter(db, { isDefault: false });
    const practice = await makeJob(db, counter, { state: "done", training: true, completedAt: new Date() });
    await db.insert(jobEvents).values({ jobId: practice.id, branchId: counter.branch.id, kind: "done", state: "done" });
    const mine = await makeUser(db, "manager", counter.branch.id);
    actAs(mine);
    expect(await deleteStationAction({ stationId: counter.station.id })).toMatchObject({ ok: true });
    expect(await row(counter.station.id)).toBeUndefined();
    expect(await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, practice.id))).toEqual([]);
    expect(await db.select().from(jobEvents).where(eq(jobEvents.jobId, practice.id))).toEqual([]);
    const [entry] = await audited(counter.station.id, "station.delete");
    expect(entry?.after).toMatchObject({ trainingJobsDeleted: 1 });
  });

  it("refuses a station's setup to a manager in training: real work on a real station", async () => {
    const id = await register();
    actAs(manager, { training: true });
    const refusals = [
      await registerStationAction({ persoStation: `${branch.code}-PS-${uniq().toUpperCase()}`, label: "Practice" }),
      await printTestCardAction({ stationId: id }),
      await verifyStationAction({ stationId: id, testCardPrinted: true }),
      await setStationEnabledAction({ stationId: id, enabled: true }),
      await deleteStationAction({ stationId: id }),
    ];
    for (const refused of refusals) {
      expect(refused).toMatchObject({ ok: false, code: "forbidden:action" });
      expect(!refused.ok && refused.message).toContain("You are in training");
    }
    expect(await row(id)).toMatchObject({ verifiedAt: null, enabled: false });
    expect(await db.select().from(issuanceJobs).where(eq(issuanceJobs.stationId, id))).toEqual([]);
  });
});
