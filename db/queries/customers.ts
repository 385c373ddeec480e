// Customer lookup for the counter: one statement that tries every way a teller may type a
// customer (name with typos, customer number, national id, phone, account number) and says
// which one matched. Each branch uses its own index (pg_trgm GIN, text_pattern_ops prefixes).
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accounts, customers } from "@/db/schema";

export type CustomerHit = {
  id: string;
  customerNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  reason: "name" | "customer number" | "national id" | "phone" | "account";
  matched: string;
};

export async function searchCustomers({
  db,
  query,
  limit = 8,
}: {
  db: Executor;
  query: string;
  limit?: number;
}): Promise<CustomerHit[]> {
  const text = query.trim().toLowerCase();
  const upper = query.trim().toUpperCase().replace(/\s+/g, "");
  const digits = query.replace(/\D/g, "");
  // A name has letters; identifiers are mostly digits. Only plausible branches run.
  const byName = /\p{L}{2}/u.test(text);
  const byDigits = digits.length >= 3;
  // Phones are stored internationally (+49 151 …); a local "0151…" matches "49151…".
  const phone = digits.startsWith("0") ? `49${digits.slice(1)}` : digits;
  const { rows } = await db.execute<CustomerHit & { score: number }>(sql`
    with hits as (
      -- The nearest distinct names first (KNN on the GiST index of customer_names), then their
      -- customers by btree: whole-name similarity for "jonathon smyth", word similarity for part
      -- of a name while typing ("schmid"). Accents are folded on both sides (fold_name).
      (select c.id, 'name' as reason, n.search_name as matched, n.score
         from (select search_name, 1 - (search_name <-> fold_name(${text})) as score
                 from customer_names
                where ${byName} and search_name % fold_name(${text})
                order by search_name <-> fold_name(${text}) limit 10) n
         join customers c on c.search_name = n.search_name
        limit 20)
      union all
      (select c.id, 'name', n.search_name, n.score
         from (select search_name, 1 - (fold_name(${text}) <<-> search_name) as score
                 from customer_names
                where ${byName} and fold_name(${text}) <% search_name
                order by fold_name(${text}) <<-> search_name limit 10) n
         join customers c on c.search_name = n.search_name
        limit 20)
      union all
      (select id, 'customer number', customer_number, 2 from customers
        where customer_number like ${upper} || '%' limit 5)
      union all
      (select id, 'national id', national_id, 2 from customers
        where national_id like ${upper} || '%' limit 5)
      union all
      (select id, 'phone', phone, 1.5 from customers
        where ${byDigits} and phone_digits like ${phone} || '%' limit 5)
      union all
      (select customer_id, 'account', account_number, 1.5 from accounts
        where ${byDigits} and account_number like ${digits} || '%' limit 5)
    ), best as (
      select distinct on (id) id, reason, matched, score from hits order by id, score desc
    )
    select c.id, c.customer_number as "customerNumber", c.given_name as "givenName",
           c.family_name as "familyName", c.date_of_birth::text as "dateOfBirth",
           b.reason, b.matched, b.score
      from best b join customers c on c.id = b.id
     order by b.score desc, c.family_name, c.given_name
     limit ${limit}`);
  return rows.map(({ score: _score, ...hit }) => hit);
}

/** The identity a teller checks, with the customer's accounts, in one query. */
export async function findCustomer({ db, id }: { db: Executor; id: string }) {
  const [row] = await db
    .select({
      customer: customers,
      accounts: sql<Array<{ accountNumber: string; kind: string; currency: string }>>`coalesce(
        (select json_agg(json_build_object('accountNumber', a.account_number, 'kind', a.kind, 'currency', a.currency)
                          order by a.account_number)
           from ${accounts} a where a.customer_id = "customers"."id"), '[]'::json)`,
    })
    .from(customers)
    .where(eq(customers.id, id))
    .limit(1);
  return row ?? null;
}
