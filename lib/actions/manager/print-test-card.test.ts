// "Print test card": the manager of the station's branch (or an admin) sends the bank's test product
// to a new, unverified station as a job of its own (no customer, a synthetic name, stable ids,
// queued for the worker before D1 is called); anyone else is refused, and nothing is sent twice.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, issuanceJobs } from "@/db/schema";
import { makeBranch, makeStation, makeUser, theTestProduct, uniq } from "@/db/testing/factories";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { printTestCardAction } = await import("./print-test-card");
const { deleteStationAction } = await import("./delete-station");
const { cancelJobAction } = await import("@/lib/actions/teller/cancel-job");
const { verifyStationAction } = await import("./verify-station");

let branch: Awaited<ReturnType<typeof makeBranch>>;
let manager: Awaited<ReturnType<typeof makeUser>>;
let product: Awaited<ReturnType<typeof theTestProduct>>;

beforeAll(async () => {
  branch = await makeBranch(db);
  manager = await makeUser(db, "manager", branch.id);
  product = await theTestProduct(db);
});

afterAll(() => db.$client.end());

/** A newly registered station: disabled and not verified. */
const newStation = () => makeStation(db, branch.id, { label: uniq("New printer "), enabled: false, verifiedAt: null });

const jobsAt = (stationId: string) => db.select().from(issuanceJobs).where(eq(issuanceJobs.stationId, stationId));

describe("print test card", () => {
  it("sends the test product to the station as a job of its own, committed and queued before D1", async () => {
    const station = await newStation();
    actAs(manager);
    const result = await printTestCardAction({ stationId: station.id });
    expect(result).toMatchObject({ ok: true });
    const [job] = await jobsAt(station.id);
    expect(job).toMatchObject({
      purpose: "station_test",
      customerId: null,
      productId: product.id,
      nameOnCard: "TEST CARD",
      state: "submitting",
      requestedBy: manager.id,
      persoStation: station.persoStation,
    });
    expect(job!.cardId).toMatch(/^[A-Za-z0-9_-]{1,48}$/);
    expect(job!.issuerRequestId).toMatch(/^req-/);
    const { rows } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from graphile_worker.jobs where key = ${`submit:${job!.id}`}`,
    );
    expect(rows[0]?.n).toBe(1);
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, station.id), eq(auditLog.action, "station.test_card")));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: manager.id, after: { product: product.name, attempt: 1 } });
  });

  it("refuses a second test card while one is on its way, and sends a new one after a failure", async () => {
    const station = await newStation();
    actAs(manager);
    expect(await printTestCardAction({ stationId: station.id })).toMatchObject({ ok: true });
    const again = await printTestCardAction({ stationId: station.id });
    expect(again).toMatchObject({ ok: false, code: "conflict:station" });
    expect(!again.ok && again.message).toContain("already on its way");
    expect(await jobsAt(station.id)).toHaveLength(1);
    await db
      .update(issuanceJobs)
      .set({ state: "submission_failed", completedAt: new Date() })
      .where(eq(issuanceJobs.stationId, station.id));
    expect(await printTestCardAction({ stationId: station.id })).toMatchObject({ ok: true });
    expect(await jobsAt(station.id)).toHaveLength(2);
  });

  it("refuses another branch's manager and a teller, and takes an admin", async () => {
    const station = await newStation();
    actAs(await makeUser(db, "manager", (await makeBranch(db)).id));
    expect(await printTestCardAction({ stationId: station.id })).toMatchObject({
      ok: false,
      code: "forbidden:branch",
    });
    actAs(await makeUser(db, "teller", branch.id));
    expect(await printTestCardAction({ stationId: station.id })).toMatchObject({
      ok: false,
      code: "forbidden:action",
    });
    expect(await jobsAt(station.id)).toHaveLength(0);
    actAs(await makeUser(db, "admin", null));
    expect(await printTestCardAction({ stationId: station.id })).toMatchObject({ ok: true });
  });

  it("refuses a station that is verified already", async () => {
    const station = await makeStation(db, branch.id, { enabled: false });
    actAs(manager);
    expect(await printTestCardAction({ stationId: station.id })).toMatchObject({
      ok: false,
      code: "conflict:station",
    });
    expect(await jobsAt(station.id)).toHaveLength(0);
  });

  it("does not keep a mistyped station: one whose test card failed is deleted with it, one on its way is kept", async () => {
    const station = await newStation();
    actAs(manager);
    expect(await printTestCardAction({ stationId: station.id })).toMatchObject({ ok: true });
    const kept = await deleteStationAction({ stationId: station.id });
    expect(kept).toMatchObject({ ok: false, code: "conflict:station" });
    // D1 did not accept the order (a station id D1 does not know).
    await db
      .update(issuanceJobs)
      .set({ state: "submission_failed", completedAt: new Date() })
      .where(eq(issuanceJobs.stationId, station.id));
    expect(await deleteStationAction({ stationId: station.id })).toMatchObject({ ok: true });
    expect(await jobsAt(station.id)).toHaveLength(0);
  });

  it("a test card is not the counter's to cancel, and one D1 may still print keeps its station", async () => {
    const station = await newStation();
    actAs(manager);
    const printed = await printTestCardAction({ stationId: station.id });
    if (!printed.ok) throw new Error(printed.message);
    expect(await cancelJobAction({ jobId: printed.data.jobId })).toMatchObject({ ok: false, code: "not_found:job" });
    // Canceled while D1 held it (flagged to destroy if produced): D1 may still print it.
    await db
      .update(issuanceJobs)
      .set({ state: "canceled", destroyIfProduced: true, completedAt: new Date() })
      .where(eq(issuanceJobs.id, printed.data.jobId));
    expect(await deleteStationAction({ stationId: station.id })).toMatchObject({ ok: false, code: "conflict:station" });
    expect(await jobsAt(station.id)).toHaveLength(1);
  });

  it("is not confirmed by hand while a test card is on its way (it would be held for good)", async () => {
    const station = await newStation();
    actAs(manager);
    const printed = await printTestCardAction({ stationId: station.id });
    if (!printed.ok) throw new Error(printed.message);
    expect(await verifyStationAction({ stationId: station.id, testCardPrinted: true })).toMatchObject({
      ok: false,
      code: "conflict:station",
    });
    await db
      .update(issuanceJobs)
      .set({ state: "submission_failed", completedAt: new Date() })
      .where(eq(issuanceJobs.id, printed.data.jobId));
    expect(await verifyStationAction({ stationId: station.id, testCardPrinted: true })).toMatchObject({ ok: true });
  });
});
