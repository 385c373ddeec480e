// Customer lookup for the counter: one statement that tries every way a teller may type a
// customer (name with typos, customer number, national id, phone, account number) and says
// which one matched. Each branch uses its own index (pg_trgm GIN, text_pattern_ops prefixes).
// Every read also writes the customer access log in the same statement (a data-modifying CTE),
// so the hot path stays one round trip and no caller can forget the log.
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { Customer } from "@/db/schema";
import type { AccessScreen, JobState } from "@/lib/vocabulary";
import { splitBirthDate, splitInitial } from "./customer-query";

/** Who is looking: logged with each customer shown, and the scope of what they may see. */
export type CustomerViewer = {
  userId: string;
  /** The user's branch at the time, for the log. */
  branchId: string | null;
  /** CUSTOMER_SCOPE=branch: only customers with this home branch; null: the whole bank. */
  homeBranchId: string | null;
  /** Training mode: requests found by card or reference are of the viewer's kind only (docs/training.md). */
  training: boolean;
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
  reason: "name" | "name and date of birth" | "customer number" | "national id" | "phone" | "account";
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

/**
 * Names, as tellers type them: the nearest distinct names by trigrams (KNN on the GiST index, no
 * threshold, so two typos still rank), by word similarity (part of a name while typing), and by
 * sound (Kölner Phonetik codes of every word, in any order), then their customers by btree.
 * A name that also sounds like the query, or whose given name starts with the typed initial,
 * ranks a little higher. Names and query are folded alike (search_fold: accents, punctuation,
 * ue/oe/ae).
 */
const nameBranches = (
  viewer: CustomerViewer,
  text: string,
  { initial, rest }: { initial: string; rest: string },
  perName: number,
) => {
  // The folded query inline, not from a CTE: an expression of the parameters is a constant to
  // the planner, so the KNN and word-similarity scans can use the GiST index.
  const name = sql`search_fold(${text})`;
  // The given name comes first in search_name: an initial lifts the names it starts.
  const bonus = sql`(case when ${initial} <> '' and left(search_name, 1) = search_fold(${initial}) then 0.1 else 0 end)`;
  // A few customers of each name (enough to know whether there are more), so that the list can
  // show several candidate names rather than eight namesakes of the first.
  const customersOf = (names: SQL) => sql`
      (select c.id, 'name' as reason, n.search_name as matched, n.score
         from (${names}) n
         cross join lateral (select id from customers c
                              where c.search_name = n.search_name ${inScope(viewer, sql`c.home_branch_id`)}
                              limit ${perName}) c)`;
  // The nearest twenty names, however far (a filter inside the KNN scan would read the whole
  // index for a query that matches nothing), then the best ten with the initial's lift: many
  // names tie on distance ("m meier" is as near to every Meier).
  return sql`${customersOf(sql`
        select * from (
          select search_name, 1 - (search_name <-> ${name}) + ${bonus} as score
            from customer_names
           order by search_name <-> ${name} limit 20) nearest
         where score > 0.2 order by score desc limit 10`)}
      union all
      ${customersOf(sql`
        select * from (
          select search_name, 1 - (${name} <<-> search_name) + ${bonus} as score
            from customer_names
           where ${name} <% search_name
           order by ${name} <<-> search_name limit 20) nearest
         order by score desc limit 10`)}
      ${initial ? initialBranch(customersOf, initial, rest) : sql``}      union all
      ${customersOf(sql`
        select search_name, similarity(search_name, ${name}) + 0.25 + ${bonus} as score
          from customer_names
         where phonetic @> phonetic_codes(${name}) and cardinality(phonetic_codes(${name})) > 0
         order by score desc limit 10`)}`;
};

/** "x muller": the names like the rest whose first word starts with the initial (every Müller ties on distance). */
const initialBranch = (customersOf: (names: SQL) => SQL, initial: string, rest: string) => sql`
      union all
      ${customersOf(sql`
        select search_name, 1 - (search_fold(${rest}) <<-> search_name) + 0.1 as score
          from customer_names
         where search_fold(${rest}) <% search_name and search_name like search_fold(${initial}) || '%'
         order by search_fold(${rest}) <<-> search_name limit 10`)}`;

/** Customers whose phone ends with the digits: a subscriber number typed without its prefix. */
const subscriberBranch = (viewer: CustomerViewer, digits: string) => sql`union all
      (select id, 'phone', phone, 1.5 from customers
        where reverse(phone_digits) like reverse(${digits}) || '%' ${inScope(viewer, sql`home_branch_id`)} limit 5)`;

/**
 * A name with a date of birth: the few customers born that day (btree), ranked by how close
 * their name is, loosely (typos, sound, initials): the date already picked a handful. Above any
 * name-only hit.
 */
const birthBranch = (viewer: CustomerViewer, dateOfBirth: string, text: string) => {
  const name = sql`search_fold(${text})`;
  return sql`union all
      (select c.id, 'name and date of birth', c.search_name,
              2 + greatest(similarity(c.search_name, ${name}), word_similarity(${name}, c.search_name))
                + case when p.codes @> phonetic_codes(${name}) then 0.2 else 0 end as score
         from customers c
         -- The codes of each candidate once (a PL/pgSQL call per name is the costly part).
         cross join lateral (select phonetic_codes(c.search_name) as codes) p
        where c.date_of_birth = ${dateOfBirth}::date ${inScope(viewer, sql`c.home_branch_id`)}
          and (similarity(c.search_name, ${name}) > 0.15 or word_similarity(${name}, c.search_name) > 0.3
               or p.codes && phonetic_codes(${name}))
        order by score desc limit 10)`;
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
}): Promise<SearchResult> {
  // A date of birth ("muller 02.03.1985") narrows a name to the customers born that day.
  const { dateOfBirth, rest } = splitBirthDate(query.trim());
  const text = rest.toLowerCase();
  const { initial, rest: withoutInitial } = splitInitial(text);
  // Escaped: "%%" would otherwise be a prefix of every customer number.
  const upper = escapeLike(query.trim().toUpperCase().replace(/\s+/g, ""));
  const digits = dateOfBirth ? "" : query.replace(/\D/g, "");
  // A name has letters; identifiers are mostly digits. Only plausible branches run.
  const byName = /\p{L}{2}/u.test(text) && !supportReference(query);
  const byDigits = digits.length >= 3;
  // Phones are stored internationally (+49 151 …); a local "0151…" matches "49151…".
  const phone = digits.startsWith("0") ? `49${digits.slice(1)}` : digits;
  // A subscriber number without its prefix ("12345678" of +49 151 12345678) ends the phone.
  // (A leading 0 may be either: local numbers and subscriber numbers like 0300 0007 both exist.)
  const bySubscriber = digits.length >= 6 && !digits.startsWith("49");
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
          and j.training = ${viewer.training}
        order by j.created_at desc limit 5)
      union all
      (select j.id, j.customer_id, j.product_id, j.state, j.created_at, 'support reference', j.issuer_request_id, 3
         from issuance_jobs j
        where ${reference !== null} and j.issuer_request_id like ${escapeLike(reference ?? "")} || '%'
          and j.branch_id = ${jobBranch}::uuid and j.training = ${viewer.training}
        limit 5)
    )`
      : sql``;
  const requestRows =
    jobBranch && (last4 || reference)
      ? sql`union all
      (select 'request', r.id, c.id, c.customer_number, c.given_name, c.family_name, c.date_of_birth::text,
              r.reason, r.matched, r.score, p.name, r.state, r.created_at, 0
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
      ${byName ? nameBranches(viewer, text, { initial, rest: withoutInitial }, limit + 1) : sql`select null::uuid as id, null as reason, null as matched, null::float8 as score where false`}
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
      ${bySubscriber ? subscriberBranch(viewer, digits) : sql``}
      ${dateOfBirth && byName ? birthBranch(viewer, dateOfBirth, text) : sql``}
      union all
      (select customer_id, 'account', account_number, 1.5 from accounts
        where ${byDigits} and account_number like ${digits} || '%'
          ${inScope(viewer, sql`(select home_branch_id from customers where id = accounts.customer_id)`)} limit 5)
    ), best as (
      select distinct on (id) id, reason, matched, score from hits order by id, score desc
    )${requests}, ranked as (
      -- One more than shown: if it exists, the teller is told that more customers match.
      -- Three customers of a name first, then the next names, then the rest: a short list of
      -- eight namesakes would hide the customer whose name was typed a little differently.
      select 'customer' as kind, c.id, c.id as "customerId", c.customer_number as "customerNumber",
             c.given_name as "givenName", c.family_name as "familyName", c.date_of_birth::text as "dateOfBirth",
             b.reason, b.matched, b.score, null as "productName", null as state, null::timestamptz as "createdAt",
             (row_number() over (partition by b.matched order by b.score desc, c.customer_number) > 3)::int as tier
        from best b join customers c on c.id = b.id
       order by tier, b.score desc, c.family_name, c.given_name
       limit ${limit + 1}
    ), found as (
      -- Only what is shown is logged as seen.
      (select * from ranked order by tier, score desc, "familyName", "givenName" limit ${limit})
      ${requestRows}
    ), logged as (
      insert into customer_access_log (user_id, branch_id, customer_id, screen)
      select distinct ${viewer.userId}::uuid, ${viewer.branchId}::uuid, "customerId", 'search'::text from found
    )
    select kind, id, "customerNumber", "givenName", "familyName", "dateOfBirth", reason, matched,
           "productName", state, "createdAt", (select count(*) > ${limit} from ranked) as more
      from found order by tier, score desc, "createdAt" desc nulls last, "familyName", "givenName"`);
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
/**
 * The customer's name for the page's title, in the viewer's scope like findCustomer, but a plain
 * read: a title is not a look at the customer's data, and only the page's own read logs the view.
 */
export async function findCustomerName({
  db,
  id,
  viewer,
}: {
  db: Executor;
  id: string;
  viewer: CustomerViewer;
}): Promise<string | null> {
  const { rows } = await db.execute<{ name: string }>(sql`
    select c.given_name || ' ' || c.family_name as name from customers c
     where c.id = ${id}::uuid ${inScope(viewer, sql`c.home_branch_id`)}`);
  return rows[0]?.name ?? null;
}

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
