// Disabling a station with waiting requests: the confirmation names them, the manager can move
// them all to another station first, and enabling a station sends its held requests at once.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { issuanceJobs, stations } from "@/db/schema";
import { makeCounter, makeJob, makeStation, makeUser } from "@/db/testing/factories";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/issuance/cancel-deps", () => ({
  cancelDeps: () => ({
    d1: {
      cancelProduction: () => Promise.resolve({ outcome: "accepted" }),
      getProductionStatus: () => Promise.resolve(null),
    },
  }),
}));

const { setStationEnabledAction } = await import("./set-station-enabled");
const { moveStationRequestsAction } = await import("./move-station-requests");

let counter: Awaited<ReturnType<typeof makeCounter>>;
let manager: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  counter = await makeCounter(db);
  manager = await makeUser(db, "manager", counter.branch.id);
});

afterAll(async () => {
  await db.execute(sql`select graphile_worker.remove_job('submit:' || id::text)
    from issuance_jobs where branch_id = ${counter.branch.id}`);
  await db.$client.end();
});

const queued = async (jobId: string) =>
  (
    await db.execute<{ n: number }>(
      sql`select count(*)::int as n from graphile_worker.jobs where key = ${`submit:${jobId}`}`,
    )
  ).rows[0]?.n ?? 0;

describe("a station with waiting requests", () => {
  it("lists them when disabling, then moves them all to another station and disables it", async () => {
    const closing = await makeStation(db, counter.branch.id, { label: "Closing printer" });
    const spare = await makeStation(db, counter.branch.id, { label: "Spare printer" });
    const held = await makeJob(db, counter, { stationId: closing.id, persoStation: closing.persoStation });
    const atD1 = await makeJob(db, counter, {
      stationId: closing.id,
      persoStation: closing.persoStation,
      state: "requested",
    });
    actAs(manager);
    const refused = await setStationEnabledAction({ stationId: closing.id, enabled: false });
    expect(refused).toMatchObject({ ok: false, code: "conflict:station" });
    expect(!refused.ok && refused.fieldErrors?.waiting).toHaveLength(2);
    expect(!refused.ok && refused.fieldErrors?.waiting?.[0]).toContain("Sending to D1");

    expect(await moveStationRequestsAction({ stationId: closing.id, toStationId: spare.id })).toEqual({
      ok: true,
      data: { moved: 2, failed: 0 },
    });
    const [inPlace] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, held.id));
    expect(inPlace?.stationId).toBe(spare.id);
    const [reissued] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.retryOfJobId, atD1.id));
    expect(reissued?.stationId).toBe(spare.id);
    expect(await setStationEnabledAction({ stationId: closing.id, enabled: false })).toMatchObject({ ok: true });
  });

  it("refuses another branch's manager", async () => {
    const other = await makeCounter(db);
    const theirs = await makeUser(db, "manager", other.branch.id);
    actAs(theirs);
    expect(
      await moveStationRequestsAction({ stationId: counter.station.id, toStationId: other.station.id }),
    ).toMatchObject({ ok: false, code: "forbidden:branch" });
  });

  it("enabling a station queues its held requests at once", async () => {
    const station = await makeStation(db, counter.branch.id, { label: "Paused printer", enabled: false });
    const job = await makeJob(db, counter, { stationId: station.id, persoStation: station.persoStation });
    actAs(manager);
    expect(await queued(job.id)).toBe(0);
    expect(await setStationEnabledAction({ stationId: station.id, enabled: true })).toMatchObject({ ok: true });
    expect(await queued(job.id)).toBe(1);
    expect((await db.select().from(stations).where(eq(stations.id, station.id)))[0]?.enabled).toBe(true);
  });
});
