import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/**
 * Locks a failed job's row for a teller's retry or cancel and says whether either already
 * happened. Both take this lock in their transaction, so a retry and a cancel of the same card
 * clicked at once cannot both succeed: the second sees the first.
 */
export async function lockJobRecovery({ db, jobId }: { db: Executor; jobId: string }) {
  const locked = await db.execute(sql`select 1 from issuance_jobs where id = ${jobId} for update`);
  if (locked.rows.length === 0) return null;
  // A second statement, so that its snapshot (READ COMMITTED) is taken after the lock was won
  // and sees what the transaction that held it committed.
  const { rows } = await db.execute<{ closed: boolean; retried_as: string | null }>(sql`
    select exists (select 1 from job_events e where e.job_id = ${jobId} and e.kind = 'closed') as closed,
           (select r.id from issuance_jobs r where r.retry_of_job_id = ${jobId} limit 1) as retried_as`);
  const row = rows[0];
  return row ? { closed: row.closed, retriedAs: row.retried_as } : null;
}
