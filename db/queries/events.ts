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

/** A branch's events after an id (stream resume and polling), oldest first. */
export function branchEventsAfter({ db, branchId, afterId, limit }: { db: Executor; branchId: string; afterId: number; limit: number }) {
  return db
    .select(eventWireFields)
    .from(jobEvents)
    .where(and(eq(jobEvents.branchId, branchId), gt(jobEvents.id, afterId)))
    .orderBy(asc(jobEvents.id))
    .limit(limit);
}

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
