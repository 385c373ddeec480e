// The manager's "Problem solved" on a station marked likely unavailable: the mark goes, the
// change is audited, and only the station's own branch manager may do it.
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { stationHealth } from "@/db/queries/station-health";
import { auditLog } from "@/db/schema";
import { makeCounter, makeJob, makeUser } from "@/db/testing/factories";
import { readStationHealth } from "@/lib/stations/health";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { clearStationProblemAction } = await import("./clear-station-problem");

afterAll(() => db.$client.end());

describe("clearStationProblemAction", () => {
  it("clears a jammed station's mark for its branch's manager only, and audits it", async () => {
    const counter = await makeCounter(db);
    await makeJob(db, counter, {
      state: "production_exception",
      errorMessage: "jam",
      completedAt: new Date(Date.now() - 5_000),
    });
    const availability = async () =>
      readStationHealth(await stationHealth({ db, training: false, branchId: counter.branch.id }))[0];
    expect(await availability()).toMatchObject({ availability: "likely_unavailable", lastProblem: { kind: "jam" } });

    const stranger = await makeCounter(db);
    actAs(await makeUser(db, "manager", stranger.branch.id));
    expect(await clearStationProblemAction({ stationId: counter.station.id })).toMatchObject({
      ok: false,
      code: "forbidden:branch",
    });
    actAs(counter.teller);
    expect(await clearStationProblemAction({ stationId: counter.station.id })).toMatchObject({ ok: false });
    expect((await availability())?.availability).toBe("likely_unavailable");

    const manager = await makeUser(db, "manager", counter.branch.id);
    actAs(manager);
    expect(await clearStationProblemAction({ stationId: counter.station.id })).toMatchObject({ ok: true });
    // Still shown as its last problem, but no longer held against it.
    expect(await availability()).toMatchObject({ availability: "ready", lastProblem: { kind: "jam" } });
    const audited = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, counter.station.id), eq(auditLog.action, "station.problem_cleared")));
    expect(audited).toHaveLength(1);
    expect(audited[0]?.actorId).toBe(manager.id);
  });
});
