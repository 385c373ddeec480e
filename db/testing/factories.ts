// Small factories for integration tests: each test makes the rows it needs, with unique keys,
// so tests can share one database and run in parallel.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Executor } from "../client";
import {
  branches,
  cardProducts,
  customers,
  issuanceJobs,
  productBranches,
  stations,
  stockTypes,
  userSessions,
  users,
} from "../schema";
import type { Role } from "../../lib/vocabulary";

export const uniq = (prefix = "") => `${prefix}${randomBytes(4).toString("hex")}`;

export async function makeBranch(db: Executor, overrides: Partial<typeof branches.$inferInsert> = {}) {
  const [row] = await db
    .insert(branches)
    .values({ code: uniq("T").toUpperCase(), name: `Test branch ${uniq()}`, ...overrides })
    .returning();
  return row!;
}

export async function makeStation(
  db: Executor,
  branchId: string,
  overrides: Partial<typeof stations.$inferInsert> = {},
) {
  const [row] = await db
    .insert(stations)
    // Verified, like a station in service; tests of the registration path make their own.
    .values({
      persoStation: uniq("PS-").toUpperCase(),
      branchId,
      label: "Test station",
      verifiedAt: new Date(),
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeUser(
  db: Executor,
  role: Role,
  branchId: string | null,
  overrides: Partial<typeof users.$inferInsert> = {},
) {
  const [row] = await db
    .insert(users)
    .values({ email: `${uniq(role)}@test.example`, name: `Test ${role}`, role, branchId, ...overrides })
    .returning();
  return row!;
}

/** A signed-in session of `user`: what their cookie claims, with its server-side record. */
export async function makeSession(db: Executor, user: { id: string; sessionVersion: number }) {
  const [row] = await db.insert(userSessions).values({ userId: user.id }).returning({ id: userSessions.id });
  return { userId: user.id, sessionId: row!.id, sessionVersion: user.sessionVersion };
}

export async function makeCustomer(db: Executor, overrides: Partial<typeof customers.$inferInsert> = {}) {
  const [row] = await db
    .insert(customers)
    .values({
      customerNumber: uniq("C"),
      givenName: "Jane",
      familyName: `Doe${uniq()}`,
      dateOfBirth: "1980-04-01",
      nationalId: uniq("N"),
      phone: "+49 151 0000000",
      address: { line1: "Main St 1", city: "Berlin", postalCode: "10115", country: "DE" },
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeProduct(
  db: Executor,
  branchIds: string[],
  overrides: Partial<typeof cardProducts.$inferInsert> = {},
) {
  const [row] = await db
    .insert(cardProducts)
    .values({
      name: `Test product ${uniq()}`,
      d1CardProductId: uniq("PROD_").toUpperCase(),
      bin: "453201",
      panLength: 16,
      expiryMonths: 36,
      paymentApplication: { config: "VISA_DEBIT_A", odaKeyIndex: "1", derivationKeyIndex: "1" },
      embossRules: { maxLength: 26, uppercase: true, allowedCharacters: "A-Z0-9 .'\\-/" },
      ...overrides,
    })
    .returning();
  if (branchIds.length)
    await db.insert(productBranches).values(branchIds.map((branchId) => ({ productId: row!.id, branchId })));
  return row!;
}

/** A branch with a default station, a teller, a customer and a product: what a job needs. */
export async function makeCounter(db: Executor, stationOverrides: Partial<typeof stations.$inferInsert> = {}) {
  const branch = await makeBranch(db);
  const station = await makeStation(db, branch.id, { isDefault: true, ...stationOverrides });
  const teller = await makeUser(db, "teller", branch.id);
  const customer = await makeCustomer(db);
  const product = await makeProduct(db, [branch.id]);
  return { branch, station, teller, customer, product };
}

export async function makeJob(
  db: Executor,
  counter: Awaited<ReturnType<typeof makeCounter>>,
  overrides: Partial<typeof issuanceJobs.$inferInsert> = {},
) {
  const [row] = await db
    .insert(issuanceJobs)
    .values({
      cardId: uniq("card-"),
      issuerRequestId: uniq("req-"),
      requestKey: uniq("key-"),
      branchId: counter.branch.id,
      customerId: counter.customer.id,
      productId: counter.product.id,
      stationId: counter.station.id,
      persoStation: counter.station.persoStation,
      requestedBy: counter.teller.id,
      reason: "CREATION",
      nameOnCard: "JANE DOE",
      ...overrides,
    })
    .returning();
  return row!;
}

/** What a teller's issue request carries, for createIssuanceJob in tests. */
export function jobRequest(counter: Awaited<ReturnType<typeof makeCounter>>, overrides: Record<string, unknown> = {}) {
  return {
    requestKey: uniq("key-"),
    branchId: counter.branch.id,
    customerId: counter.customer.id,
    productId: counter.product.id,
    stationId: counter.station.id,
    persoStation: counter.station.persoStation,
    reason: "CREATION" as const,
    nameOnCard: "JANE DOE",
    ...overrides,
  };
}

/** The action context of the counter's teller. */
export function tellerContext(counter: Awaited<ReturnType<typeof makeCounter>>) {
  return { user: { ...counter.teller, mustChangePassword: false }, ip: "127.0.0.1", userAgent: "vitest" };
}

/**
 * The bank's active test product, shared by every test that needs one: a unique index allows
 * one at a time, so a test file that finds one uses it, and one that loses a race to create it
 * uses the winner's.
 */
export async function theTestProduct(db: Executor) {
  const find = async () =>
    (
      await db
        .select()
        .from(cardProducts)
        .where(and(eq(cardProducts.isTestProduct, true), eq(cardProducts.active, true)))
        .limit(1)
    )[0];
  const found = await find();
  if (found) return found;
  try {
    // On a plastic of its own, so that its card's stock rows can be told apart.
    const [type] = await db
      .insert(stockTypes)
      .values({ code: uniq("TEST-"), name: `Test plastic ${uniq()}` })
      .returning();
    return await makeProduct(db, [], {
      name: `Test card ${uniq()}`,
      isTestProduct: true,
      stockTypeId: type!.id,
    });
  } catch (error) {
    const again = await find();
    if (again) return again;
    throw error;
  }
}
