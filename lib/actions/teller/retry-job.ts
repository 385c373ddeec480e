"use server";

import { db } from "@/db";
import { findJobCarryOver } from "@/db/queries/customer-cards";
import { lockJobRecovery } from "@/db/queries/job-recovery";
import { findJobView } from "@/db/queries/job-views";
import { createAction } from "@/lib/actions/action";
import { AREA_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { msg } from "@/lib/i18n/message";
import { checkCounterRequest } from "@/lib/issuance/counter-checks";
import { createIssuanceJob } from "@/lib/issuance/create-job";
import { FAILED_STATES } from "@/lib/vocabulary";
import { retryJobSchema } from "@/lib/validations/issuance";

const CANCELED = msg("Errors.retryCanceled");

/**
 * Issues the failed card again, once, and opens the new job. Not after a cancel (final), and on
 * the station that failed only when the teller confirms its problem is solved.
 */
export const retryJobAction = createAction({
  name: "retryJob",
  roles: AREA_ROLES.teller,
  input: retryJobSchema,
  handler: async (input, ctx) => {
    const failed = await findJobView({ db, id: input.jobId, training: ctx.user.training });
    if (!failed) throw new AppError("not_found:job");
    ctx.assertBranch(failed.branchId);
    // A produced card the teller reported misprinted (spoiled, never handed over) is issued again too.
    const spoiled = failed.state === "done" && failed.destroyIfProduced;
    if (!FAILED_STATES.includes(failed.state) && !spoiled) {
      throw new AppError("conflict:job", { message: msg("Errors.retryNotFailed") });
    }
    if (failed.events.some((e) => e.kind === "closed")) throw new AppError("conflict:job", { message: CANCELED });
    if (input.stationId === failed.stationId && !input.confirmSameStation) {
      throw new AppError("invalid:job", {
        fieldErrors: {
          confirmSameStation: [msg("Validation.confirmSameStation")],
        },
      });
    }
    const { station } = await checkCounterRequest({
      ...input,
      branchId: failed.branchId,
      productId: failed.productId,
      nameOnCard: failed.nameOnCard,
      training: ctx.user.training,
    });
    // The retry is the same request: it replaces the same card, for the same account.
    const carried = await findJobCarryOver({ db, jobId: failed.id });
    // One retry per failed job, whatever the clicks: the key is derived from the failed job.
    const { job } = await createIssuanceJob(
      {
        requestKey: `retry:${failed.id}`,
        branchId: failed.branchId,
        customerId: failed.customerId,
        productId: failed.productId,
        stationId: station.id,
        persoStation: station.persoStation,
        reason: failed.reason,
        nameOnCard: failed.nameOnCard,
        retryOfJobId: failed.id,
        ...carried,
      },
      ctx,
      {
        // A cancel committed since the check above (two tellers, two tabs) still wins.
        guard: async (tx) => {
          if ((await lockJobRecovery({ db: tx, jobId: failed.id }))?.closed) {
            throw new AppError("conflict:job", { message: CANCELED });
          }
        },
      },
    );
    return { jobId: job.id };
  },
  redirectTo: (data) => `/teller/jobs/${data.jobId}`,
});
