// The stock actions on the run's database, as the branch's people: dual control (a second person
// of the branch with their own password, never the same person), the vault never below zero,
// spoiled cards apart until destroyed, and both names in the audit log.
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { insertAssertion } from "@/db/queries/second-signer-assertions";
import { placeBalance } from "@/db/queries/stock";
import { auditLog, cardProducts, issuanceJobs, stockTypes } from "@/db/schema";
import { makeCounter, makeJob, makeStation, makeUser, uniq } from "@/db/testing/factories";
import { hashPassword } from "@/lib/auth/password";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { receiveStockAction } = await import("@/lib/actions/manager/receive-stock");
const { loadStationAction } = await import("@/lib/actions/manager/load-station");
const { destroySpoiledAction } = await import("@/lib/actions/manager/destroy-spoiled");
const { spoilCardAction } = await import("@/lib/actions/manager/spoil-card");
const { reportMisprintAction } = await import("@/lib/actions/teller/report-misprint");
const { handOverAction } = await import("@/lib/actions/teller/hand-over");

const PASSWORD = "stock-second-pass-1";
let counter: Awaited<ReturnType<typeof makeCounter>>;
let manager: Awaited<ReturnType<typeof makeUser>>;
let teller: Awaited<ReturnType<typeof makeUser>>;
let stranger: Awaited<ReturnType<typeof makeUser>>;
let stockTypeId: string;

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  counter = await makeCounter(db);
  manager = await makeUser(db, "manager", counter.branch.id, { passwordHash });
  teller = await makeUser(db, "teller", counter.branch.id, { passwordHash });
  const other = await makeCounter(db);
  stranger = await makeUser(db, "teller", other.branch.id, { passwordHash });
  const [type] = await db
    .insert(stockTypes)
    .values({ code: uniq("ST-"), name: "Debit blank PVC" })
    .returning();
  stockTypeId = type!.id;
  await db.update(cardProducts).set({ stockTypeId }).where(eq(cardProducts.id, counter.product.id));
});
afterAll(() => db.$client.end());

const signedBy = (user: { email: string }, password = PASSWORD) => ({
  secondEmail: user.email,
  secondPassword: password,
});
const balance = (place: "vault" | "station" | "spoiled", stationId: string | null = null) =>
  placeBalance({ db, branchId: counter.branch.id, stockTypeId, place, stationId });
const receive = (
  quantity: number,
  second: { secondAssertion: string } | ReturnType<typeof signedBy> = signedBy(teller),
) => receiveStockAction({ stockTypeId, quantity, lot: "LOT-1", supplierRef: "DN-77", ...second });

describe("receiving and loading under dual control", () => {
  it("receives a shipment with two people and names both in the audit log", async () => {
    actAs(manager);
    const before = await balance("vault");
    expect(await receive(500)).toMatchObject({ ok: true, data: { quantity: 500, secondBy: teller.name } });
    expect(await balance("vault")).toBe(before + 500);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.branchId, counter.branch.id), eq(auditLog.action, "stock.received")));
    expect(entry?.after).toMatchObject({
      by: manager.name,
      secondBy: teller.name,
      secondConfirmedWith: "password",
      quantity: 500,
      lot: "LOT-1",
    });
  });

  it("takes the second person's single sign-on confirmation instead of a password, once", async () => {
    actAs(manager);
    const { id } = await insertAssertion({
      db,
      requestedBy: manager.id,
      signerId: teller.id,
      branchId: counter.branch.id,
      step: "stock.receive",
    });
    const before = await balance("vault");
    const sso = { secondAssertion: id };
    expect(await receive(7, sso)).toMatchObject({ ok: true, data: { quantity: 7, secondBy: teller.name } });
    expect(await balance("vault")).toBe(before + 7);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.branchId, counter.branch.id), eq(auditLog.action, "stock.received")))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry?.after).toMatchObject({ by: manager.name, secondBy: teller.name, secondConfirmedWith: "sso" });
    expect(await receive(7, sso)).toMatchObject({ ok: false, fieldErrors: { secondAssertion: [expect.any(String)] } });
    expect(await balance("vault")).toBe(before + 7);
  });

  it("refuses the same person twice, a wrong password and someone of another branch", async () => {
    actAs(manager);
    const before = await balance("vault");
    expect(await receive(5, signedBy(manager))).toMatchObject({
      ok: false,
      code: "invalid:second_signer",
      fieldErrors: { secondEmail: [expect.stringContaining("someone else")] },
    });
    expect(await receive(5, signedBy(teller, "wrong-password-1"))).toMatchObject({
      ok: false,
      fieldErrors: { secondPassword: [expect.any(String)] },
    });
    expect(await receive(5, signedBy(stranger))).toMatchObject({
      ok: false,
      fieldErrors: { secondEmail: [expect.stringContaining("this branch")] },
    });
    expect(await balance("vault")).toBe(before);
  });

  it("only the branch manager starts a movement", async () => {
    actAs(teller);
    expect(await receive(5, signedBy(manager))).toMatchObject({ ok: false, code: "forbidden:action" });
  });

  it("loads a station from the vault (two rows, one transfer) but never more than the vault holds", async () => {
    actAs(manager);
    const vault = await balance("vault");
    const load = (quantity: number, stationId = counter.station.id) =>
      loadStationAction({ stockTypeId, stationId, quantity, ...signedBy(teller) });
    expect(await load(vault + 1)).toMatchObject({
      ok: false,
      code: "conflict:stock",
      fieldErrors: { quantity: [expect.stringContaining(`only ${vault}`)] },
    });
    expect(await load(100)).toMatchObject({ ok: true });
    expect(await balance("vault")).toBe(vault - 100);
    expect(await balance("station", counter.station.id)).toBe(100);
    // Another branch's station is refused.
    const elsewhere = await makeCounter(db);
    expect(await load(1, elsewhere.station.id)).toMatchObject({ ok: false, code: "forbidden:branch" });
  });

  it("two loads at once cannot both take the last cards", async () => {
    actAs(manager);
    const station = await makeStation(db, counter.branch.id);
    const vault = await balance("vault");
    const results = await Promise.all(
      [0, 1].map(() => loadStationAction({ stockTypeId, stationId: station.id, quantity: vault, ...signedBy(teller) })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await balance("vault")).toBe(0);
  });
});

describe("spoiled cards", () => {
  it("a misprint goes to the spoiled pile, is never handed over, and can be retried", async () => {
    const job = await makeJob(db, counter, { state: "done", completedAt: new Date(), cardStatus: "inactive" });
    const [station, pile] = [await balance("station", counter.station.id), await balance("spoiled")];
    actAs(counter.teller);
    expect(await reportMisprintAction({ jobId: job.id })).toMatchObject({ ok: true });
    expect(await reportMisprintAction({ jobId: job.id })).toMatchObject({ ok: false, code: "conflict:job" });
    // The produced card already left the station: only the pile grows.
    expect(await balance("station", counter.station.id)).toBe(station);
    expect(await balance("spoiled")).toBe(pile + 1);
    const [row] = await db.select().from(issuanceJobs).where(eq(issuanceJobs.id, job.id));
    expect(row).toMatchObject({ state: "done", destroyIfProduced: true });
    expect(await handOverAction({ jobId: job.id, idDocumentType: "passport", idDocumentLast: "1234" })).toMatchObject({
      ok: false,
    });
  });

  it("the manager spoils a card never handed over; not another branch's", async () => {
    const job = await makeJob(db, counter, { state: "done", completedAt: new Date() });
    const other = await makeCounter(db);
    actAs(await makeUser(db, "manager", other.branch.id));
    expect(await spoilCardAction({ jobId: job.id })).toMatchObject({ ok: false, code: "forbidden:branch" });
    actAs(manager);
    const pile = await balance("spoiled");
    expect(await spoilCardAction({ jobId: job.id })).toMatchObject({ ok: true, data: { reason: "not_handed_over" } });
    expect(await balance("spoiled")).toBe(pile + 1);
  });

  it("destroys spoiled cards with two people, never more than the pile holds", async () => {
    actAs(manager);
    const pile = await balance("spoiled");
    expect(pile).toBeGreaterThan(0);
    const destroy = (quantity: number) =>
      destroySpoiledAction({ stockTypeId, quantity, note: "", ...signedBy(teller) });
    expect(await destroy(pile + 1)).toMatchObject({ ok: false, code: "conflict:stock" });
    expect(await destroy(pile)).toMatchObject({ ok: true, data: { secondBy: teller.name } });
    expect(await balance("spoiled")).toBe(0);
  });
});
