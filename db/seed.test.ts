import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { freshDatabase } from "./testing/fresh";
import { isSeeded, seedCustomers, seedDemo } from "./seed";
import { DEMO_BRANCHES, DEMO_CARDS, DEMO_STATIONS, DEMO_USERS } from "./seed-data";

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

  it("gives a few customers earlier handed-over cards, a debit product, an age rule and business customers", async () => {
    const { rows: cards } = await db.execute<Record<string, unknown>>(sql`
      select c.customer_number, p.name, j.state, j.card_status, j.pan_last4, j.name_on_card,
             j.account_id is not null as has_account, j.completed_at < now() - interval '100 days' as old
        from issuance_jobs j join customers c on c.id = j.customer_id join card_products p on p.id = j.product_id
       order by j.card_id`);
    expect(cards).toHaveLength(DEMO_CARDS.length);
    for (const card of cards) {
      expect(card).toMatchObject({ state: "handed_over", card_status: "active", old: true });
      expect(card.name_on_card).toMatch(/^[A-Z .'/-]+$/);
      expect(card.has_account).toBe(card.name === "Classic Debit");
    }
    const { rows: products } = await db.execute<Record<string, unknown>>(sql`
      select name, needs_account, min_age, max_age, customer_types from card_products order by name`);
    expect(products).toEqual([
      { name: "Classic Debit", needs_account: true, min_age: null, max_age: null, customer_types: null },
      { name: "Gold Credit", needs_account: false, min_age: 18, max_age: null, customer_types: null },
      { name: "Youth Prepaid", needs_account: false, min_age: null, max_age: 25, customer_types: ["private"] },
    ]);
    const { rows: types } = await db.execute<{ business: number; private: number }>(sql`
      select count(*) filter (where customer_type = 'business')::int as business,
             count(*) filter (where customer_type = 'private')::int as private from customers`);
    expect(types[0]?.business).toBe(20);
    expect(types[0]?.private).toBe(180);
  });

  it("tops customers up to a total without duplicating numbers", async () => {
    await seedCustomers(db, 260);
    const { rows } = await db.execute<{ n: number; d: number }>(
      sql`select count(*)::int as n, count(distinct customer_number)::int as d from customers`,
    );
    expect(rows[0]).toEqual({ n: 260, d: 260 });
  });
});
