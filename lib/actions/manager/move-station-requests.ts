"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { findJobForCancel, listWaitingJobs } from "@/db/queries/job-cancel";
import { findStation } from "@/db/queries/stations";
import { createAction } from "@/lib/actions/action";
import { AppError, isAppError } from "@/lib/errors";
import { cancelDeps } from "@/lib/issuance/cancel-deps";
import { moveFound } from "@/lib/issuance/move";
import { log } from "@/lib/log";
import { moveStationRequestsSchema } from "@/lib/validations/station";

/**
 * Moves every request still waiting at a station of the manager's branch to another enabled
 * one, e.g. when the station is offline or about to be disabled. Each request is moved as a
 * teller's move would (lib/issuance/move.ts); one that cannot be moved is counted, not fatal.
 */
export const moveStationRequestsAction = createAction({
  name: "moveStationRequests",
  roles: ["manager"],
  input: moveStationRequestsSchema,
  handler: async ({ stationId, toStationId }, ctx) => {
    const station = await findStation({ db, id: stationId });
    if (!station) throw new AppError("not_found:station");
    ctx.assertBranch(station.branchId);
    let moved = 0;
    let failed = 0;
    for (const waiting of await listWaitingJobs({ db, stationId, training: ctx.user.training })) {
      // The manager's kind of work only: a real manager moves no trainee's request (docs/training.md).
      const job = await findJobForCancel({ db, jobId: waiting.id, training: ctx.user.training });
      if (!job) continue;
      try {
        await moveFound(job, toStationId, ctx, cancelDeps(job.training));
        moved++;
      } catch (error) {
        // A wrong target station is the manager's to fix at once; anything else is per request.
        if (isAppError(error) && error.code === "invalid:station") throw error;
        log.warn({ jobId: job.id, err: error }, "move of a waiting request failed");
        failed++;
      }
    }
    revalidatePath("/manager/stations");
    return { moved, failed };
  },
});
