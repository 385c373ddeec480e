import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { jobEvents } from "@/db/schema";

/** The wire shape of an event: the same as the NOTIFY payload of job_events_notify(). */
export const eventWireFields = {
  id: jobEvents.id,
  jobId: jobEvents.jobId,
  branchId: jobEvents.branchId,
  kind: jobEvents.kind,
  state: jobEvents.state,
  d1Status: jobEvents.d1Status,
  detail: jobEvents.detail,
  at: jobEvents.createdAt,
};

/** The newest event id of a branch (where a fresh stream starts). */
export async function latestBranchEventId({ db, branchId }: { db: Executor; branchId: string }): Promise<number> {
  const [row] = await db
    .select({ id: sql<number>`coalesce(max(${jobEvents.id}), 0)::int` })
    .from(jobEvents)
    .where(eq(jobEvents.branchId, branchId));
  return row?.id ?? 0;
}

export async function findEventById({ db, id }: { db: Executor; id: number }) {
  const [row] = await db.select(eventWireFields).from(jobEvents).where(eq(jobEvents.id, id)).limit(1);
  return row ?? null;
}

/**
 * Events of a branch from a resume point on, for a stream that continues after `afterId`.
 * Event ids come from a sequence, taken at insert and not at commit, so an event can become
 * visible just after one with a higher id (the worker's "accepted" transaction and D1's
 * REQUESTED notification for the same job race like this). Events with lower ids written up to
 * `lookbackSeconds` before the resume point (but not the resume point itself) are therefore
 * sent again; clients ignore events
 * they already have (lib/events/apply-event.ts, by id).
 */
export function branchEventsForResume({
  db,
  branchId,
  afterId,
  lookbackSeconds,
  limit,
}: {
  db: Executor;
  branchId: string;
  afterId: number;
  lookbackSeconds: number;
  limit: number;
}) {
  // The id bound keeps the scan on the (branch_id, id) index short; a commit lagging 10 000
  // events behind its id is far outside anything the lookback is meant for.
  return db
    .select(eventWireFields)
    .from(jobEvents)
    .where(
      and(
        eq(jobEvents.branchId, branchId),
        gt(jobEvents.id, afterId - 10_000),
        sql`(${jobEvents.id} > ${afterId} or (${jobEvents.id} <> ${afterId} and ${jobEvents.createdAt} >= (select e.created_at from job_events e where e.id = ${afterId}) - make_interval(secs => ${lookbackSeconds})))`,
      ),
    )
    .orderBy(asc(jobEvents.id))
    .limit(limit);
}

/** The newest event id of all branches (where an event listener starts counting). */
export async function latestEventId({ db }: { db: Executor }): Promise<number> {
  const [row] = await db.select({ id: sql<number>`coalesce(max(${jobEvents.id}), 0)::int` }).from(jobEvents);
  return row?.id ?? 0;
}
