// The counter's search action against the real database, with the session replaced: the
// per-user limit answers 429 with a message, and every answer is in the customer access log.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";

process.env.CUSTOMER_SEARCH_PER_MINUTE = "3";
const session = vi.hoisted(() => ({ user: null as null | CurrentUser }));
vi.mock("@/lib/auth/session", () => ({
  requireRole: () => Promise.resolve(session.user),
  recordActivity: () => Promise.resolve(),
  assertBranch: () => undefined,
}));
vi.mock("@/lib/request", () => ({ requestMeta: () => Promise.resolve({ ip: "203.0.113.9", userAgent: "test" }) }));

const { db } = await import("@/db");
const { customerAccessLog } = await import("@/db/schema");
const { makeCounter, makeCustomer, uniq } = await import("@/db/testing/factories");
const { searchCustomersAction } = await import("./search-customers");

const asUser = (u: { id: string; branchId: string | null }): CurrentUser => ({
  ...u,
  name: "Tess Teller",
  language: null,
  email: `${u.id}@bank.example`,
  role: "teller",
  active: true,
  mustChangePassword: false,
  sessionVersion: 1,
  training: false,
});

afterAll(() => db.$client.end());

describe("searchCustomersAction", () => {
  let counter: Awaited<ReturnType<typeof makeCounter>>;
  let number: string;
  beforeAll(async () => {
    counter = await makeCounter(db);
    number = uniq("Q").toUpperCase();
    await makeCustomer(db, { customerNumber: number });
  });

  it("logs who saw which customer, and refuses a user's searches over the limit with a message", async () => {
    session.user = asUser({ id: counter.teller.id, branchId: counter.branch.id });
    for (let i = 0; i < 3; i++) {
      const result = await searchCustomersAction({ query: number });
      expect(result).toMatchObject({ ok: true, data: { hits: [{ customerNumber: number }], more: false } });
    }
    const limited = await searchCustomersAction({ query: number });
    expect(limited).toMatchObject({ ok: false, code: "rate_limit:customer" });
    expect(!limited.ok && limited.message).toMatch(/Too many searches in a short time\. Wait \d+ seconds/);

    const logged = await db.select().from(customerAccessLog).where(eq(customerAccessLog.userId, counter.teller.id));
    expect(logged).toHaveLength(3);
    expect(logged.every((r) => r.screen === "search" && r.branchId === counter.branch.id)).toBe(true);

    // Another user has an allowance of their own.
    session.user = asUser({ id: counter.customer.id, branchId: counter.branch.id });
    expect(await searchCustomersAction({ query: number })).toMatchObject({ ok: true });
  });

  it("refuses a query without two letters or digits before searching (and before the limit counts)", async () => {
    session.user = asUser({ id: crypto.randomUUID(), branchId: counter.branch.id });
    for (let i = 0; i < 5; i++) {
      const result = await searchCustomersAction({ query: "%%" });
      expect(result).toMatchObject({
        ok: false,
        code: "invalid:action",
        fieldErrors: { query: ["Type at least 2 letters or digits."] },
      });
    }
    expect(await searchCustomersAction({ query: number })).toMatchObject({ ok: true });
  });
});
