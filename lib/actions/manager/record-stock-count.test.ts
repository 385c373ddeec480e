// The end-of-day count under dual control, one count per day and place, and a difference that
// holds its station from the next day until a manager explains it (which books a correction).
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { insertAssertion } from "@/db/queries/second-signer-assertions";
import { insertStockRows } from "@/db/queries/stock";
import { placeBalances } from "@/db/queries/stock-count";
import { auditLog, stockLedger, stockTypes } from "@/db/schema";
import { makeBranch, makeProduct, makeStation, makeUser, uniq } from "@/db/testing/factories";
import { hashPassword } from "@/lib/auth/password";
import { startOfDayIn } from "@/lib/datetime";
import { checkCounterRequest } from "@/lib/issuance/counter-checks";
import { dateIn } from "@/lib/issuance/eligibility";
import { assertStationBalanced, unbalancedByStation } from "@/lib/stock/count-block";
import { previousDate } from "@/lib/stock/end-of-day";
import { actAs } from "@/test-support/action-session";

vi.mock("@/lib/auth/session", () => import("@/test-support/action-session"));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "127.0.0.1", userAgent: "vitest" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { recordStockCountAction } = await import("./record-stock-count");
const { explainStockCountAction } = await import("./explain-stock-count");

afterAll(() => db.$client.end());

const PASSWORD = "count-second-pass-1";
const TZ = "Europe/Berlin";

async function setUp() {
  const passwordHash = await hashPassword(PASSWORD);
  const branch = await makeBranch(db, { timezone: TZ });
  const station = await makeStation(db, branch.id, { label: "Counter printer 1" });
  const manager = await makeUser(db, "manager", branch.id, { passwordHash, name: "Max Manager" });
  const teller = await makeUser(db, "teller", branch.id, { passwordHash, name: "Tara Teller" });
  const [type] = await db
    .insert(stockTypes)
    .values({ code: uniq("ST-"), name: "Visa blank" })
    .returning();
  // 100 loaded into the station, 5 produced, 1 spoiled: 94 expected.
  const day = async (at: Date) => {
    const row = { branchId: branch.id, stockTypeId: type!.id, at };
    await insertStockRows({ db, rows: [{ ...row, place: "vault", movement: "received", quantity: 500 }] });
    await insertStockRows({ db, rows: [{ ...row, place: "vault", movement: "loaded", quantity: -100 }] });
    const atStation = { ...row, place: "station" as const, stationId: station.id };
    await insertStockRows({ db, rows: [{ ...atStation, movement: "loaded", quantity: 100 }] });
    await insertStockRows({ db, rows: [{ ...atStation, movement: "produced", quantity: -5 }] });
    await insertStockRows({ db, rows: [{ ...atStation, movement: "spoiled", quantity: -1 }] });
    await insertStockRows({ db, rows: [{ ...row, place: "spoiled", movement: "spoiled", quantity: 1 }] });
  };
  const count = (overrides: Record<string, unknown> = {}) =>
    recordStockCountAction({
      stockTypeId: type!.id,
      place: "station",
      stationId: station.id,
      businessDate: dateIn(TZ),
      counted: 93,
      secondEmail: teller.email,
      secondPassword: PASSWORD,
      ...overrides,
    });
  return { branch, station, manager, teller, type: type!, day, count };
}

describe("recordStockCountAction", () => {
  it("needs a manager and a second, different person of the branch with their own password", async () => {
    const { branch, manager, teller, day, count } = await setUp();
    await day(new Date());
    actAs(teller);
    expect(await count({ secondEmail: manager.email })).toMatchObject({ ok: false, code: "forbidden:action" });
    actAs(manager);
    const same = await count({ secondEmail: manager.email });
    expect(same).toMatchObject({ ok: false, code: "invalid:second_signer" });
    expect(!same.ok && same.fieldErrors?.secondEmail?.[0]).toMatch(/someone else/);
    expect(await count({ secondPassword: "wrong-password" })).toMatchObject({
      ok: false,
      code: "invalid:second_signer",
    });
    const stranger = await makeUser(db, "teller", (await makeBranch(db)).id, {
      passwordHash: await hashPassword(PASSWORD),
    });
    expect(await count({ secondEmail: stranger.email })).toMatchObject({ ok: false, code: "invalid:second_signer" });
    expect(await placeBalances({ db, branchId: branch.id, businessDate: dateIn(TZ) })).toHaveLength(3);
  });

  it("takes the second person's single sign-on confirmation instead of a password, and says so", async () => {
    const { branch, manager, teller, day, count } = await setUp();
    await day(new Date());
    actAs(manager);
    const { id } = await insertAssertion({
      db,
      requestedBy: manager.id,
      signerId: teller.id,
      branchId: branch.id,
      step: "stock.count",
    });
    const result = await count({ secondEmail: "", secondPassword: "", secondAssertion: id });
    expect(result).toMatchObject({ ok: true, data: { counted: 93 } });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.branchId, branch.id), eq(auditLog.action, "stock.count_difference")));
    expect(audit?.after).toMatchObject({ countedBy: "Max Manager", confirmedBy: "Tara Teller", confirmedWith: "sso" });
  });

  it("stores expected and counted with both people, audits a difference with both names, and counts a day once", async () => {
    const { branch, manager, teller, day, count } = await setUp();
    await day(new Date());
    actAs(manager);
    const result = await count();
    expect(result).toMatchObject({ ok: true, data: { expected: 94, counted: 93, difference: -1 } });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.branchId, branch.id), eq(auditLog.action, "stock.count_difference")));
    expect(audit).toMatchObject({ actorId: manager.id, entityType: "stock_count" });
    expect(audit?.after).toMatchObject({
      countedBy: "Max Manager",
      confirmedBy: "Tara Teller",
      confirmedById: teller.id,
      confirmedWith: "password",
      opening: 0,
      loaded: 100,
      produced: -5,
      spoiled: -1,
      expected: 94,
      counted: 93,
    });

    const again = await count({ counted: 94 });
    expect(again).toMatchObject({ ok: false, code: "conflict:stock" });
    expect(!again.ok && again.message).toMatch(/already counted for .* not replaced/);
  });

  it("takes only today or yesterday, and yesterday only while nothing moved there today", async () => {
    const { manager, day, count } = await setUp();
    const today = dateIn(TZ);
    await day(new Date(startOfDayIn(TZ).getTime() - 2 * 3_600_000));
    actAs(manager);
    const old = await count({ businessDate: previousDate(previousDate(today)) });
    expect(!old.ok && old.fieldErrors?.businessDate?.[0]).toMatch(/today or, counted after midnight, yesterday/);
    // The vault has not moved today: yesterday's count is taken with yesterday's figure.
    expect(
      await count({ place: "vault", stationId: "", businessDate: previousDate(today), counted: 400 }),
    ).toMatchObject({ ok: true, data: { expected: 400, difference: 0 } });
  });

  it("refuses yesterday's count of a place where stock moved since midnight", async () => {
    const { manager, station, type, branch, day, count } = await setUp();
    await day(new Date(startOfDayIn(TZ).getTime() - 2 * 3_600_000));
    await insertStockRows({
      db,
      rows: [
        {
          branchId: branch.id,
          stockTypeId: type.id,
          place: "station",
          stationId: station.id,
          movement: "produced",
          quantity: -1,
        },
      ],
    });
    actAs(manager);
    const late = await count({ businessDate: previousDate(dateIn(TZ)) });
    expect(!late.ok && late.fieldErrors?.businessDate?.[0]).toMatch(/moved at Counter printer 1 since midnight/);
  });
});

describe("a difference of an earlier day", () => {
  it("holds the station until a manager of the branch explains it, which books the difference", async () => {
    const { branch, station, manager, teller, type, day, count } = await setUp();
    const yesterday = previousDate(dateIn(TZ));
    await day(new Date(startOfDayIn(TZ).getTime() - 2 * 3_600_000));
    actAs(manager);
    const counted = await count({ businessDate: yesterday });
    expect(counted).toMatchObject({ ok: true, data: { difference: -1 } });
    const countId = counted.ok ? counted.data.countId : "";

    expect((await unbalancedByStation(branch.id)).get(station.id)).toBe(yesterday);
    await expect(assertStationBalanced(station)).rejects.toMatchObject({
      code: "invalid:station",
      fieldErrors: { stationId: [expect.stringMatching(/^Blank cards at Counter printer 1 did not balance on/)] },
    });
    // The issue action's and the retry's counter checks refuse the station.
    const product = await makeProduct(db, [branch.id]);
    const request = {
      branchId: branch.id,
      productId: product.id,
      stationId: station.id,
      nameOnCard: "JANE DOE",
      training: false,
    };
    await expect(checkCounterRequest(request)).rejects.toMatchObject({ code: "invalid:station" });
    // A trainee's card uses no blank card: the difference does not hold it (docs/training.md).
    await expect(checkCounterRequest({ ...request, training: true })).resolves.toMatchObject({
      station: { id: station.id },
    });

    const explanation = "One card found under the printer's tray and destroyed.";
    actAs(teller);
    expect(await explainStockCountAction({ countId, explanation })).toMatchObject({
      ok: false,
      code: "forbidden:action",
    });
    actAs(await makeUser(db, "manager", (await makeBranch(db)).id));
    expect(await explainStockCountAction({ countId, explanation })).toMatchObject({
      ok: false,
      code: "forbidden:branch",
    });
    actAs(manager);
    expect(await explainStockCountAction({ countId, explanation: "short" })).toMatchObject({ ok: false });
    expect(await explainStockCountAction({ countId, explanation })).toMatchObject({
      ok: true,
      data: { difference: -1 },
    });
    expect(await explainStockCountAction({ countId, explanation })).toMatchObject({
      ok: false,
      code: "conflict:stock",
    });

    await expect(assertStationBalanced(station)).resolves.toBeUndefined();
    await expect(checkCounterRequest(request)).resolves.toMatchObject({ station: { id: station.id } });
    const corrections = await db
      .select()
      .from(stockLedger)
      .where(and(eq(stockLedger.stationId, station.id), eq(stockLedger.movement, "corrected")));
    expect(corrections).toMatchObject([{ quantity: -1, actorId: manager.id, stockTypeId: type.id }]);
    // From now on the book agrees with the count.
    const [now] = (await placeBalances({ db, branchId: branch.id, businessDate: dateIn(TZ) })).filter(
      (b) => b.place === "station",
    );
    expect(now).toMatchObject({ opening: 94, expected: 93, movements: { corrected: -1 } });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, countId), eq(auditLog.action, "stock.count_explained")));
    expect(audit?.after).toMatchObject({ explanation, explainedBy: "Max Manager", difference: -1 });
  });
});
