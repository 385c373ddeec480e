import "server-only";
import { db } from "@/db";
import { branchEventsForResume } from "@/db/queries/events";
import { RESUME_LOOKBACK_SECONDS } from "./sse";

const POLL_LIMIT = 200;

/**
 * The polling fallback's answer: a branch's events after `after`, plus the same short window
 * before it that a stream resume sends, because event ids are not in commit order (an event can
 * commit just after a poll returned a higher id). Clients drop the repeats by id.
 */
export function pollBranchEvents(branchId: string, after: number) {
  return branchEventsForResume({
    db,
    branchId,
    afterId: after,
    lookbackSeconds: RESUME_LOOKBACK_SECONDS,
    limit: POLL_LIMIT,
  });
}
