// The demo seed's products (one needs approval, one is the bank's test product, offered to no
// branch) and card stock: every product names a stock type, and each demo station starts with
// loaded cards that are sums of ledger rows signed by two people.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { DEMO_STOCK } from "@/db/seed-data";
import { freshDatabase } from "@/db/testing/fresh";

let db: Database;
let dispose: () => Promise<void>;
beforeAll(async () => {
  // A database of its own: the shared one may hold other tests' branches, which stop the seed.
  ({ db, dispose } = await freshDatabase());
  await seedDemo(db, 300);
});
afterAll(() => dispose());

describe("the demo seed's products", () => {
  it("are exactly these, with one needing approval and one test product that no branch offers", async () => {
    const { rows } = await db.execute<{
      name: string;
      needs_approval: boolean;
      is_test_product: boolean;
      branches: string[];
    }>(sql`
      select p.name, p.needs_approval, p.is_test_product,
             coalesce(array_agg(b.code order by b.code) filter (where b.code is not null), '{}') as branches
      from card_products p
      left join product_branches pb on pb.product_id = p.id left join branches b on b.id = pb.branch_id
      group by p.id order by p.name`);
    expect(rows).toEqual([
      { name: "Classic Debit", needs_approval: false, is_test_product: false, branches: ["BR001", "BR002"] },
      { name: "Gold Credit", needs_approval: false, is_test_product: false, branches: ["BR001", "BR002"] },
      { name: "Platinum Credit", needs_approval: true, is_test_product: false, branches: ["BR001", "BR002"] },
      { name: "Station test card", needs_approval: false, is_test_product: true, branches: [] },
      { name: "Youth Prepaid", needs_approval: false, is_test_product: false, branches: ["BR001"] },
    ]);
  });
});

describe("the demo seed's stock", () => {
  it("names a stock type on every product and loads every demo station from the vault", async () => {
    const { rows: products } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from card_products where stock_type_id is null`,
    );
    expect(products[0]?.n).toBe(0);
    const { rows } = await db.execute<{ perso_station: string; balance: number; signed: boolean }>(sql`
      select s.perso_station, sum(l.quantity)::int as balance, bool_and(l.second_actor_id is not null) as signed
      from stations s join stock_ledger l on l.station_id = s.id
      join stock_types t on t.id = l.stock_type_id
      where s.perso_station = 'BR001-PS-01' and t.code = 'DEBIT-PVC'
      group by 1`);
    expect(rows[0]).toMatchObject({ balance: DEMO_STOCK.station, signed: true });
  });
});
