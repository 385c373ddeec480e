// Customer lookup for the counter: one statement that tries every way a teller may type a
// customer (name with typos, customer number, national id, phone, account number) and says
// which one matched. Each branch uses its own index (pg_trgm GIN, text_pattern_ops prefixes).
// Every read also writes the customer access log in the same statement (a data-modifying CTE),
// so the hot path stays one round trip and no caller can forget the log.
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { Customer } from "@/db/schema";
import type { AccessScreen } from "@/lib/vocabulary";

/** Who is looking: logged with each customer shown, and the scope of what they may see. */
export type CustomerViewer = {
  userId: string;
  /** The user's branch at the time, for the log. */
  branchId: string | null;
  /** CUSTOMER_SCOPE=branch: only customers with this home branch; null: the whole bank. */
  homeBranchId: string | null;
};

/** A LIKE pattern that matches `text` literally: % and _ typed by a user are not wildcards. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `and <customer column> = home branch` under the branch scope, nothing under the bank scope. */
const inScope = (viewer: CustomerViewer, homeBranch: SQL) =>
  viewer.homeBranchId ? sql`and ${homeBranch} = ${viewer.homeBranchId}::uuid` : sql``;

/** Adds one access-log row per customer in `found` (a CTE with an id column). */
const logAccess = (viewer: CustomerViewer, screen: AccessScreen) => sql`
    logged as (
      insert into customer_access_log (user_id, branch_id, customer_id, screen)
      select ${viewer.userId}::uuid, ${viewer.branchId}::uuid, id, ${screen} from found
    )`;

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
  viewer,
  limit = 8,
}: {
  db: Executor;
  query: string;
  viewer: CustomerViewer;
  limit?: number;
}): Promise<CustomerHit[]> {
  const text = query.trim().toLowerCase();
  // Escaped: "%%" would otherwise be a prefix of every customer number.
  const upper = escapeLike(query.trim().toUpperCase().replace(/\s+/g, ""));
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
         join customers c on c.search_name = n.search_name ${inScope(viewer, sql`c.home_branch_id`)}
        limit 20)
      union all
      (select c.id, 'name', n.search_name, n.score
         from (select search_name, 1 - (fold_name(${text}) <<-> search_name) as score
                 from customer_names
                where ${byName} and fold_name(${text}) <% search_name
                order by fold_name(${text}) <<-> search_name limit 10) n
         join customers c on c.search_name = n.search_name ${inScope(viewer, sql`c.home_branch_id`)}
        limit 20)
      union all
      (select id, 'customer number', customer_number, 2 from customers
        where customer_number like ${upper} || '%' ${inScope(viewer, sql`home_branch_id`)} limit 5)
      union all
      (select id, 'national id', national_id, 2 from customers
        where national_id like ${upper} || '%' ${inScope(viewer, sql`home_branch_id`)} limit 5)
      union all
      (select id, 'phone', phone, 1.5 from customers
        where ${byDigits} and phone_digits like ${phone} || '%' ${inScope(viewer, sql`home_branch_id`)} limit 5)
      union all
      (select customer_id, 'account', account_number, 1.5 from accounts
        where ${byDigits} and account_number like ${digits} || '%'
          ${inScope(viewer, sql`(select home_branch_id from customers where id = accounts.customer_id)`)} limit 5)
    ), best as (
      select distinct on (id) id, reason, matched, score from hits order by id, score desc
    ), found as (
      select c.id, c.customer_number as "customerNumber", c.given_name as "givenName",
             c.family_name as "familyName", c.date_of_birth::text as "dateOfBirth",
             b.reason, b.matched, b.score
        from best b join customers c on c.id = b.id
       order by b.score desc, c.family_name, c.given_name
       limit ${limit}
    ), ${logAccess(viewer, "search")}
    select * from found order by score desc, "familyName", "givenName"`);
  return rows.map(({ score: _score, ...hit }) => hit);
}

/** What the customer page shows. */
export type CustomerDetail = Pick<
  Customer,
  | "id"
  | "customerNumber"
  | "givenName"
  | "familyName"
  | "dateOfBirth"
  | "nationalId"
  | "phone"
  | "phoneDigits"
  | "email"
  | "address"
  | "homeBranchId"
>;

/**
 * The identity a teller checks, with the customer's accounts, in one statement that also logs
 * the view. Null when there is no such customer or it is outside the viewer's scope.
 */
export async function findCustomer({ db, id, viewer }: { db: Executor; id: string; viewer: CustomerViewer }): Promise<{
  customer: CustomerDetail;
  accounts: Array<{ accountNumber: string; kind: string; currency: string }>;
} | null> {
  const { rows } = await db.execute<
    CustomerDetail & { accounts: Array<{ accountNumber: string; kind: string; currency: string }> }
  >(sql`
    with found as (
      select c.id, c.customer_number as "customerNumber", c.given_name as "givenName",
             c.family_name as "familyName", c.date_of_birth::text as "dateOfBirth",
             c.national_id as "nationalId", c.phone, c.phone_digits as "phoneDigits", c.email, c.address,
             c.home_branch_id as "homeBranchId",
             coalesce((select json_agg(json_build_object('accountNumber', a.account_number, 'kind', a.kind,
                                                         'currency', a.currency) order by a.account_number)
                         from accounts a where a.customer_id = c.id), '[]'::json) as accounts
        from customers c
       where c.id = ${id}::uuid ${inScope(viewer, sql`c.home_branch_id`)}
    ), ${logAccess(viewer, "customer_page")}
    select * from found`);
  const row = rows[0];
  if (!row) return null;
  const { accounts, ...customer } = row;
  return { customer, accounts };
}
