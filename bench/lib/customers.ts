// Customers for the lookup benchmark. The same generator as db/seed.ts seedCustomers (same names,
// numbers and phones for the same i), with its arithmetic in bigint: the app's version multiplies
// int4 values (i * 104729) and fails with "integer out of range" past i ≈ 20,500, so it cannot
// reach the million rows the issue asks for. Switch back to seedCustomers once that is fixed.
import type pg from "pg";
import { CITIES, FAMILY_NAMES, GIVEN_NAMES, STREETS } from "../../db/seed-data.ts";

export async function seedManyCustomers(pool: pg.Pool, total: number, onChunk?: (n: number) => void): Promise<void> {
  const { rows } = await pool.query<{ n: number }>("select count(*)::int as n from customers");
  let next = (rows[0]?.n ?? 0) + 1;
  const chunk = 100_000;
  while (next <= total) {
    const last = Math.min(total, next + chunk - 1);
    await pool.query(
      `with g as (
         select i,
                ($1::jsonb ->> ((i * 7919) % $2)::int) as given,
                ($3::jsonb ->> (((i * 104729) / 7) % $4)::int) as family
         from generate_series($5::bigint, $6::bigint) as i
       ), inserted as (
         insert into customers (customer_number, given_name, family_name, date_of_birth, national_id,
                                phone, email, address)
         select 'C' || lpad(i::text, 8, '0'), given, family,
                date '1940-01-01' + ((i * 7127) % 24000)::int,
                'T' || lpad(((i * 13) % 100000000)::text, 8, '0'),
                '+49 151 ' || lpad(((i * 7 + 3000000) % 100000000)::text, 8, '0'),
                regexp_replace(lower(given || '.' || family), '[^a-z.]', '', 'g') || i || '@example.org',
                jsonb_build_object(
                  'line1', ($7::jsonb ->> (i % $8)::int) || ' ' || (1 + i % 120),
                  'city', ($9::jsonb ->> ((i / 3) % $10)::int),
                  'postalCode', lpad((10000 + (i * 31) % 89999)::text, 5, '0'),
                  'country', 'DE')
         from g
         returning id, customer_number
       )
       insert into accounts (customer_id, account_number, kind, currency, opened_at)
       select id, lpad((substr(customer_number, 2)::bigint * 3 + k)::text, 10, '0'),
              case k when 0 then 'current' else 'savings' end, 'EUR',
              date '2005-01-01' + ((substr(customer_number, 2)::int * 11 + k) % 7000)
       from inserted, generate_series(0, 1) as k
       where k = 0 or substr(customer_number, 2)::int % 3 = 0`,
      [JSON.stringify(GIVEN_NAMES), GIVEN_NAMES.length, JSON.stringify(FAMILY_NAMES), FAMILY_NAMES.length, next, last,
        JSON.stringify(STREETS), STREETS.length, JSON.stringify(CITIES), CITIES.length],
    );
    onChunk?.(last);
    next = last + 1;
  }
}
