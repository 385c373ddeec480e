// Test support only. The queue tests share one database, and with it graphile-worker's queue and
// the open jobs reconciliation looks at: a file that queues submissions and runs them itself
// (submitOrder) leaves them queued, and jobs whose simulator is gone stay open, so the next
// file's worker and reconciliation would work on them first, against its own simulator.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/**
 * Puts what earlier queue test files left behind out of this file's reach: their queued
 * submissions leave the queue, and their unfinished jobs are closed, since reconciliation takes
 * the oldest open jobs first (100 a pass) and would requeue and poll theirs before this file's.
 */
export async function clearSubmissionQueue(db: Executor): Promise<void> {
  await db.execute(sql`select graphile_worker.remove_job(key) from graphile_worker.jobs where key like 'submit:%'`);
  await db.execute(sql`update issuance_jobs set completed_at = now() where completed_at is null`);
}
