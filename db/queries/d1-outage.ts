// Whether D1 is unreachable as a branch sees it, from its own requests: the ones still being sent
// whose last try failed on D1 (`<type>:d1`, a retryable failure: submit.ts keeps them and tries
// again on a schedule). One statement for the Counter's banner; no row means D1 answers (or
// nothing is waiting to be sent, which is all the branch can know: D1 publishes no health).
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

export type D1Outage = {
  /** Requests of the branch waiting for D1. */
  waiting: number;
  /** The first failed try of those requests. */
  since: string;
  lastAttemptAt: string;
  /** The earliest next try the worker has scheduled; null when unknown. */
  nextAttemptAt: string | null;
};

export async function d1Outage({
  db,
  branchId,
  training,
}: {
  db: Executor;
  branchId: string;
  /** Training mode: a trainee sees only training work, everyone else only real work (docs/training.md). */
  training: boolean;
}): Promise<D1Outage | null> {
  const { rows } = await db.execute<{
    waiting: number;
    since: string | null;
    lastAttemptAt: string | null;
    nextAttemptAt: string | null;
  }>(sql`
    with stuck as (
      select j.id from issuance_jobs j
       where j.branch_id = ${branchId}::uuid and j.state = 'submitting' and j.completed_at is null
         and j.training = ${training}
         and j.error_code like '%:d1'
    ), tries as (
      select e.job_id, e.created_at, e.detail from job_events e join stuck s on s.id = e.job_id
       where e.kind = 'submit_retrying' and e.detail->>'code' like '%:d1'
    ), latest as (
      select distinct on (job_id) job_id, created_at, detail from tries order by job_id, created_at desc
    )
    select (select count(*)::int from stuck) as waiting,
           (select min(created_at) from tries) as since,
           (select max(created_at) from tries) as "lastAttemptAt",
           (select min((detail->>'nextAttemptAt')::timestamptz) from latest) as "nextAttemptAt"`);
  const row = rows[0];
  if (!row || row.waiting === 0 || !row.since || !row.lastAttemptAt) return null;
  const iso = (v: string) => new Date(v).toISOString();
  return {
    waiting: row.waiting,
    since: iso(row.since),
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: row.nextAttemptAt ? iso(row.nextAttemptAt) : null,
  };
}
