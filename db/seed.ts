// Seeds the demo data (idempotent) and generates customers in SQL, so that a million rows for the
// benchmarks take seconds rather than minutes.
import { sql } from "drizzle-orm";
import { hash } from "@node-rs/argon2";
import type { Database, Tx } from "./client";
import { branches, cardProducts, productBranches, stations, stockTypes, users } from "./schema";
import {
  BUSINESS_CUSTOMER_EVERY,
  CITIES,
  DEMO_BRANCHES,
  DEMO_CARDS,
  DEMO_PASSWORD,
  DEMO_PRODUCTS,
  DEMO_STATIONS,
  DEMO_STOCK,
  DEMO_STOCK_TYPES,
  DEMO_USERS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  STREETS,
} from "./seed-data";

export async function isSeeded(db: Database): Promise<boolean> {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from branches`);
  return (rows[0]?.n ?? 0) > 0;
}

export async function seedReferenceData(db: Database): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await db.transaction(async (tx) => {
    const branchRows = await tx
      .insert(branches)
      .values([...DEMO_BRANCHES])
      .returning();
    const branchId = (code: string) => {
      const row = branchRows.find((b) => b.code === code);
      if (!row) throw new Error(`unknown branch ${code}`);
      return row.id;
    };
    await tx.insert(stations).values(
      DEMO_STATIONS.map(({ branch, ...s }) => ({
        ...s,
        branchId: branchId(branch),
        lowStockThreshold: DEMO_STOCK.lowStockThreshold,
        // The demo's stations are installed and proven: verified, so they can be enabled.
        verifiedAt: new Date(),
      })),
    );
    const typeRows = await tx
      .insert(stockTypes)
      .values([...DEMO_STOCK_TYPES])
      .returning();
    const stockTypeId = (code: string) => typeRows.find((t) => t.code === code)?.id ?? null;
    for (const { branches: offered, stockType, ...product } of DEMO_PRODUCTS) {
      const [row] = await tx
        .insert(cardProducts)
        .values({ ...product, stockTypeId: stockTypeId(stockType) })
        .returning({ id: cardProducts.id });
      if (!row) throw new Error("product insert returned nothing");
      if (offered.length > 0) {
        await tx.insert(productBranches).values(offered.map((b) => ({ productId: row.id, branchId: branchId(b) })));
      }
    }
    await tx
      .insert(users)
      .values(DEMO_USERS.map(({ branch, ...u }) => ({ ...u, branchId: branchId(branch), passwordHash })));
    await seedOpeningStock(tx);
  });
}

/**
 * Each branch receives DEMO_STOCK.received cards of every stock its products use (the manager,
 * a teller confirming), then loads DEMO_STOCK.station into each station: rows of the ledger, as
 * the manager's stock page would write them.
 */
async function seedOpeningStock(tx: Tx) {
  await tx.execute(sql`
    with used as (
      select distinct pb.branch_id, p.stock_type_id
      from card_products p join product_branches pb on pb.product_id = p.id
      where p.stock_type_id is not null
    ), people as (
      select b.id as branch_id,
             (select id from users where branch_id = b.id and role = 'manager' order by email limit 1) as manager,
             (select id from users where branch_id = b.id and role = 'teller' order by email limit 1) as teller
      from branches b
    ), received as (
      insert into stock_ledger (branch_id, stock_type_id, place, movement, quantity, lot, supplier_ref,
                                actor_id, second_actor_id, at)
      select u.branch_id, u.stock_type_id, 'vault', 'received', ${DEMO_STOCK.received}::int, 'DEMO-LOT-1', 'DEMO-DN-1',
             p.manager, p.teller, now() - interval '2 days'
      from used u join people p using (branch_id)
    ), loads as (
      select u.branch_id, u.stock_type_id, s.id as station_id, gen_random_uuid() as transfer_id, p.manager, p.teller
      from used u join people p using (branch_id) join stations s on s.branch_id = u.branch_id
    )
    insert into stock_ledger (branch_id, stock_type_id, place, station_id, movement, quantity, transfer_id,
                              actor_id, second_actor_id, at)
    select branch_id, stock_type_id, 'vault', null::uuid, 'loaded', ${-DEMO_STOCK.station}::int, transfer_id, manager, teller,
           now() - interval '1 day'
    from loads
    union all
    select branch_id, stock_type_id, 'station', station_id, 'loaded', ${DEMO_STOCK.station}::int, transfer_id, manager,
           teller, now() - interval '1 day'
    from loads`);
}

/** Adds customers (with one or two accounts each) until there are `total`. */
export async function seedCustomers(db: Database, total: number, onProgress?: (n: number) => void) {
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from customers`);
  let next = (rows[0]?.n ?? 0) + 1;
  const chunk = 50_000;
  while (next <= total) {
    const last = Math.min(total, next + chunk - 1);
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        with homes as (
          -- Customers are spread over the branches (their home branch, for CUSTOMER_SCOPE=branch).
          select array_agg(id order by code) as ids from branches
        ), g as (
          select i,
                 (${JSON.stringify(GIVEN_NAMES)}::jsonb ->> ((i * 7919) % ${GIVEN_NAMES.length})::int) as given,
                 (${JSON.stringify(FAMILY_NAMES)}::jsonb ->> (((i * 104729) / 7) % ${FAMILY_NAMES.length})::int) as family
          from generate_series(${next}::bigint, ${last}::bigint) as i
        ), inserted as (
          insert into customers (customer_number, given_name, family_name, date_of_birth, national_id,
                                 phone, email, address, home_branch_id, customer_type)
          select 'C' || lpad(i::text, 8, '0'), given, family,
                 date '1940-01-01' + ((i * 7127) % 24000)::int,
                 'T' || lpad(((i::bigint * 13) % 100000000)::text, 8, '0'),
                 '+49 151 ' || lpad(((i::bigint * 7 + 3000000) % 100000000)::text, 8, '0'),
                 regexp_replace(lower(given || '.' || family), '[^a-z.]', '', 'g') || i || '@example.org',
                 jsonb_build_object(
                   'line1', (${JSON.stringify(STREETS)}::jsonb ->> (i % ${STREETS.length})::int) || ' ' || (1 + i % 120),
                   'city', (${JSON.stringify(CITIES)}::jsonb ->> ((i / 3) % ${CITIES.length})::int),
                   'postalCode', lpad((10000 + (i * 31) % 89999)::text, 5, '0'),
                   'country', 'DE'),
                 homes.ids[1 + i % greatest(cardinality(homes.ids), 1)],
                 case when i % ${BUSINESS_CUSTOMER_EVERY} = 0 then 'business' else 'private' end
          from g, homes
          returning id, customer_number
        )
        insert into accounts (customer_id, account_number, kind, currency, opened_at)
        select id, lpad((substr(customer_number, 2)::bigint * 3 + k)::text, 10, '0'),
               case k when 0 then 'current' else 'savings' end, 'EUR',
               date '2005-01-01' + ((substr(customer_number, 2)::bigint * 11 + k) % 7000)::int
        from inserted, generate_series(0, 1) as k
        where k = 0 or substr(customer_number, 2)::int % 3 = 0`);
    });
    onProgress?.(last);
    next = last + 1;
  }
}

/** Earlier cards of a few demo customers (DEMO_CARDS), handed over at Downtown's first station. */
export async function seedDemoCards(db: Database): Promise<void> {
  for (const [n, card] of DEMO_CARDS.entries()) {
    await db.execute(sql`
      with c as (select id from customers where customer_number = ${card.customerNumber}),
           p as (select id, needs_account from card_products where name = ${card.product}),
           s as (select s.id, s.perso_station, s.branch_id from stations s join branches b on b.id = s.branch_id
                  where b.code = 'BR001' and s.is_default),
           u as (select id from users where email = 'teller@downtown.demo'),
           at as (select now() - make_interval(days => ${card.producedDaysAgo}) as t)
      insert into issuance_jobs (card_id, issuer_request_id, request_key, branch_id, customer_id, product_id,
                                 station_id, perso_station, requested_by, reason, name_on_card, state, d1_status,
                                 pan_last4, card_status, account_id, activated_at, handed_over_at, handed_over_by,
                                 created_at, updated_at, submitted_at, completed_at)
      select ${`card-demo-${n + 1}`}, ${`req-demo-${n + 1}`}, ${`seed:demo-card-${n + 1}`}, s.branch_id, c.id, p.id,
             s.id, s.perso_station, u.id, 'CREATION',
             upper(regexp_replace(translate(cu.given_name || ' ' || cu.family_name, 'éüöäøóíáñçëïğış', 'euoaooianceigis'),
                                  '[^A-Za-z .''/-]', '', 'g')),
             'handed_over', 'DONE', ${card.panLast4}, 'active',
             case when p.needs_account then
               (select a.id from accounts a where a.customer_id = c.id order by a.account_number limit 1) end,
             at.t, at.t, u.id, at.t, at.t, at.t, at.t
        from c, p, s, u, at, customers cu where cu.id = c.id`);
  }
}

export const DEMO_CUSTOMER_COUNT = 240;

export async function seedDemo(db: Database, customers = DEMO_CUSTOMER_COUNT): Promise<boolean> {
  if (await isSeeded(db)) return false;
  await seedReferenceData(db);
  await seedCustomers(db, customers);
  await seedDemoCards(db);
  return true;
}
