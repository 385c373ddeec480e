// The counter's lists: the branch's requests of the branch's day (every teller's; the screen
// filters them by state and teller), a teller's own of today, and the branch's open queue. "Today"
// starts at the branch's midnight (branches.timezone), not the server's.
import "server-only";
import { db } from "@/db";
import { findBranch } from "@/db/queries/branches";
import { listJobs } from "@/db/queries/job-views";
import { DEFAULT_TIME_ZONE, startOfDayIn } from "@/lib/datetime";
import type { JobState } from "@/lib/vocabulary";

export type WorkScope = "today" | "mine" | "queue";

/** More than a branch issues in a day; the list says so if it is ever cut. */
export const TODAY_LIMIT = 300;

/** `user.training`: a trainee's lists hold training requests only, everyone else's real ones only. */
export async function workList(
  scope: WorkScope,
  user: { id: string; branchId: string; training: boolean },
  state?: JobState,
) {
  const { training } = user;
  if (scope === "queue") return listJobs({ db, branchId: user.branchId, openOnly: true, state, training });
  const branch = await findBranch({ db, id: user.branchId });
  const since = startOfDayIn(branch?.timezone ?? DEFAULT_TIME_ZONE);
  return listJobs({
    db,
    branchId: user.branchId,
    requestedBy: scope === "mine" ? user.id : undefined,
    since,
    state,
    limit: TODAY_LIMIT,
    training,
  });
}
