"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { findJobForCancel } from "@/db/queries/job-cancel";
import { createAction } from "@/lib/actions/action";
import { AREA_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { cancelDeps } from "@/lib/issuance/cancel-deps";
import { moveFound } from "@/lib/issuance/move";
import { moveJobSchema } from "@/lib/validations/issuance";

/**
 * Moves a request still on its way to another enabled station of its branch: in place when D1
 * never got it, otherwise as a new request after canceling the old one (lib/issuance/move.ts).
 * Opens the request that now carries the card.
 */
export const moveJobAction = createAction({
  name: "moveJob",
  roles: AREA_ROLES.teller,
  input: moveJobSchema,
  handler: async ({ jobId, stationId }, ctx) => {
    const job = await findJobForCancel({ db, jobId, training: ctx.user.training });
    if (!job) throw new AppError("not_found:job");
    ctx.assertBranch(job.branchId);
    const result = await moveFound(job, stationId, ctx, cancelDeps(job.training));
    revalidatePath(`/teller/jobs/${jobId}`);
    return { jobId: result.jobId, movedInPlace: result.movedInPlace, reach: result.canceled?.reach ?? null };
  },
  redirectTo: (data) => `/teller/jobs/${data.jobId}`,
});
