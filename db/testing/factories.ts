// Small factories for integration tests: each test makes the rows it needs, with unique keys,
// so tests can share one database and run in parallel.
import { randomBytes } from "node:crypto";
import type { Executor } from "../client";
import { branches, stations, users, type Role } from "../schema";

export const uniq = (prefix = "") => `${prefix}${randomBytes(4).toString("hex")}`;

export async function makeBranch(db: Executor, overrides: Partial<typeof branches.$inferInsert> = {}) {
  const [row] = await db
    .insert(branches)
    .values({ code: uniq("T").toUpperCase(), name: `Test branch ${uniq()}`, ...overrides })
    .returning();
  return row!;
}

export async function makeStation(db: Executor, branchId: string, overrides: Partial<typeof stations.$inferInsert> = {}) {
  const [row] = await db
    .insert(stations)
    .values({ persoStation: uniq("PS-").toUpperCase(), branchId, label: "Test station", ...overrides })
    .returning();
  return row!;
}

export async function makeUser(db: Executor, role: Role, branchId: string | null, overrides: Partial<typeof users.$inferInsert> = {}) {
  const [row] = await db
    .insert(users)
    .values({ email: `${uniq(role)}@test.example`, name: `Test ${role}`, role, branchId, ...overrides })
    .returning();
  return row!;
}
