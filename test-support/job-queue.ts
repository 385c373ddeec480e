// Test support only. The queue tests share one database, and with it graphile-worker's queue:
// a file that queues submissions and runs them itself (submitOrder) leaves them queued, and the
// next file's worker would run them first, against its own simulator and faults.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/** Takes every queued submission out of the queue, so a queue test starts from an empty one. */
export async function clearSubmissionQueue(db: Executor): Promise<void> {
  await db.execute(sql`select graphile_worker.remove_job(key) from graphile_worker.jobs where key like 'submit:%'`);
}
