// Customer lookup for the counter: one statement that tries every way a teller may type a
// customer (name with typos, customer number, national id, phone, account number) and says
// which one matched. Each branch uses its own index (pg_trgm GIN, text_pattern_ops prefixes).
// Every read also writes the customer access log in the same statement (a data-modifying CTE),
// so the hot path stays one round trip and no caller can forget the log.
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { Customer } from "@/db/schema";
import type { AccessScreen, JobState } from "@/lib/vocabulary";

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
  kind: "customer";
  id: string;
  customerNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  reason: "name" | "customer number" | "national id" | "phone" | "account";
  matched: string;
};

/** A card request found by its card's last four digits or its support reference (the viewer's branch only). */
export type RequestHit = {
  kind: "request";
  /** The job's id: the result opens the request. */
  id: string;
  customerNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  reason: "last four digits" | "support reference";
  matched: string;
  productName: string;
  state: JobState;
  createdAt: string;
};

export type SearchHit = CustomerHit | RequestHit;

/** What the search box shows: the best hits, and whether more customers matched than fit. */
export type SearchResult = { hits: SearchHit[]; more: boolean };

/** Customer numbers are "C" and eight digits: "17" and "C17" mean C00000017. */
export function paddedCustomerNumber(query: string): string | null {
  const m = /^c?(\d{1,8})$/i.exec(query.trim().replace(/\s+/g, ""));
  return m ? `C${m[1]!.padStart(8, "0")}` : null;
}

/** Four digits, perhaps after the dots of a masked number ("•••• 8930"): a card's last four. */
export function lastFour(query: string): string | null {
  const m = /^[•*.\s]*(\d{4})$/.exec(query.trim());
  return m ? m[1]! : null;
}

/** A support reference (`req-…`) as typed or pasted, lower case. */
export function supportReference(query: string): string | null {
  const text = query.trim().toLowerCase();
  return /^req-[0-9a-f-]{2,}$/.test(text) ? text : null;
}

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
}): Promise<SearchResult> {
  const text = query.trim().toLowerCase();
  // Escaped: "%%" would otherwise be a prefix of every customer number.
  const upper = escapeLike(query.trim().toUpperCase().replace(/\s+/g, ""));
  const digits = query.replace(/\D/g, "");
  // A name has letters; identifiers are mostly digits. Only plausible branches run.
  const byName = /\p{L}{2}/u.test(text) && !supportReference(query);
  const byDigits = digits.length >= 3;
  // Phones are stored internationally (+49 151 …); a local "0151…" matches "49151…".
  const phone = digits.startsWith("0") ? `49${digits.slice(1)}` : digits;
  const padded = paddedCustomerNumber(query);
  // Requests are looked up in the viewer's own branch only; a user without one finds none.
  const jobBranch = viewer.branchId;
  const last4 = jobBranch ? lastFour(query) : null;
  const reference = jobBranch ? supportReference(query) : null;
  // Branches that cannot match are left out of the statement rather than switched off in it:
  // the planner then has less to plan on the hot path (a name or a phone number).
  // (A whole number is found by the prefix branch already.)
  const numberFragment =
    padded && padded !== upper
      ? sql`union all
      -- A fragment of the number ("17", "C17") is the whole number without its zeros.
      (select id, 'customer number', customer_number, 2.5 from customers
        where customer_number = ${padded} ${inScope(viewer, sql`home_branch_id`)} limit 1)`
      : sql``;
  const requests =
    jobBranch && (last4 || reference)
      ? sql`, requests as (
      -- Cards of the viewer's branch by their last four digits (newest first), or by reference.
      (select j.id, j.customer_id, j.product_id, j.state, j.created_at, 'last four digits' as reason,
              '•••• ' || j.pan_last4 as matched, 2.2 as score
         from issuance_jobs j
        where ${last4 !== null} and j.branch_id = ${jobBranch}::uuid and j.pan_last4 = ${last4}
        order by j.created_at desc limit 5)
      union all
      (select j.id, j.customer_id, j.product_id, j.state, j.created_at, 'support reference', j.issuer_request_id, 3
         from issuance_jobs j
        where ${reference !== null} and j.issuer_request_id like ${escapeLike(reference ?? "")} || '%'
          and j.branch_id = ${jobBranch}::uuid
        limit 5)
    )`
      : sql``;
  const requestRows =
    jobBranch && (last4 || reference)
      ? sql`union all
      (select 'request', r.id, c.id, c.customer_number, c.given_name, c.family_name, c.date_of_birth::text,
              r.reason, r.matched, r.score, p.name, r.state, r.created_at
         from requests r join customers c on c.id = r.customer_id join card_products p on p.id = r.product_id)`
      : sql``;
  type Row = Omit<CustomerHit, "kind" | "reason"> & {
    kind: SearchHit["kind"];
    reason: SearchHit["reason"];
    productName: string | null;
    state: JobState | null;
    createdAt: string | null;
    more: boolean;
  };
  const { rows } = await db.execute<Row>(sql`
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
      ${numberFragment}
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
    )${requests}, ranked as (
      -- One more than shown: if it exists, the teller is told that more customers match.
      select 'customer' as kind, c.id, c.id as "customerId", c.customer_number as "customerNumber",
             c.given_name as "givenName", c.family_name as "familyName", c.date_of_birth::text as "dateOfBirth",
             b.reason, b.matched, b.score, null as "productName", null as state, null::timestamptz as "createdAt"
        from best b join customers c on c.id = b.id
       order by b.score desc, c.family_name, c.given_name
       limit ${limit + 1}
    ), found as (
      -- Only what is shown is logged as seen.
      (select * from ranked order by score desc, "familyName", "givenName" limit ${limit})
      ${requestRows}
    ), logged as (
      insert into customer_access_log (user_id, branch_id, customer_id, screen)
      select distinct ${viewer.userId}::uuid, ${viewer.branchId}::uuid, "customerId", 'search'::text from found
    )
    select kind, id, "customerNumber", "givenName", "familyName", "dateOfBirth", reason, matched,
           "productName", state, "createdAt", (select count(*) > ${limit} from ranked) as more
      from found order by score desc, "createdAt" desc nulls last, "familyName", "givenName"`);
  const hits = rows.map(({ kind, productName, state, createdAt, reason, more: _more, ...who }): SearchHit =>
    kind === "request" && productName !== null && state !== null && createdAt !== null
      ? {
          kind,
          ...who,
          reason: reason as RequestHit["reason"],
          productName,
          state,
          createdAt: new Date(createdAt).toISOString(),
        }
      : { kind: "customer", ...who, reason: reason as CustomerHit["reason"] },
  );
  return { hits, more: rows[0]?.more ?? false };
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
