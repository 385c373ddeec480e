"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { findJobForCancel } from "@/db/queries/job-cancel";
import { createAction } from "@/lib/actions/action";
import { AREA_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { cancelFound } from "@/lib/issuance/cancel";
import { cancelDeps } from "@/lib/issuance/cancel-deps";
import { cancelJobSchema } from "@/lib/validations/issuance";

/**
 * Cancels a request still on its way (sending, accepted by D1, at the station), after the
 * teller confirmed it. D1 is asked to stop the order where it may hold it (lib/issuance/cancel.ts).
 */
export const cancelJobAction = createAction({
  name: "cancelJob",
  roles: AREA_ROLES.teller,
  input: cancelJobSchema,
  handler: async ({ jobId }, ctx) => {
    const job = await findJobForCancel({ db, jobId, training: ctx.user.training });
    if (!job) throw new AppError("not_found:job");
    ctx.assertBranch(job.branchId);
    const result = await cancelFound(job, ctx, cancelDeps(job.training));
    revalidatePath(`/teller/jobs/${jobId}`);
    return { jobId, reach: result.reach, stationLabel: result.stationLabel };
  },
});
