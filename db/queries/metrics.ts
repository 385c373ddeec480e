// The database's side of /api/metrics: read at scrape time (and cached by lib/metrics/collect.ts),
// so that no write path pays for them. Labels are configuration (product, branch code, station),
// never card data or customer names.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

export type CardRequestRow = { state: string; product: string; branch: string; station: string; n: number };
export type OldestOpenRow = { state: string; seconds: number };
export type QueueRow = { task: string; state: string; n: number; oldest_seconds: number | null };

/** How far back finished requests are counted; open ones are always counted, however old. */
export const FINISHED_WINDOW_HOURS = 24;

/**
 * Card requests by state, product, branch and station: every open one (the partial index on
 * open jobs) and those finished in the last day, so the count stays a bounded read whatever the
 * table's age.
 */
export async function cardRequestCounts({ db }: { db: Executor }): Promise<CardRequestRow[]> {
  // Two index reads (the open jobs' partial index, the finished ones' completed_at index), not an
  // OR a planner would read the whole table for. Customers' cards only: a station's test card is
  // not a card request (the board and reports leave it out too).
  const { rows } = await db.execute<CardRequestRow>(sql`
    select j.state, p.d1_card_product_id as product, b.code as branch, s.perso_station as station,
           count(*)::int as n
    from (
      select state, product_id, branch_id, station_id from issuance_jobs
       where completed_at is null and purpose = 'customer' and not training
      union all
      select state, product_id, branch_id, station_id from issuance_jobs
       where completed_at > now() - make_interval(hours => ${FINISHED_WINDOW_HOURS}) and purpose = 'customer'
         and not training
    ) j
    join card_products p on p.id = j.product_id
    join branches b on b.id = j.branch_id
    join stations s on s.id = j.station_id
    group by 1, 2, 3, 4`);
  return rows;
}

/** Age of the oldest open request in each state (a manager's approval is not waiting on us). */
export async function oldestOpenRequests({ db }: { db: Executor }): Promise<OldestOpenRow[]> {
  const { rows } = await db.execute<OldestOpenRow>(sql`
    select state, extract(epoch from now() - min(created_at))::float8 as seconds
    from issuance_jobs
    where completed_at is null and state <> 'awaiting_approval' and not training
    group by state`);
  return rows;
}

/**
 * graphile-worker's queue (its public jobs view), by task and state: ready (due, waiting for a
 * worker), scheduled (due later), running (locked), failed (out of attempts); with the age of the
 * oldest in each, from when it became due. A training card's submission is not real work and is
 * left out (docs/training.md): its key names the job, looked up by primary key (the CASE keeps the
 * cast from ever seeing another key).
 */
export async function workerQueue({ db }: { db: Executor }): Promise<QueueRow[]> {
  const { rows } = await db.execute<QueueRow>(sql`
    select task_identifier as task,
           case when attempts >= max_attempts then 'failed'
                when locked_at is not null then 'running'
                when run_at > now() then 'scheduled'
                else 'ready' end as state,
           count(*)::int as n,
           extract(epoch from now() - min(run_at))::float8 as oldest_seconds
    from graphile_worker.jobs q
    where not exists (
      select 1 from issuance_jobs j
       where j.training
         and j.id = (case when q.key ~ '^submit:[0-9a-f-]{36}$' then substring(q.key from 8)::uuid end))
    group by 1, 2`);
  return rows;
}
