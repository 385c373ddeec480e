// One submission run per job at a time, across workers and app instances. The job queue can
// start a second run while the first is still waiting for D1 (reconciliation re-queues a quiet
// job), and two runs that both find the card unknown to D1 would both order it. A session-level
// advisory lock on its own connection is released by PostgreSQL if the process dies.
import type { Database } from "@/db/client";

export type LockedRun<T> = { locked: true; value: T } | { locked: false };

/** Runs `fn` holding the job's submission lock, or returns `{ locked: false }` when another run holds it. */
export async function withSubmissionLock<T>(
  { db, jobId }: { db: Database; jobId: string },
  fn: () => Promise<T>,
): Promise<LockedRun<T>> {
  const key = `submit:${jobId}`;
  const client = await db.$client.connect();
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ ok: boolean }>("select pg_try_advisory_lock(hashtextextended($1, 0)) as ok", [
      key,
    ]);
    if (rows[0]?.ok !== true) return { locked: false };
    try {
      return { locked: true, value: await fn() };
    } finally {
      await client.query("select pg_advisory_unlock(hashtextextended($1, 0))", [key]).catch((err: unknown) => {
        // Dropping the connection releases the lock too.
        broken = err instanceof Error ? err : new Error(String(err));
      });
    }
  } finally {
    client.release(broken);
  }
}
