// The reports of a branch over a range of its calendar days, per day or per ISO week (weeks start
// on Monday; days and weeks begin at midnight in the branch's own time zone): cards issued by
// teller, product and station, spoilage by reason (the stock ledger's 'spoiled' rows), time to
// card, and exceptions split into those that still need action and those already handled. One
// query per table; the admins' comparison of branches reads each branch in its own zone. A new
// station's test card is no customer's: it is left out of the cards, times and exceptions, and
// shows only in spoilage, under its own reason (test_card).
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { FAILED_STATES } from "@/lib/vocabulary";
import type { JobState } from "@/lib/vocabulary";

export type Grain = "day" | "week";
export type RangeQuery = { db: Executor; branchId: string; from: string; to: string; grain: Grain };
export type IssuedDimension = "teller" | "product" | "station";

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const FAILED = list(FAILED_STATES);
const PRODUCED = list(["done", "handed_over"]);
/** Customers' cards only (a station's test card is counted apart, in spoilage). */
// Customers' cards of real work: a training card is no card request (docs/training.md).
const CUSTOMERS = sql`j.purpose = 'customer' and not j.training`;

// `b.tz` is the branch's zone: from 00:00 on `from` to 24:00 on `to`, there.
const zone = (branchId: string) => sql`b as (select timezone as tz from branches where id = ${branchId})`;
const inRange = (column: SQL, from: string, to: string) =>
  sql`${column} >= (${from}::date::timestamp at time zone b.tz) and ${column} < ((${to}::date + 1)::timestamp at time zone b.tz)`;
// date_trunc('week') starts weeks on Monday (ISO 8601), on the branch's local time.
const periodOf = (column: SQL, grain: Grain) => sql`date_trunc(${grain}, ${column} at time zone b.tz)::date::text`;

/** Not retried, moved or canceled: lib/issuance/outcome.ts needsAction() in SQL, on a failed job `j`. */
const retried = sql`exists (select 1 from issuance_jobs r where r.retry_of_job_id = j.id)`;
export const NEEDS_ACTION_SQL = sql`(j.state in (${FAILED}) and j.canceled_at is null and not ${retried})`;

const DIMENSIONS: Record<IssuedDimension, { key: SQL; label: SQL; join: SQL }> = {
  teller: { key: sql`j.requested_by`, label: sql`u.name`, join: sql`join users u on u.id = j.requested_by` },
  product: { key: sql`j.product_id`, label: sql`p.name`, join: sql`join card_products p on p.id = j.product_id` },
  station: { key: sql`j.station_id`, label: sql`s.label`, join: sql`join stations s on s.id = j.station_id` },
};

export type IssuedRow = { period: string; key: string; label: string; count: number };

/** Cards produced (done or handed over) per period and teller, product or station, by when the card came out. */
export async function cardsIssued({ db, branchId, from, to, grain, by }: RangeQuery & { by: IssuedDimension }) {
  const d = DIMENSIONS[by];
  const { rows } = await db.execute<IssuedRow>(sql`
    with ${zone(branchId)}
    select ${periodOf(sql`j.completed_at`, grain)} as period, ${d.key}::text as key, ${d.label} as label,
      count(*)::int as count
    from issuance_jobs j cross join b ${d.join}
    where j.branch_id = ${branchId} and ${CUSTOMERS} and j.state in (${PRODUCED}) and ${inRange(sql`j.completed_at`, from, to)}
    group by 1, 2, 3
    order by 3, 2, 1`);
  return rows;
}

export type SpoilageRow = { period: string; reason: string | null; count: number };

/** Spoiled cards per period and reason: the ledger's rows into the spoiled place (each spoil is one such row). */
export async function spoilageByReason({ db, branchId, from, to, grain }: RangeQuery) {
  const { rows } = await db.execute<SpoilageRow>(sql`
    with ${zone(branchId)}
    select ${periodOf(sql`l.at`, grain)} as period, l.spoil_reason as reason, sum(l.quantity)::int as count
    from stock_ledger l cross join b
    where l.branch_id = ${branchId} and l.movement = 'spoiled' and l.place = 'spoiled'
      and ${inRange(sql`l.at`, from, to)}
    group by 1, 2
    order by 1, 2 nulls last`);
  return rows;
}

export type TimeToCardRow = {
  /** null: the whole range. */
  period: string | null;
  cards: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
};

/**
 * Median and 90th percentile of request-to-card time per period and for the whole range. It is
 * what the customer waits, so time a card waited for D1 or at a station that was offline counts.
 */
export async function timeToCard({ db, branchId, from, to, grain }: RangeQuery): Promise<TimeToCardRow[]> {
  const { rows } = await db.execute<{
    period: string | null;
    cards: number;
    median: string | null;
    p90: string | null;
  }>(sql`
    with ${zone(branchId)}, t as (
      select ${periodOf(sql`j.completed_at`, grain)} as period, extract(epoch from j.completed_at - j.created_at) as secs
      from issuance_jobs j cross join b
      where j.branch_id = ${branchId} and ${CUSTOMERS} and j.state in (${PRODUCED}) and ${inRange(sql`j.completed_at`, from, to)}
    )
    select period, count(*)::int as cards,
      percentile_cont(0.5) within group (order by secs) as median,
      percentile_cont(0.9) within group (order by secs) as p90
    from t
    group by grouping sets ((period), ())
    order by period nulls last`);
  return rows.map((r) => ({
    period: r.period,
    cards: r.cards,
    medianSeconds: r.median === null ? null : Number(r.median),
    p90Seconds: r.p90 === null ? null : Number(r.p90),
  }));
}

/** What became of a failed request: still to act on, or handled by a retry, a move or a cancel. */
export type ExceptionHandling = "needs_action" | "retried" | "moved" | "canceled";

export type ExceptionRow = {
  id: string;
  reference: string;
  completedAt: string;
  state: JobState;
  errorCode: string | null;
  errorMessage: string | null;
  product: string;
  station: string;
  teller: string;
  handling: ExceptionHandling;
};

/** Failed requests that ended in the range, newest first, each with what became of it. */
export async function exceptionsInRange({
  db,
  branchId,
  from,
  to,
  limit = 1000,
}: Omit<RangeQuery, "grain"> & { limit?: number }): Promise<ExceptionRow[]> {
  const { rows } = await db.execute<ExceptionRow>(sql`
    with ${zone(branchId)}
    select j.id, j.issuer_request_id as "reference", to_char(j.completed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "completedAt", j.state,
      j.error_code as "errorCode", j.error_message as "errorMessage", p.name as product, s.label as station,
      u.name as teller,
      case when ${NEEDS_ACTION_SQL} then 'needs_action'
        when ${retried} and j.canceled_at is not null then 'moved'
        when ${retried} then 'retried'
        else 'canceled' end as handling
    from issuance_jobs j cross join b
      join card_products p on p.id = j.product_id
      join stations s on s.id = j.station_id
      join users u on u.id = j.requested_by
    where j.branch_id = ${branchId} and ${CUSTOMERS} and j.state in (${FAILED}) and ${inRange(sql`j.completed_at`, from, to)}
    order by j.completed_at desc, j.id
    limit ${limit}`);
  return rows;
}

export type BranchComparisonRow = {
  branchId: string;
  code: string;
  name: string;
  timezone: string;
  issued: number;
  exceptions: number;
  needsAction: number;
  spoiled: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
};

/** Every branch side by side over the same calendar days, each read in its own time zone (admins). */
export async function branchComparison({ db, from, to }: { db: Executor; from: string; to: string }) {
  const { rows } = await db.execute<
    Omit<BranchComparisonRow, "medianSeconds" | "p90Seconds"> & { median: string | null; p90: string | null }
  >(sql`
    with b as (
      select br.id, br.code, br.name, br.timezone as tz from branches br
    )
    select b.id as "branchId", b.code, b.name, b.tz as timezone,
      count(j.id) filter (where j.state in (${PRODUCED}))::int as issued,
      count(j.id) filter (where j.state in (${FAILED}))::int as exceptions,
      count(j.id) filter (where ${NEEDS_ACTION_SQL})::int as "needsAction",
      coalesce((select sum(l.quantity) from stock_ledger l
        where l.branch_id = b.id and l.movement = 'spoiled' and l.place = 'spoiled'
          and ${inRange(sql`l.at`, from, to)}), 0)::int as spoiled,
      percentile_cont(0.5) within group (order by extract(epoch from j.completed_at - j.created_at))
        filter (where j.state in (${PRODUCED})) as median,
      percentile_cont(0.9) within group (order by extract(epoch from j.completed_at - j.created_at))
        filter (where j.state in (${PRODUCED})) as p90
    from b left join issuance_jobs j on j.branch_id = b.id and ${CUSTOMERS} and ${inRange(sql`j.completed_at`, from, to)}
    group by b.id, b.code, b.name, b.tz
    order by b.code`);
  return rows.map(({ median, p90, ...r }) => ({
    ...r,
    medianSeconds: median === null ? null : Number(median),
    p90Seconds: p90 === null ? null : Number(p90),
  }));
}

/** The branch's calendar day today, in its own zone: the default end of a report's range. */
export async function branchToday({ db, branchId }: { db: Executor; branchId: string }): Promise<string> {
  const { rows } = await db.execute<{ today: string }>(
    sql`select (now() at time zone timezone)::date::text as today from branches where id = ${branchId}`,
  );
  return rows[0]?.today ?? new Date().toISOString().slice(0, 10);
}
