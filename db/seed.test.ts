// The demo seed's card stock: every product names a stock type, and each demo station starts with
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

describe("the demo seed's stock", () => {
  it("names a stock type on every product and loads every demo station from the vault", async () => {
    const { rows: products } = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from card_products where name in ('Classic Debit', 'Gold Credit', 'Youth Prepaid') and stock_type_id is null`,
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
