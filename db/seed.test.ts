import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { freshDatabase } from "./testing/fresh";
import { isSeeded, seedCustomers, seedDemo } from "./seed";
import { DEMO_BRANCHES, DEMO_STATIONS, DEMO_USERS } from "./seed-data";

describe("demo seed", () => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await freshDatabase());
  });
  afterAll(() => dispose());

  it("creates branches, stations, products, users and varied customers once", async () => {
    expect(await seedDemo(db, 200)).toBe(true);
    expect(await isSeeded(db)).toBe(true);
    expect(await seedDemo(db, 200)).toBe(false);

    const { rows } = await db.execute<Record<string, number>>(sql`select
      (select count(*)::int from branches) as branches,
      (select count(*)::int from stations) as stations,
      (select count(*)::int from card_products) as products,
      (select count(*)::int from users) as users,
      (select count(*)::int from customers) as customers,
      (select count(distinct search_name)::int from customers) as names,
      (select count(distinct customer_number)::int from customers) as numbers,
      (select count(*)::int from customers c where not exists (select 1 from accounts a where a.customer_id = c.id)) as without_account`);
    expect(rows[0]).toEqual({
      branches: DEMO_BRANCHES.length,
      stations: DEMO_STATIONS.length,
      products: 3,
      users: DEMO_USERS.length,
      customers: 200,
      names: expect.any(Number),
      numbers: 200,
      without_account: 0,
    });
    expect(rows[0]?.names).toBeGreaterThan(150);
  });

  it("tops customers up to a total without duplicating numbers", async () => {
    await seedCustomers(db, 260);
    const { rows } = await db.execute<{ n: number; d: number }>(
      sql`select count(*)::int as n, count(distinct customer_number)::int as d from customers`,
    );
    expect(rows[0]).toEqual({ n: 260, d: 260 });
  });
});
