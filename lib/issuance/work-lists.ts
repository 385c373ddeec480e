// The teller's lists: their own jobs of today (optionally by state) and the branch's open queue.
import "server-only";
import { db } from "@/db";
import { listJobs } from "@/db/queries/job-views";
import type { JobState } from "@/lib/vocabulary";

export type WorkScope = "mine" | "queue";

export function startOfToday(now = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

export function workList(scope: WorkScope, user: { id: string; branchId: string }, state?: JobState) {
  return scope === "mine"
    ? listJobs({ db, branchId: user.branchId, requestedBy: user.id, since: startOfToday(), state })
    : listJobs({ db, branchId: user.branchId, openOnly: true, state });
}
