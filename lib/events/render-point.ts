import "server-only";
import { db } from "@/db";
import { latestBranchEventId } from "@/db/queries/events";

/**
 * Where a live screen's channel resumes from: the branch's newest event id, read before the
 * screen's data so that an event committed in between is replayed rather than lost.
 */
export function renderPoint(branchId: string): Promise<number> {
  return latestBranchEventId({ db, branchId });
}
